/**
 * A person's or organisation's timeline (issue 5): everything dated about them — incidents that
 * affected them, interventions in those incidents, protection measures — by year with counts, the
 * undated last. Newest first; "oldest first" reverses the same answer on the phone, without asking
 * the server again (patchy data). The URL carries only the random id; the page title no name.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, Loading, PageTitle } from '../../components/ui';
import { errorText } from '../../lib/problems';
import type { ActorTimeline, Timeline, TimelineItem } from '../../../domain/timeline/item';
import { Entry, OrderToggle } from './entries';

/** The same timeline oldest first: years and their items reversed, the undated unchanged. */
export function reversed(tl: Timeline): Timeline {
  return { ...tl, order: tl.order === 'desc' ? 'asc' : 'desc', years: [...tl.years].reverse().map((y) => ({ ...y, items: [...y.items].reverse() })) };
}

/** "2 incidentes, 1 intervención." — the kinds present only. */
function counted(items: TimelineItem[]) {
  const n = (type: TimelineItem['type']) => items.filter((i) => i.type === type).length;
  const parts = [
    n('incident') ? t('timeline.nIncidents', { count: n('incident') }) : '',
    n('intervention') ? t('timeline.nInterventions', { count: n('intervention') }) : '',
    n('measure') ? t('timeline.nMeasures', { count: n('measure') }) : '',
  ];
  return `${parts.filter(Boolean).join(', ')}.`;
}

function Year({ id, heading, items }: { id: string; heading: string; items: TimelineItem[] }) {
  return (
    <li class="tl-year">
      <h2 id={id}>{heading}</h2>
      <p class="hint">{counted(items)}</p>
      <ol class="tl-list">
        {items.map((x) => (
          <Entry key={x.key} x={x} />
        ))}
      </ol>
    </li>
  );
}

export function ActorTimelinePage({ id }: { id: string }) {
  const [data, setData] = useState<ActorTimeline | null>(null);
  const [error, setError] = useState('');
  const [order, setOrder] = useState<'desc' | 'asc'>('desc');
  useEffect(() => {
    let live = true;
    api<ActorTimeline>('GET', `/api/v1/actors/${id}/timeline`).then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [id]);
  const back = (
    <p class="back">
      <Link href={`/people/${id}`}>← {t('timeline.backToProfile')}</Link>
    </p>
  );
  if (!data)
    return (
      <>
        {back}
        <PageTitle>{t('title.timeline')}</PageTitle>
        {error ? <Alert kind="error">{error}</Alert> : <Loading />}
      </>
    );
  const tl = order === data.order ? data : reversed(data);
  return (
    <article class="timeline">
      {back}
      <PageTitle>{t('timeline.actorTitle', { name: data.actor.pseudonym })}</PageTitle>
      <p class="hint">{data.actor.kind === 'person' ? t('timeline.introPerson') : t('timeline.introOrganisation')}</p>
      {data.total === 0 ? (
        <p class="muted">{t('timeline.empty')}</p>
      ) : (
        <>
          <p class="tl-summary">
            {t('timeline.total', { count: data.total })} {counted([...data.years.flatMap((y) => y.items), ...data.undated])}
          </p>
          <OrderToggle order={order} onOrder={setOrder} />
          <ol class="tl-years">
            {tl.years.map((y) => (
              <Year key={y.year} id={`tl-y-${y.year}`} heading={t('timeline.year', { year: y.year, count: y.count })} items={y.items} />
            ))}
            {tl.undated.length > 0 && <Year id="tl-undated" heading={t('timeline.undated', { count: tl.undated.length })} items={tl.undated} />}
          </ol>
        </>
      )}
    </article>
  );
}
