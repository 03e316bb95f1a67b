/**
 * The first incidents as the commit would record them (line, title, date, public place, kinds of
 * act, counts, status, confidentiality), in a table that scrolls inside its box.
 */
import { t } from '../../i18n/i18n';
import { fuzzyDate, number, placeText } from '../../lib/format';
import type { Vocab } from '../../lib/vocab';
import type { Places } from '../../types';
import type { ImportTarget, PreviewIncident } from './model';
import { targetLabel } from './words';

function countsText(c: PreviewIncident['counts']): string {
  if (!c) return '';
  return Object.entries(c)
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .map(([k, v]) => `${targetLabel(`counts.${k}` as ImportTarget)}: ${number(v)}`)
    .join(' · ');
}

export function PreviewTable({ preview, vocab, places }: { preview: PreviewIncident[]; vocab: Vocab; places: Places | null }) {
  if (!preview.length) return null;
  const withCounts = preview.some((p) => p.counts && Object.keys(p.counts).length);
  return (
    <div class="import-preview">
      <h3 id="import-preview-h">{t('import.preview.heading', { count: preview.length })}</h3>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="import-preview-h">
        <table class="import-table import-stack" role="table">
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">{t('import.problems.line')}</th>
              <th role="columnheader" scope="col">{t('import.preview.title')}</th>
              <th role="columnheader" scope="col">{t('import.preview.date')}</th>
              <th role="columnheader" scope="col">{t('import.preview.place')}</th>
              <th role="columnheader" scope="col">{t('import.preview.acts')}</th>
              {withCounts && <th role="columnheader" scope="col">{t('import.preview.counts')}</th>}
              <th role="columnheader" scope="col">{t('import.preview.status')}</th>
              <th role="columnheader" scope="col">{t('import.preview.confidentiality')}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {preview.map((p) => (
              <tr key={p.line} role="row">
                <td role="cell" class="num" data-label={t('import.problems.line')}>{p.line}</td>
                <td role="cell" class="import-wrap" data-label={t('import.preview.title')}>{p.title}</td>
                <td role="cell" class="import-nowrap" data-label={t('import.preview.date')}>{fuzzyDate(p.date) || '—'}</td>
                <td role="cell" class="import-wrap" data-label={t('import.preview.place')}>
                  <span>
                    {placeText(places, p.place, vocab) || '—'}
                    {p.place.point && <span class="muted"> · {t('import.preview.point')}</span>}
                  </span>
                </td>
                <td role="cell" class="import-wrap" data-label={t('import.preview.acts')}>{p.acts.map((a) => vocab.label('act', a)).join(', ') || '—'}</td>
                {withCounts && <td role="cell" class="import-wrap" data-label={t('import.preview.counts')}>{countsText(p.counts) || '—'}</td>}
                <td role="cell" data-label={t('import.preview.status')}>{vocab.label('incident_status', p.status)}</td>
                <td role="cell" class="import-wrap" data-label={t('import.preview.confidentiality')}>{vocab.label('confidentiality', p.confidentiality)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
