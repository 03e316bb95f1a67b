/** What was done, to whom, by whom: one card per act, perpetrators inside ("unknown" one click away). */
import { t } from '../../i18n/i18n';
import { getState } from '../../state';
import { SelectField, TextField } from '../../components/ui';
import { VocabSelect, VocabChecks } from '../../components/vocab-select';
import { FuzzyDateField } from '../../components/date-fields';
import { PlusIcon } from '../../components/icons';
import { countryOptions } from '../../lib/options';
import { fieldId, type Problems } from '../../lib/problems';
import { emptyAct, emptyPerp, victimLabel, type FAct, type FPerp, type FVictim } from './model';

export function unknownPerpetrator(): string {
  const vocab = getState().vocab!;
  return vocab.get('perpetrator', 'non_state.unknown') ? 'non_state.unknown' : 'non_state';
}

export function ActsSection({ acts, onActs, victims, problems }: { acts: FAct[]; onActs: (a: FAct[]) => void; victims: FVictim[]; problems: Problems }) {
  const setAct = (i: number, a: FAct) => onActs(acts.map((x, j) => (j === i ? a : x)));
  const defaultVictim = victims.length === 1 ? victims[0]!.key : '';
  return (
    <div class="section-body">
      <p class="hint">{t('form.actsHint')}</p>
      {acts.map((a, i) => (
        <ActCard key={a.uid} act={a} index={i} victims={victims} problems={problems} onAct={(x) => setAct(i, x)} onRemove={() => onActs(acts.filter((_, j) => j !== i))} />
      ))}
      <div class="add-row">
        <button type="button" class="btn" onClick={() => onActs([...acts, emptyAct(defaultVictim)])}>
          <PlusIcon />
          {t('act.add')}
        </button>
      </div>
    </div>
  );
}

function ActCard({ act, index, victims, problems, onAct, onRemove }: { act: FAct; index: number; victims: FVictim[]; problems: Problems; onAct: (a: FAct) => void; onRemove: () => void }) {
  const vocab = getState().vocab!;
  const base = `acts[${index}]`;
  const pe = (k: string) => problems.get(`${base}.${k}`);
  const set = (patch: Partial<FAct>) => onAct({ ...act, ...patch });
  const setPerp = (j: number, p: FPerp) => set({ perpetrators: act.perpetrators.map((x, k) => (k === j ? p : x)) });
  const hasMore = !!(act.description || act.methods.length || act.consequences.length || act.date.start.y);
  return (
    <fieldset class="card-edit act-card">
      <legend>
        {t('act.heading', { n: index + 1 })}
        {act.kind ? `: ${vocab.label('act', act.kind)}` : ''}
      </legend>
      <div class="grid-2">
        <VocabSelect id={fieldId(`${base}.kind`)} label={t('act.kind')} scheme="act" value={act.kind} onValue={(kind) => set({ kind })} errors={pe('kind')} required />
        <SelectField
          id={fieldId(`${base}.victimKey`)}
          label={t('act.victim')}
          hint={victims.length === 0 ? t('act.noVictimsYet') : undefined}
          value={act.victimKey}
          empty={t('act.noVictim')}
          options={victims.map((v, i) => ({ value: v.key, label: victimLabel(v, i) }))}
          errors={pe('victimKey')}
          onValue={(victimKey) => set({ victimKey })}
        />
      </div>

      <fieldset class="perps">
        <legend class="label">{t('act.perpetrators')}</legend>
        {act.perpetrators.length === 0 && <p class="muted">{t('act.noPerpetrators')}</p>}
        {act.perpetrators.map((p, j) => (
          <PerpRow key={p.uid} perp={p} path={`${base}.perpetrators[${j}]`} n={j + 1} problems={problems} onPerp={(x) => setPerp(j, x)} onRemove={() => set({ perpetrators: act.perpetrators.filter((_, k) => k !== j) })} />
        ))}
        <div class="add-row">
          <button type="button" class="btn btn-small" onClick={() => set({ perpetrators: [...act.perpetrators, emptyPerp()] })}>
            <PlusIcon />
            {t('act.addPerpetrator')}
          </button>
          <button type="button" class="btn btn-small" onClick={() => set({ perpetrators: [...act.perpetrators, emptyPerp(unknownPerpetrator())] })}>
            <PlusIcon />
            {t('act.addUnknown')}
          </button>
        </div>
      </fieldset>

      <details class="more" open={hasMore || undefined}>
        <summary>{t('act.more')}</summary>
        <FuzzyDateField path={`${base}.date`} legend={t('act.date')} hint={t('act.dateHint')} value={act.date} onValue={(date) => set({ date })} problems={problems} />
        <VocabChecks id={fieldId(`${base}.methods`)} legend={t('field.methods')} scheme="act_method" values={act.methods} onValues={(methods) => set({ methods })} errors={pe('methods')} class="cols" />
        <VocabChecks id={fieldId(`${base}.consequences`)} legend={t('field.consequences')} scheme="consequence" values={act.consequences} onValues={(consequences) => set({ consequences })} errors={pe('consequences')} class="cols" />
        <TextField id={fieldId(`${base}.description`)} label={t('field.description')} value={act.description} onValue={(description) => set({ description })} errors={pe('description')} multiline rows={3} />
      </details>
      <div class="card-actions">
        <button type="button" class="btn btn-small btn-danger-quiet" onClick={onRemove}>
          {t('act.remove', { n: index + 1 })}
        </button>
      </div>
    </fieldset>
  );
}

function PerpRow({ perp, path, n, problems, onPerp, onRemove }: { perp: FPerp; path: string; n: number; problems: Problems; onPerp: (p: FPerp) => void; onRemove: () => void }) {
  const places = getState().places!;
  const pe = (k: string) => problems.get(`${path}.${k}`);
  const set = (patch: Partial<FPerp>) => onPerp({ ...perp, ...patch });
  return (
    <div class="perp" role="group" aria-label={t('act.perpetratorN', { n })}>
      <div class="grid-2">
        <VocabSelect id={fieldId(`${path}.perpetrator`)} label={t('act.perpetratorN', { n })} scheme="perpetrator" value={perp.perpetrator} onValue={(perpetrator) => set({ perpetrator })} errors={pe('perpetrator')} required />
        <VocabSelect id={fieldId(`${path}.degree`)} label={t('field.degree')} scheme="involvement_degree" value={perp.degree} onValue={(degree) => set({ degree })} errors={pe('degree')} empty="—" />
      </div>
      <details class="more" open={!!(perp.country || perp.identifiedIndividuals || perp.description) || undefined}>
        <summary>{t('act.perpetratorMore')}</summary>
        <SelectField id={fieldId(`${path}.country`)} label={t('act.perpetratorCountry')} value={perp.country} empty="—" options={countryOptions(places)} errors={pe('country')} onValue={(country) => set({ country })} />
        <TextField id={fieldId(`${path}.identifiedIndividuals`)} label={<>{t('field.identifiedIndividuals')}</>} hint={t('act.identifiedHint')} value={perp.identifiedIndividuals} onValue={(identifiedIndividuals) => set({ identifiedIndividuals })} errors={pe('identifiedIndividuals')} identifying multiline rows={2} />
        <TextField id={fieldId(`${path}.description`)} label={t('field.description')} value={perp.description} onValue={(description) => set({ description })} errors={pe('description')} multiline rows={2} />
      </details>
      <button type="button" class="btn-link danger" onClick={onRemove}>
        {t('act.removePerpetrator', { n })}
      </button>
    </div>
  );
}

