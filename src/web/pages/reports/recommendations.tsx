/** The recommendations section: each addressed to a government or an agency, added and removed freely. */
import { t } from '../../i18n/i18n';
import { TextField } from '../../components/ui';
import { newRecommendation, type DraftRecommendation } from './model';
import type { FieldErrors } from '../dashboard/problem-alert';

export function RecommendationsEditor({ list, onChange, errors }: { list: DraftRecommendation[]; onChange: (l: DraftRecommendation[]) => void; errors: FieldErrors }) {
  const set = (key: number, patch: Partial<DraftRecommendation>) => onChange(list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset class="report-recommendations">
      <legend>{t('reports.recs.legend')}</legend>
      <p class="hint">{t('reports.recs.hint')}</p>
      <ol>
        {list.map((r, i) => (
          <li key={r.key} class="card">
            <TextField id={`report-rec-${i}-to`} label={t('reports.recs.addressee')} hint={t('reports.recs.addresseeHint')} value={r.addressee} maxLength={200}
              onValue={(v) => set(r.key, { addressee: v })} errors={errors[`recommendations[${i}].addressee`]} />
            <TextField id={`report-rec-${i}-text`} label={t('reports.recs.text')} multiline rows={4} maxLength={4000} value={r.text}
              onValue={(v) => set(r.key, { text: v })} errors={errors[`recommendations[${i}].text`]} />
            <button type="button" class="btn btn-small" onClick={() => onChange(list.filter((x) => x.key !== r.key))}>{t('reports.recs.remove', { n: i + 1 })}</button>
          </li>
        ))}
      </ol>
      <button type="button" class="btn" onClick={() => onChange([...list, newRecommendation()])}>{t('reports.recs.add')}</button>
    </fieldset>
  );
}
