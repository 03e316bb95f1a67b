/** People and organisations: find by pseudonym, filter by kind, see how many incidents each has. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n/i18n';
import { useAppState, onReset } from '../state';
import { Link } from '../router';
import { Alert, PageTitle } from '../components/ui';
import { SearchIcon } from '../components/icons';
import { countryName } from '../lib/format';
import { errorText } from '../lib/problems';
import type { ActorListItem } from '../types';

const PAGE_SIZE = 30;
let memory = { q: '', kind: '' as '' | 'person' | 'organisation', page: 1 };
onReset(() => {
  memory = { q: '', kind: '', page: 1 };
});

export function ActorListPage() {
  const { vocab, places } = useAppState();
  const [q, setQ] = useState(memory.q);
  const [kind, setKind] = useState(memory.kind);
  const [page, setPage] = useState(memory.page);
  const [data, setData] = useState<{ total: number; items: ActorListItem[] } | null>(null);
  const [error, setError] = useState<string | undefined>();
  const seq = useRef(0);

  const run = async (next: typeof memory) => {
    memory = next;
    setPage(next.page);
    setKind(next.kind);
    const mine = ++seq.current;
    try {
      const r = await api<{ total: number; items: ActorListItem[] }>('POST', '/api/v1/actors/search', {
        ...(next.q.trim() ? { q: next.q.trim() } : {}),
        ...(next.kind ? { kind: next.kind } : {}),
        page: next.page,
        pageSize: PAGE_SIZE,
      });
      if (mine === seq.current) {
        setData(r);
        setError(undefined);
      }
    } catch (e) {
      if (mine === seq.current) setError(errorText(e));
    }
  };
  useEffect(() => {
    void run(memory);
  }, []);
  if (!vocab) return null;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageTitle>{t('people.title')}</PageTitle>
      <form
        class="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void run({ q, kind, page: 1 });
        }}
      >
        <label for="people-q" class="label">
          {t('people.searchLabel')}
        </label>
        <div class="search-row">
          <input id="people-q" type="search" value={q} autoComplete="off" spellcheck={false} onInput={(e) => setQ(e.currentTarget.value)} />
          <button type="submit" class="btn btn-primary">
            <SearchIcon />
            {t('list.search')}
          </button>
        </div>
        <fieldset class="radios inline">
          <legend class="label">{t('people.show')}</legend>
          <div class="radio-row">
            {(['', 'person', 'organisation'] as const).map((k) => (
              <label class="radio" key={k || 'all'}>
                <input type="radio" name="people-kind" checked={kind === k} onChange={() => void run({ q, kind: k, page: 1 })} />{' '}
                {k === '' ? t('people.all') : k === 'person' ? t('people.persons') : t('people.organisations')}
              </label>
            ))}
          </div>
        </fieldset>
      </form>
      {error && <Alert kind="error">{error}</Alert>}
      <p role="status" class="results-count">
        {data ? t('people.count', { count: data.total }) : t('common.loading')}
      </p>
      {data && data.items.length > 0 && (
        <ul class="cards">
          {data.items.map((a) => (
            <li class="card" key={a.id}>
              <h2 class="card-title">
                <Link href={`/people/${a.id}`}>{a.pseudonym}</Link>
              </h2>
              <p class="meta">
                {a.kind === 'person' ? t('actor.person') : t('actor.organisation')}
                {a.role ? ` · ${vocab.label('victim_role', a.role)}` : ''}
                {a.orgType ? ` · ${vocab.label('org_type', a.orgType)}` : ''}
                {a.country ? ` · ${countryName(places, a.country)}` : ''}
                {' · '}
                {t('actor.incidentCount', { count: a.incidents })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {data && pages > 1 && (
        <nav class="pager" aria-label={t('list.pages')}>
          <button type="button" class="btn" disabled={page <= 1} onClick={() => void run({ ...memory, page: page - 1 })}>
            {t('list.prev')}
          </button>
          <span>{t('list.pageOf', { page, pages })}</span>
          <button type="button" class="btn" disabled={page >= pages} onClick={() => void run({ ...memory, page: page + 1 })}>
            {t('list.next')}
          </button>
        </nav>
      )}
    </>
  );
}
