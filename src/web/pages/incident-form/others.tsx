/** Sources (with consent per use), interventions, and how the record is classified. */
import { t } from '../../i18n/i18n';
import { TextField } from '../../components/ui';
import { VocabSelect, VocabChecks } from '../../components/vocab-select';
import { PartialDateField } from '../../components/date-fields';
import { PlusIcon } from '../../components/icons';
import { fieldId, type Problems } from '../../lib/problems';
import { CONSENT_USES, COUNT_FIELDS, type ConsentUse, type CountField } from '../../types';
import { emptyIntervention, emptySource, type FIntervention, type FSource, type FormState } from './model';
import { getState } from '../../state';

export function countLabel(k: CountField): string {
  switch (k) {
    case 'dead': return t('counts.dead');
    case 'missing': return t('counts.missing');
    case 'survivors': return t('counts.survivors');
    case 'women': return t('counts.women');
    case 'men': return t('counts.men');
    case 'children': return t('counts.children');
  }
}

export function consentLabel(use: ConsentUse): string {
  switch (use) {
    case 'internal_analysis': return t('consent.internal_analysis');
    case 'share_partners': return t('consent.share_partners');
    case 'anonymous_publication': return t('consent.anonymous_publication');
    case 'named_publication': return t('consent.named_publication');
    case 'legal_action': return t('consent.legal_action');
  }
}

