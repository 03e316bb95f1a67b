/**
 * The map page's state and words: its filters (in memory only — never in the URL), the labels of
 * map points, the choropleth's classes, clusters' filters, and the hand-over of a click-through to
 * the incident list (a search in memory, src/web/lib/search-handoff.ts).
 */
import { t } from '../../i18n/i18n';
import { onReset } from '../../state';
import { navigate } from '../../router';
import { countryName, crossingName, stateName } from '../../lib/format';
import { handSearch } from '../../lib/search-handoff';
import type { Places, SearchQuery } from '../../types';
import type { MapPointCount } from '../../../domain/map/map-counts';
import { emptyFilters, filterBody, type Filters } from '../dashboard/model';

export type { MapCounts, MapPointCount } from '../../../domain/map/map-counts';

export const memory: { filters: Filters } = { filters: emptyFilters() };
onReset(() => {
  memory.filters = emptyFilters();
});

export function mapBody(f: Filters): object {
  return { ...filterBody(f), ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) };
}

export function pointLabel(p: MapPointCount, places: Places | null): string {
  switch (p.kind) {
    case 'town': return `${p.name ?? ''}, ${stateName(places, p.code)}`;
    case 'crossing': return crossingName(places, p.code);
    case 'state': return t('map.wholeState', { state: stateName(places, p.code) });
    case 'country': return t('map.wholeCountry', { country: countryName(places, p.code) });
  }
}

export function kindLabel(k: MapPointCount['kind']): string {
  switch (k) {
    case 'town': return t('map.kind.town');
    case 'crossing': return t('map.kind.crossing');
    case 'state': return t('map.kind.state');
    case 'country': return t('map.kind.country');
  }
}

export type PlaceFilter = MapPointCount['filter'];

/** One filter holding every incident of several points: their states when all have one, else their countries. */
export function unionFilter(filters: PlaceFilter[], places: Places | null): PlaceFilter {
  if (filters.every((f) => f.state?.length)) return { state: [...new Set(filters.flatMap((f) => f.state!))].sort() };
  const countryOf = (s: string) => places?.states.find((x) => x.code === s)?.country ?? s.slice(0, 2);
  return { country: [...new Set(filters.flatMap((f) => f.country ?? (f.state ?? []).map(countryOf)))].sort() };
}

/** Opens the incident list with the map's filters and the place's (in memory: nothing in the URL). */
export function showIncidents(f: Filters, place: PlaceFilter): void {
  const base = mapBody(f) as Partial<SearchQuery>;
  const q: Partial<SearchQuery> = { ...base, page: 1 };
  if (place.state) q.state = place.state;
  if (place.country) q.country = base.country ?? place.country;
  handSearch(q);
  navigate('/');
}

export { classBreaks, classOf, classRanges } from '../../../domain/map/classes';
