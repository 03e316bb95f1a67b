/**
 * Accompanied people (/accompaniment/people): search by pseudonym or reference, active or closed,
 * families kept together under their label, needs as badges in words, the next hearing at the
 * court's own time. Only pseudonyms and references: no name is ever on this page, nor in its URL
 * (the search lives in memory).
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../i18n/i18n';
import { can } from '../../../state';
import { Link } from '../../../router';
import { Alert, Loading, PageTitle, SelectField } from '../../../components/ui';
import { SearchIcon } from '../../../components/icons';
import { errorText } from '../../../lib/problems';
import { searchPeople, type PersonSummary } from './api';
import { ageName, placeName, roleName } from './words';
import { HubBack, NeedBadges, usePlaces, ZoneTime } from './parts';
import { groupByFamily } from './model';
import './people.css';

type Show = 'active' | 'closed' | 'all';

export function PersonListPage() {
  const places = usePlaces();
  const [q, setQ] = useState('');
  const [sent, setSent] = useState<{ q: string; show: Show }>({ q: '', show: 'active' });
  const [show, setShow] = useState<Show>('active');
  const [items, setItems] = useState<PersonSummary[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    setItems(null);
    setError('');
    searchPeople({ ...(sent.q ? { q: sent.q } : {}), ...(sent.show !== 'all' ? { status: sent.show } : {}) }).then(
      (r) => live && setItems(r),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [sent]);

  const groups = items ? groupByFamily(items) : [];
  const card = (p: PersonSummary, inFamily: boolean) => {
    const Title = inFamily ? 'h3' : 'h2';
    return (
    <li class="card acc-person" key={p.id}>
      <Title class="card-title">
        <Link href={`/accompaniment/people/${p.id}`}>{p.pseudonym}</Link> <span class="ref">{p.ref}</span>
        {p.status === 'closed' && <span class="badge">{t('acc.people.closed')}</span>}
      </Title>
      <p class="meta">
        <span>{ageName(p.ageGroup)}</span>
        {p.familyRole && <span>{roleName(p.familyRole)}</span>}
        {p.languages.length > 0 && <span>{t('acc.people.languagesShort', { list: p.languages.join(', ') })}</span>}
      </p>
      <NeedBadges needs={p.needs} />
      <p class="acc-next">
        {p.nextHearing ? (
          <>
            {t('acc.people.nextHearing')}{' '}
            <Link href={`/accompaniment/hearings/${p.nextHearing.id}`}>
              <ZoneTime at={p.nextHearing.startsAt} zone={p.nextHearing.zone} />
            </Link>
            <span class="muted"> · {placeName(places, p.nextHearing.court)}</span>
          </>
        ) : (
          <span class="muted">{t('acc.people.noHearing')}</span>
        )}
      </p>
    </li>
    );
  };

  return (
    <>
      <HubBack />
      <PageTitle>{t('acc.people.title')}</PageTitle>
      {can('accompaniment.write') && (
        <p>
          <Link href="/accompaniment/people/new" class="btn btn-primary">
            {t('acc.people.new')}
          </Link>
        </p>
      )}
      <form
        class="search-form acc-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSent({ q: q.trim(), show });
        }}
      >
        <label for="acc-people-q" class="label">
          {t('acc.people.search')}
        </label>
        <div class="search-row">
          <input id="acc-people-q" type="search" value={q} autoComplete="off" aria-describedby="acc-people-q-hint" onInput={(e) => setQ(e.currentTarget.value)} />
          <button type="submit" class="btn btn-primary">
            <SearchIcon />
            {t('acc.people.searchButton')}
          </button>
        </div>
        <p class="hint" id="acc-people-q-hint">
          {t('acc.people.searchHint')}
        </p>
        <SelectField
          id="acc-people-show"
          label={t('acc.people.show')}
          value={show}
          onValue={(v) => {
            setShow(v as Show);
            setSent({ q: q.trim(), show: v as Show });
          }}
          options={[
            { value: 'active', label: t('acc.people.showActive') },
            { value: 'closed', label: t('acc.people.showClosed') },
            { value: 'all', label: t('acc.people.showAll') },
          ]}
        />
      </form>
      {error ? (
        <Alert kind="error">{error}</Alert>
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p class="empty">{t('acc.people.none')}</p>
      ) : (
        <>
          <p class="results-count" role="status">
            {t('acc.people.count', { count: items.length })}
          </p>
          {groups.map((g) =>
            g.familyId ? (
              <section class="acc-family" key={g.familyId} aria-labelledby={`acc-fam-${g.familyId}`}>
                <h2 class="acc-family-title" id={`acc-fam-${g.familyId}`}>
                  {t('acc.people.family', { label: g.label ?? '' })}
                </h2>
                <ul class="cards">{g.people.map((p) => card(p, true))}</ul>
              </section>
            ) : (
              <ul class="cards" key={g.people[0]!.id}>
                {g.people.map((p) => card(p, false))}
              </ul>
            ),
          )}
        </>
      )}
    </>
  );
}
