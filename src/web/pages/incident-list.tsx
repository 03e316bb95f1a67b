/**
 * Incidents: search words (Spanish or English, with or without accents), filters with counts,
 * sorted results in pages. The search lives in memory only — never in the URL or the title.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n/i18n';
import { useAppState, onReset, can } from '../state';
import { Link } from '../router';
import { Alert, PageTitle, SelectField } from '../components/ui';
import { SearchIcon } from '../components/icons';
import { IncidentCard } from '../components/incident-card';
import { countryName, stateName, number, dateTime, partialDate } from '../lib/format';
import { errorText } from '../lib/problems';
import { PartialDateField } from '../components/date-fields';
import { partsOf, joinParts, type DateParts } from './incident-form/model';
import type { DraftSummary, SearchFacet, SearchQuery, SearchResult } from '../types';
import type { Vocab } from '../lib/vocab';
import type { Places } from '../types';
import { takeSearch } from '../lib/search-handoff';

const PAGE_SIZE = 20;
const FILTER_FACETS: SearchFacet[] = ['year', 'country', 'state', 'act', 'perpetrator', 'role', 'gender', 'lgbti', 'migrationStatus', 'status'];

const emptyQuery = (): SearchQuery => ({ sort: 'date_desc', page: 1, pageSize: PAGE_SIZE });
let memory: { query: SearchQuery; words: string; result: SearchResult | null } = { query: emptyQuery(), words: '', result: null };
onReset(() => {
  memory = { query: emptyQuery(), words: '', result: null };
});

function facetTitle(f: SearchFacet): string {
  switch (f) {
    case 'year': return t('facet.year');
    case 'country': return t('facet.country');
    case 'state': return t('facet.state');
    case 'act': return t('facet.act');
    case 'perpetrator': return t('facet.perpetrator');
    case 'role': return t('facet.role');
    case 'gender': return t('facet.gender');
    case 'lgbti': return t('facet.lgbti');
    case 'migrationStatus': return t('facet.migrationStatus');
    case 'status': return t('facet.status');
  }
}

export function facetLabel(f: SearchFacet, value: string, vocab: Vocab, places: Places | null): string {
  switch (f) {
    case 'year': return value;
    case 'country': return countryName(places, value);
    case 'state': return stateName(places, value);
    case 'act': return vocab.label('act', value);
    case 'perpetrator': return vocab.pathLabel('perpetrator', value);
    case 'role': return vocab.label('victim_role', value);
    case 'gender': return vocab.label('gender_identity', value);
    case 'lgbti': return vocab.label('lgbti', value);
    case 'migrationStatus': return vocab.label('migration_status', value);
    case 'status': return vocab.label('incident_status', value);
  }
}

export function IncidentListPage() {
  const { vocab, places } = useAppState();
  // a search handed over by another page (the map's click-through), in memory only
  const handed = takeSearch();
  if (handed) memory = { query: { ...emptyQuery(), ...handed }, words: handed.q ?? '', result: null };
  const [query, setQuery] = useState<SearchQuery>(memory.query);
  const [words, setWords] = useState(memory.words);
  const [result, setResult] = useState<SearchResult | null>(memory.result);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const seq = useRef(0);

  const run = async (q: SearchQuery) => {
    const mine = ++seq.current;
    setQuery(q);
    memory.query = q;
    setBusy(true);
    setError(undefined);
    try {
      const body: Record<string, unknown> = { ...q };
      for (const [k, v] of Object.entries(body)) if (v === '' || (Array.isArray(v) && v.length === 0)) delete body[k];
      const r = await api<SearchResult>('POST', '/api/v1/incidents/search', body);
      if (mine !== seq.current) return;
      setResult(r);
      memory.result = r;
    } catch (e) {
      if (mine === seq.current) setError(errorText(e));
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  };

  useEffect(() => {
    void run(memory.query);
    if (can('incident.create')) {
      api<{ drafts: DraftSummary[] }>('GET', '/api/v1/drafts')
        .then((r) => setDrafts(r.drafts))
        .catch(() => undefined);
    }
  }, []);

  if (!vocab) return null;

  const submit = (e: Event) => {
    e.preventDefault();
    memory.words = words;
    void run({ ...query, q: words.trim() || undefined, page: 1, sort: words.trim() && query.sort === 'date_desc' && !query.q ? 'relevance' : query.sort });
  };

  const toggle = (f: SearchFacet, value: string, on: boolean) => {
    const list = ((query[f] as string[] | undefined) ?? []).filter((v) => v !== value);
    if (on) list.push(value);
    void run({ ...query, [f]: list, page: 1 });
  };

  const active: { f: SearchFacet; value: string }[] = [];
  for (const f of FILTER_FACETS) for (const v of (query[f] as string[] | undefined) ?? []) active.push({ f, value: v });
  const activeCount = active.length + (query.from ? 1 : 0) + (query.to ? 1 : 0);
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;

  return (
    <div class="list-page">
      <div class="page-head">
        <PageTitle>{t('list.title')}</PageTitle>
        {can('incident.create') && (
          <Link href="/incidents/new" class="btn btn-primary">
            {t('list.new')}
          </Link>
        )}
      </div>

      {drafts.length > 0 && (
        <div class="drafts-box">
          <h2 class="h-small">{t('drafts.title', { count: drafts.length })}</h2>
          <ul class="plain">
            {drafts.slice(0, 5).map((d) => (
              <li key={d.id}>
                <Link href={d.incidentId ? `/incidents/${d.incidentId}/edit` : `/drafts/${d.id}`}>{d.title || t('drafts.untitled')}</Link> <span class="muted">{t('drafts.savedAt', { time: dateTime(d.updatedAt) })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <form class="search-form" role="search" onSubmit={submit}>
        <label for="q" class="label">
          {t('list.searchLabel')}
        </label>
        <div class="search-row">
          <input id="q" type="search" value={words} onInput={(e) => setWords(e.currentTarget.value)} autoComplete="off" spellcheck={false} aria-describedby="q-hint" enterKeyHint="search" />
          <button type="submit" class="btn btn-primary">
            <SearchIcon />
            {t('list.search')}
          </button>
        </div>
        <p class="hint" id="q-hint">
          {t('list.searchHint')}
          {can('identifying.read') && (
            <>
              {' '}
              <Link href="/incidents/scan">{t('scan.link')}</Link>
            </>
          )}
        </p>
      </form>

      <div class="list-layout">
        <aside class="filters" aria-label={t('list.filters')}>
          <button type="button" class="btn filters-toggle" aria-expanded={filtersOpen} aria-controls="filters-panel" onClick={() => setFiltersOpen(!filtersOpen)}>
            {t('list.filtersButton', { count: activeCount })}
          </button>
          <div id="filters-panel" class={`filters-panel ${filtersOpen ? 'is-open' : ''}`}>
            <DateFilter query={query} onApply={(from, to) => void run({ ...query, from, to, page: 1 })} />
            {FILTER_FACETS.map((f) => (
              <FacetGroup key={f} facet={f} selected={(query[f] as string[] | undefined) ?? []} values={result?.facets[f] ?? []} vocab={vocab} places={places} onToggle={toggle} />
            ))}
          </div>
        </aside>

        <section class="results" aria-labelledby="results-count" aria-busy={busy}>
          <div class="results-head">
            <p id="results-count" class="results-count" role="status">
              {result ? t('list.count', { count: result.total }) : t('common.loading')}
            </p>
            <SelectField
              id="sort"
              class="sort"
              label={t('list.sort')}
              value={query.sort}
              onValue={(v) => void run({ ...query, sort: v as SearchQuery['sort'], page: 1 })}
              options={[
                { value: 'date_desc', label: t('list.sortNewest') },
                { value: 'date_asc', label: t('list.sortOldest') },
                { value: 'relevance', label: t('list.sortRelevance') },
                { value: 'updated_desc', label: t('list.sortUpdated') },
              ]}
            />
          </div>
          {activeCount > 0 && (
            <div class="active-filters">
              <span class="sr-only">{t('list.activeFilters')}</span>
              <ul class="chips">
                {query.from && (
                  <li>
                    <button type="button" class="chip chip-remove" onClick={() => void run({ ...query, from: undefined, page: 1 })} aria-label={t('list.removeFilter', { label: t('list.fromValue', { date: partialDate(query.from) }) })}>
                      {t('list.fromValue', { date: partialDate(query.from) })} ×
                    </button>
                  </li>
                )}
                {query.to && (
                  <li>
                    <button type="button" class="chip chip-remove" onClick={() => void run({ ...query, to: undefined, page: 1 })} aria-label={t('list.removeFilter', { label: t('list.toValue', { date: partialDate(query.to) }) })}>
                      {t('list.toValue', { date: partialDate(query.to) })} ×
                    </button>
                  </li>
                )}
                {active.map(({ f, value }) => {
                  const label = facetLabel(f, value, vocab, places);
                  return (
                    <li key={`${f}:${value}`}>
                      <button type="button" class="chip chip-remove" onClick={() => toggle(f, value, false)} aria-label={t('list.removeFilter', { label })}>
                        {label} ×
                      </button>
                    </li>
                  );
                })}
              </ul>
              <button type="button" class="btn-link" onClick={() => void run({ ...emptyQuery(), q: query.q, sort: query.sort })}>
                {t('list.clearFilters')}
              </button>
            </div>
          )}
          {error && <Alert kind="error">{error}</Alert>}
          {result && result.hits.length === 0 && !busy && <p class="empty">{query.q || activeCount ? t('list.noMatches') : t('list.empty')}</p>}
          {result && result.hits.length > 0 && (
            <ul class="cards">
              {result.hits.map((h) => (
                <IncidentCard key={h.id} hit={h} vocab={vocab} places={places} />
              ))}
            </ul>
          )}
          {result && pages > 1 && (
            <nav class="pager" aria-label={t('list.pages')}>
              <button type="button" class="btn" disabled={query.page <= 1} onClick={() => void run({ ...query, page: query.page - 1 })}>
                {t('list.prev')}
              </button>
              <span>{t('list.pageOf', { page: query.page, pages })}</span>
              <button type="button" class="btn" disabled={query.page >= pages} onClick={() => void run({ ...query, page: query.page + 1 })}>
                {t('list.next')}
              </button>
            </nav>
          )}
        </section>
      </div>
    </div>
  );
}

/** From / to as people say them: a year, a month or a day ("desde 2019", "hasta julio de 2022"). */
function DateFilter({ query, onApply }: { query: SearchQuery; onApply: (from: string | undefined, to: string | undefined) => void }) {
  const [from, setFrom] = useState<DateParts>(partsOf(query.from));
  const [to, setTo] = useState<DateParts>(partsOf(query.to));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  useEffect(() => {
    setFrom(partsOf(query.from));
    setTo(partsOf(query.to));
    setErrors({});
  }, [query.from, query.to]);
  const apply = () => {
    const f = joinParts(from);
    const u = joinParts(to);
    setErrors({ ...(f.problem ? { from: f.problem } : {}), ...(u.problem ? { to: u.problem } : {}) });
    if (!f.problem && !u.problem) onApply(f.value || undefined, u.value || undefined);
  };
  return (
    <fieldset class="facet">
      <legend>{t('facet.dates')}</legend>
      <div class="date-filter">
        <PartialDateField path="filter.from" legend={t('list.from')} value={from} onValue={setFrom} errors={errors.from ? [errors.from] : undefined} />
        <PartialDateField path="filter.to" legend={t('list.to')} value={to} onValue={setTo} errors={errors.to ? [errors.to] : undefined} />
      </div>
      <button type="button" class="btn btn-small" onClick={apply}>
        {t('list.applyDates')}
      </button>
    </fieldset>
  );
}

