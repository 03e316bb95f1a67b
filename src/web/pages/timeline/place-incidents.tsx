/**
 * A place's incidents in date order, a page at a time with "load more" (POST /api/v1/incidents/search
 * with the place filter and a date order: the memory index's one pass, no facets). Grouped under a
 * heading per year that says how many incidents that year has in all (from the yearly breakdown),
 * so the count is right before every page has arrived; the undated last.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { Alert } from '../../components/ui';
import { errorText } from '../../lib/problems';
import { number } from '../../lib/format';
import type { SearchHit, SearchResult } from '../../types';
import { IncidentEntry } from './entries';

const PAGE_SIZE = 25;

export interface PlaceFilter {
  country?: string[];
  state?: string[];
}

function groups(hits: SearchHit[]): { year: string | null; hits: SearchHit[] }[] {
  const out: { year: string | null; hits: SearchHit[] }[] = [];
  for (const h of hits) {
    const year = h.date?.start ? h.date.start.slice(0, 4) : null;
    let last = out[out.length - 1];
    if (!last || last.year !== year) out.push((last = { year, hits: [] }));
    last.hits.push(h);
  }
  return out;
}

export function PlaceIncidents({ filter, order, perYear, undated }: { filter: PlaceFilter; order: 'desc' | 'asc'; perYear: Map<string, number>; undated: number }) {
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    setBusy(true);
    setError('');
    api<SearchResult>('POST', '/api/v1/incidents/search', { ...filter, sort: order === 'desc' ? 'date_desc' : 'date_asc', page, pageSize: PAGE_SIZE, facets: false }).then(
      (r) => {
        if (!live) return;
        setHits((before) => (page === 1 ? r.hits : [...before, ...r.hits.filter((h) => !before.some((b) => b.id === h.id))]));
        setTotal(r.total);
        setBusy(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(errorText(e));
        setBusy(false);
      },
    );
    return () => {
      live = false;
    };
  }, [page]);

  const more = total !== null && hits.length < total;
  return (
    <section class="dash-section" aria-labelledby="tl-incidents-h" aria-busy={busy}>
      <h2 id="tl-incidents-h">{t('timeline.incidentsTitle')}</h2>
      <p class="dash-status" role="status">
        {total === null ? t('common.loading') : total === 0 ? t('timeline.noIncidents') : t('timeline.showing', { shown: number(hits.length), total })}
      </p>
      {error && <Alert kind="error">{error}</Alert>}
      {hits.length > 0 && (
        <ol class="tl-years">
          {groups(hits).map((g) => (
            <li class="tl-year" key={g.year ?? 'undated'}>
              <h3>{g.year ? t('timeline.yearIncidents', { year: g.year, count: perYear.get(g.year) ?? g.hits.length }) : t('timeline.undatedIncidents', { count: undated || g.hits.length })}</h3>
              <ol class="tl-list">
                {g.hits.map((h) => (
                  <IncidentEntry key={h.id} headingLevel={4} actsLabel={t('incident.actsLabel')} x={{ incidentId: h.id, ref: h.ref, title: h.title, date: h.date, place: h.place, status: h.status, acts: h.acts }} />
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
      {more && (
        <button type="button" class="btn" disabled={busy} onClick={() => setPage(page + 1)}>
          {t('timeline.loadMore')}
        </button>
      )}
    </section>
  );
}
