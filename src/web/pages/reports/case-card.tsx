/**
 * One chosen case study: its summary (only when the workspace does not mark summaries
 * identifying), and each testimony — quotable ones with their text, a choice of the whole or a
 * passage copied from it; the others say why they cannot be quoted (the consent given for
 * anonymous publication, or no testimony). The report itself shows only pseudonyms, coarse places
 * and dates, kinds of act and perpetrators: the page says so.
 */
import { t } from '../../i18n/i18n';
import { useAppState } from '../../state';
import { CheckField, TextField } from '../../components/ui';
import type { ChosenCase, ChosenExcerpt } from './model';

export function CaseCard({ c, n, onChange, onRemove }: { c: ChosenCase; n: number; onChange: (c: ChosenCase) => void; onRemove: () => void }) {
  const { vocab } = useAppState();
  const cand = c.candidate;
  const excerptOf = (id: string) => c.excerpts.find((x) => x.sourceId === id);
  const setExcerpt = (id: string, x: ChosenExcerpt | null) => onChange({ ...c, excerpts: [...c.excerpts.filter((e) => e.sourceId !== id), ...(x ? [x] : [])] });
  const prefix = `report-case-${n}`;
  return (
    <li class="report-case card">
      <h3 id={`${prefix}-h`}>{t('reports.case.heading', { n: n + 1 })}: {cand.ref} · {cand.title}</h3>
      {cand.summaryPublished
        ? <CheckField id={`${prefix}-summary`} label={t('reports.case.includeSummary')} checked={c.includeSummary} onValue={(v) => onChange({ ...c, includeSummary: v })} />
        : <p class="hint">{t('reports.case.summaryNotPublished')}</p>}
      <p class="hint">{t('reports.case.shown')}</p>
      <h4>{t('reports.case.testimonies')}</h4>
      {cand.sources.length === 0 && <p class="hint">{t('reports.case.noSources')}</p>}
      <ul class="report-sources">
        {cand.sources.map((s, j) => {
          const chosen = excerptOf(s.id);
          const who = `${vocab?.label('source_kind', s.kind) ?? s.kind}${s.pseudonym ? ` · ${s.pseudonym}` : ''}`;
          const id = `${prefix}-src-${j}`;
          if (!s.allowed) {
            return (
              <li key={s.id} class="report-source is-refused">
                <strong>{who}</strong>: {s.reason === 'no_testimony' ? t('reports.case.noTestimony') : s.reason === 'identifying_access' ? t('reports.case.noAccess') : t('reports.case.noConsent', { consent: vocab?.label('consent_value', s.consent) ?? s.consent })}
              </li>
            );
          }
          return (
            <li key={s.id} class="report-source">
              <strong>{who}</strong>: {t('reports.case.consentGiven')}
              <blockquote class="report-testimony">{s.testimony}</blockquote>
              <CheckField id={`${id}-use`} label={t('reports.case.quote')} checked={chosen !== undefined} onValue={(v) => setExcerpt(s.id, v ? { sourceId: s.id, whole: false, text: '' } : null)} />
              {chosen && (
                <fieldset class="report-excerpt">
                  <legend>{t('reports.case.what')}</legend>
                  <div class="check">
                    <input type="radio" id={`${id}-whole`} name={`${id}-what`} checked={chosen.whole} onChange={() => setExcerpt(s.id, { ...chosen, whole: true })} />
                    <label for={`${id}-whole`}>{t('reports.case.whole')}</label>
                  </div>
                  <div class="check">
                    <input type="radio" id={`${id}-part`} name={`${id}-what`} checked={!chosen.whole} onChange={() => setExcerpt(s.id, { ...chosen, whole: false })} />
                    <label for={`${id}-part`}>{t('reports.case.passage')}</label>
                  </div>
                  {!chosen.whole && (
                    <TextField id={`${id}-text`} label={t('reports.case.passageText')} hint={t('reports.case.passageHint')} multiline rows={3} maxLength={2000}
                      value={chosen.text} onValue={(v) => setExcerpt(s.id, { ...chosen, text: v })} autoComplete="off" />
                  )}
                </fieldset>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" class="btn btn-small" onClick={onRemove} aria-describedby={`${prefix}-h`}>{t('reports.case.remove')}</button>
    </li>
  );
}