const SHOWN = 8;

function FacetGroup(p: { facet: SearchFacet; selected: string[]; values: { value: string; count: number }[]; vocab: Vocab; places: Places | null; onToggle: (f: SearchFacet, v: string, on: boolean) => void }) {
  const [all, setAll] = useState(false);
  const values = [...p.values];
  for (const s of p.selected) if (!values.some((v) => v.value === s)) values.push({ value: s, count: 0 });
  if (p.facet === 'year') values.sort((a, b) => b.value.localeCompare(a.value));
  if (values.length === 0) return null;
  const shown = all ? values : values.slice(0, SHOWN);
  const id = `facet-${p.facet}`;
  return (
    <fieldset class="facet" id={id}>
      <legend>{facetTitle(p.facet)}</legend>
      <ul class="facet-list">
        {shown.map((v) => {
          const cid = `${id}-${v.value.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
          const checked = p.selected.includes(v.value);
          return (
            <li key={v.value} class="check">
              <input type="checkbox" id={cid} checked={checked} onChange={(e) => p.onToggle(p.facet, v.value, e.currentTarget.checked)} />
              <label for={cid}>
                <span class="facet-label">{facetLabel(p.facet, v.value, p.vocab, p.places)}</span> <span class="count">{number(v.count)}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {values.length > SHOWN && (
        <button type="button" class="btn-link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('list.showFewer') : t('list.showAll', { count: values.length })}
        </button>
      )}
    </fieldset>
  );
}
