/** One list of factors in the risk form (threats, vulnerabilities or capacities): each with its description, rating 1–5, evidence and the incidents that show it. */
import { t } from '../../i18n/i18n';
import { CheckGroup, SelectField, TextField, type Option } from '../../components/ui';
import { fieldId, type Problems } from '../../lib/problems';
import type { FactorKind } from './types';

export interface FactorDraft { description: string; level: string; evidence: string; incidents: string[] }
export const emptyFactor = (): FactorDraft => ({ description: '', level: '', evidence: '', incidents: [] });

const TEXT = {
  threats: { legend: 'risk.threats', hint: 'risk.threatsHint', add: 'risk.addThreat', item: 'risk.threatN' },
  vulnerabilities: { legend: 'risk.vulnerabilities', hint: 'risk.vulnerabilitiesHint', add: 'risk.addVulnerability', item: 'risk.vulnerabilityN' },
  capacities: { legend: 'risk.capacities', hint: 'risk.capacitiesHint', add: 'risk.addCapacity', item: 'risk.capacityN' },
} as const;
const RATINGS = ['risk.rating1', 'risk.rating2', 'risk.rating3', 'risk.rating4', 'risk.rating5'] as const;

export function FactorFields(p: { kind: FactorKind; items: FactorDraft[]; onItems: (items: FactorDraft[]) => void; incidents: Option[]; problems: Problems }) {
  const words = TEXT[p.kind];
  const set = (i: number, patch: Partial<FactorDraft>) => p.onItems(p.items.map((f, k) => (k === i ? { ...f, ...patch } : f)));
  const at = (i: number, field: string) => `${p.kind}[${i}].${field}`;
  const ratings = RATINGS.map((key, k) => ({ value: String(k + 1), label: t(key) }));
  const listErrors = p.problems.get(p.kind);
  return (
    <fieldset class="risk-factors" id={fieldId(p.kind)} tabIndex={-1}>
      <legend>{t(words.legend)}</legend>
      <p class="hint">{t(words.hint)}</p>
      {listErrors?.length ? <p class="field-error">{listErrors.join(' ')}</p> : null}
      {p.items.map((f, i) => (
        <div class="card risk-factor" key={i} role="group" aria-label={t(words.item, { n: i + 1 })}>
          <TextField id={fieldId(at(i, 'description'))} label={t('risk.description')} value={f.description} onValue={(v) => set(i, { description: v })} multiline rows={2} maxLength={1000} required errors={p.problems.get(at(i, 'description'))} />
          <SelectField id={fieldId(at(i, 'level'))} label={t('risk.rating')} value={f.level} onValue={(v) => set(i, { level: v })} options={ratings} empty={t('risk.chooseRating')} required errors={p.problems.get(at(i, 'level'))} />
          <TextField id={fieldId(at(i, 'evidence'))} label={t('risk.evidence')} hint={t('risk.evidenceHint')} value={f.evidence} onValue={(v) => set(i, { evidence: v })} multiline rows={2} maxLength={2000} errors={p.problems.get(at(i, 'evidence'))} />
          {p.incidents.length > 0 && (
            <CheckGroup id={fieldId(at(i, 'incidents'))} legend={t('risk.incidents')} options={p.incidents} values={f.incidents} onValues={(v) => set(i, { incidents: v })} errors={p.problems.get(at(i, 'incidents'))} />
          )}
          <button type="button" class="btn-link" onClick={() => p.onItems(p.items.filter((_, k) => k !== i))}>
            {t('risk.remove', { what: t(words.item, { n: i + 1 }) })}
          </button>
        </div>
      ))}
      <button type="button" class="btn" onClick={() => p.onItems([...p.items, emptyFactor()])}>
        {t(words.add)}
      </button>
    </fieldset>
  );
}