export function SourcesSection({ sources, onSources, problems }: { sources: FSource[]; onSources: (s: FSource[]) => void; problems: Problems }) {
  const vocab = getState().vocab!;
  const setS = (i: number, patch: Partial<FSource>) => onSources(sources.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <div class="section-body">
      <p class="hint">{t('form.sourcesHint')}</p>
      {sources.map((s, i) => {
        const base = `sources[${i}]`;
        const pe = (k: string) => problems.get(`${base}.${k}`);
        return (
          <fieldset class="card-edit" key={s.uid}>
            <legend>
              {t('source.heading', { n: i + 1 })}
              {s.kind ? `: ${vocab.label('source_kind', s.kind)}` : ''}
            </legend>
            <div class="grid-2">
              <VocabSelect id={fieldId(`${base}.kind`)} label={t('source.kind')} scheme="source_kind" value={s.kind} onValue={(kind) => setS(i, { kind })} errors={pe('kind')} required />
              <VocabSelect id={fieldId(`${base}.method`)} label={t('field.sourceMethod')} scheme="source_method" value={s.method} onValue={(method) => setS(i, { method })} errors={pe('method')} empty="—" />
              <VocabSelect id={fieldId(`${base}.reliability`)} label={t('field.reliability')} scheme="reliability" value={s.reliability} onValue={(reliability) => setS(i, { reliability })} errors={pe('reliability')} empty="—" />
              <TextField id={fieldId(`${base}.pseudonym`)} label={t('source.pseudonym')} hint={t('source.pseudonymHint')} value={s.pseudonym} onValue={(pseudonym) => setS(i, { pseudonym })} errors={pe('pseudonym')} />
            </div>
            <PartialDateField path={`${base}.receivedOn`} legend={t('field.receivedOn')} value={s.receivedOn} onValue={(receivedOn) => setS(i, { receivedOn })} errors={pe('receivedOn')} />
            <TextField id={fieldId(`${base}.testimony`)} label={t('field.testimony')} hint={t('source.testimonyHint')} value={s.testimony} onValue={(testimony) => setS(i, { testimony })} errors={pe('testimony')} identifying multiline rows={5} />
            <fieldset class="consent">
              <legend class="label">{t('source.consent')}</legend>
              <p class="hint">{t('source.consentHint')}</p>
              <div class="grid-2">
                {CONSENT_USES.map((use) => (
                  <VocabSelect key={use} id={fieldId(`${base}.consent.${use}`)} label={consentLabel(use)} scheme="consent_value" value={s.consent[use]} onValue={(v) => setS(i, { consent: { ...s.consent, [use]: v || 'not_asked' } })} errors={pe(`consent.${use}`)} empty="—" />
                ))}
              </div>
            </fieldset>
            <div class="card-actions">
              <button type="button" class="btn btn-small btn-danger-quiet" onClick={() => onSources(sources.filter((_, j) => j !== i))}>
                {t('source.remove', { n: i + 1 })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div class="add-row">
        <button type="button" class="btn" onClick={() => onSources([...sources, emptySource()])}>
          <PlusIcon />
          {t('source.add')}
        </button>
      </div>
    </div>
  );
}

export function InterventionsSection({ items, onItems, problems }: { items: FIntervention[]; onItems: (s: FIntervention[]) => void; problems: Problems }) {
  const vocab = getState().vocab!;
  const setI = (i: number, patch: Partial<FIntervention>) => onItems(items.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <div class="section-body">
      <p class="hint">{t('form.interventionsHint')}</p>
      {items.map((s, i) => {
        const base = `interventions[${i}]`;
        const pe = (k: string) => problems.get(`${base}.${k}`);
        return (
          <fieldset class="card-edit" key={s.uid}>
            <legend>
              {t('intervention.heading', { n: i + 1 })}
              {s.kind ? `: ${vocab.label('intervention_kind', s.kind)}` : ''}
            </legend>
            <VocabSelect id={fieldId(`${base}.kind`)} label={t('intervention.kind')} scheme="intervention_kind" value={s.kind} onValue={(kind) => setI(i, { kind })} errors={pe('kind')} required />
            <PartialDateField path={`${base}.date`} legend={t('intervention.date')} value={s.date} onValue={(date) => setI(i, { date })} errors={pe('date')} />
            <div class="grid-2">
              <TextField id={fieldId(`${base}.actor`)} label={t('intervention.actor')} value={s.actor} onValue={(actor) => setI(i, { actor })} errors={pe('actor')} />
              <TextField id={fieldId(`${base}.addressee`)} label={t('intervention.addressee')} value={s.addressee} onValue={(addressee) => setI(i, { addressee })} errors={pe('addressee')} />
              <VocabSelect id={fieldId(`${base}.outcome`)} label={t('field.outcome')} scheme="intervention_outcome" value={s.outcome} onValue={(outcome) => setI(i, { outcome })} errors={pe('outcome')} empty="—" />
              <VocabSelect id={fieldId(`${base}.followUp`)} label={t('field.followUp')} scheme="follow_up" value={s.followUp} onValue={(followUp) => setI(i, { followUp })} errors={pe('followUp')} empty="—" />
            </div>
            <TextField id={fieldId(`${base}.notes`)} label={t('field.notes')} value={s.notes} onValue={(notes) => setI(i, { notes })} errors={pe('notes')} multiline rows={3} />
            <div class="card-actions">
              <button type="button" class="btn btn-small btn-danger-quiet" onClick={() => onItems(items.filter((_, j) => j !== i))}>
                {t('intervention.remove', { n: i + 1 })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div class="add-row">
        <button type="button" class="btn" onClick={() => onItems([...items, emptyIntervention()])}>
          <PlusIcon />
          {t('intervention.add')}
        </button>
      </div>
    </div>
  );
}

export function ClassificationSection({ form, onForm, problems }: { form: FormState; onForm: (patch: Partial<FormState>) => void; problems: Problems }) {
  return (
    <div class="section-body">
      <VocabChecks id={fieldId('context')} legend={t('field.context')} scheme="context" values={form.context} onValues={(context) => onForm({ context })} errors={problems.get('context')} class="cols" />
      <div class="grid-3">
        <VocabSelect id={fieldId('status')} label={t('field.status')} hint={t('form.statusHint')} scheme="incident_status" noEmpty value={form.status} onValue={(status) => onForm({ status })} errors={problems.get('status')} />
        <VocabSelect id={fieldId('followUp')} label={t('field.followUp')} scheme="follow_up" value={form.followUp} noEmpty onValue={(followUp) => onForm({ followUp })} errors={problems.get('followUp')} />
        <VocabSelect id={fieldId('confidentiality')} label={t('field.confidentiality')} hint={t('form.confidentialityHint')} scheme="confidentiality" noEmpty value={form.confidentiality} onValue={(confidentiality) => onForm({ confidentiality })} errors={problems.get('confidentiality')} />
      </div>
      <fieldset class="counts">
        <legend class="label">{t('counts.legend')}</legend>
        <p class="hint">{t('counts.hint')}</p>
        <div class="grid-3">
          {COUNT_FIELDS.map((k) => (
            <TextField key={k} id={fieldId(`counts.${k}`)} label={countLabel(k)} inputMode="numeric" value={form.counts?.[k] ?? ''} onValue={(v) => onForm({ counts: { ...form.counts, [k]: v } })} errors={problems.get(`counts.${k}`)} />
          ))}
        </div>
      </fieldset>
    </div>
  );
}
