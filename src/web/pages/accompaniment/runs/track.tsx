/**
 * Tracking on the day (/accompaniment/runs/:id/track), a page for a phone at 4 a.m.: the current
 * leg (selectable), its deadline at its place's zone, and each passenger as a big row — pseudonym,
 * reference, needs — with one-tap buttons for the marks. A tap sends the mark and the row shows
 * the new one in words (never colour alone), with an undo. A tap made without signal is kept (in
 * memory only, tap-queue.ts), shown as not sent yet, and sent with the moment it was made once the
 * connection is back — every 10 s, when the browser says it is online again, or at "Enviar ahora";
 * the unsent taps of a run outlive moving between the app's pages, not a reload (the browser
 * asks before leaving). Works with the organisation's view of
 * the run and with a driver's, escort's or partner's trip; after the run ends a partner's access
 * ends too, and the page says so plainly.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../api';
import { lang, t } from '../../../i18n/i18n';
import { Link } from '../../../router';
import { can, onReset, useAppState } from '../../../state';
import { Alert, Loading, PageTitle } from '../../../components/ui';
import { errorText } from '../../../lib/problems';
import { getRun, isTrip, setMark, withLeg, type LegView, type Mark, type RunView, type TripView } from './api';
import { dequeue, enqueue, isUnsent, waitsForConnection, withUnsent, type QueuedTap } from './tap-queue';
import { NeedBadges, StatusBadge, legTimesText, settledCount, usePlaces } from './parts';
import { timeAt } from './time';
import { ageName, markButton, markName, markRow, modeName, placeName } from './words';
import './runs.css';

type View = RunView | TripView;

/** Whether the signed-in person may mark this leg's passengers (the server checks again). */
export function mayMark(view: View, leg: LegView, me: { id: string; orgId: string } | undefined): boolean {
  if (!me || (view.status !== 'planned' && view.status !== 'underway')) return false;
  if (leg.escort?.id === me.id) return true;
  if (leg.handoffOrg?.id === me.orgId) return true;
  return !isTrip(view) && can('accompaniment.write');
}

/** The leg to open on: the first one of one's own with someone not yet settled, else one's first, else the first. */
function firstLeg(view: View, me: { id: string; orgId: string } | undefined): number {
  const mine = view.legs.filter((l) => mayMark(view, l, me));
  const open = mine.find((l) => settledCount(l).done < l.passengers.length);
  const leg = open ?? mine[0] ?? view.legs[0];
  return leg ? view.legs.indexOf(leg) : 0;
}

/** the unsent taps per run, kept while the app is open (never in the browser's storage) */
const unsent = new Map<string, QueuedTap[]>();
// signing out (or the session ending) forgets them: they are sent only as the person who tapped
onReset(() => unsent.clear());
const RETRY_MS = 10_000;

export function TrackPage({ id }: { id: string }) {
  const s = useAppState();
  const me = s.session?.user;
  const places = usePlaces();
  const [view, setView] = useState<View | null | undefined>(undefined);
  const [legIdx, setLegIdx] = useState(0);
  const [error, setError] = useState('');
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState('');
  const chosen = useRef(false);
  const [queue, setQueueState] = useState<QueuedTap[]>(() => unsent.get(id) ?? []);
  const sending = useRef(false);
  const setQueue = (q: QueuedTap[]) => {
    if (q.length) unsent.set(id, q);
    else unsent.delete(id);
    setQueueState(q);
  };
  const current = () => unsent.get(id) ?? [];

  const load = async () => {
    setError('');
    try {
      const v = await getRun(id);
      setView(v);
      if (!chosen.current) setLegIdx(firstLeg(v, me));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 403)) setView(null);
      else setError(errorText(e));
    }
  };
  useEffect(() => {
    void load();
  }, [id]);

  const serverLeg = view?.legs[legIdx];
  const leg = serverLeg && withUnsent(serverLeg, queue);
  const writable = !!view && !!leg && mayMark(view, leg, me);

  const saidOf = (q: QueuedTap) => (q.mark === 'missed' ? `${q.ref}: ${markName(q.mark)}. ${t('acc.track.missedAlerted')}` : q.mark === 'pending' ? t('acc.track.undone', { ref: q.ref }) : `${q.ref}: ${markName(q.mark)}`);
  /** a tap kept unsent: never "the coordinator was told" — they were not, yet */
  const keptOf = (q: QueuedTap) => t('acc.track.kept', { said: q.mark === 'pending' ? t('acc.track.undone', { ref: q.ref }) : `${q.ref}: ${markName(q.mark)}` }) + (q.mark === 'missed' ? ` ${t('acc.track.missedNotYet')}` : '');

  /** Sends one tap: 'wait' when there was no connection (it stays unsent), 'done' otherwise (sent, or refused and said). */
  async function send(q: QueuedTap, late: boolean): Promise<'done' | 'wait'> {
    try {
      let r;
      try {
        r = await setMark(id, q.legId, q.personId, q.mark, late ? q.at : undefined);
      } catch (e) {
        // a phone whose clock is far off: the server's time rather than losing the tap
        if (!(late && e instanceof ApiError && e.status === 400 && e.problems.some((p) => p.path === 'at'))) throw e;
        r = await setMark(id, q.legId, q.personId, q.mark);
      }
      setView((v) => (v ? withLeg(v, r.leg, r) : v));
      setSaid(late ? t('acc.track.sentLate', { said: saidOf(q) }) : saidOf(q));
      return 'done';
    } catch (e) {
      if (e instanceof ApiError && waitsForConnection(e.status)) return 'wait';
      if (e instanceof ApiError && e.status === 404) setView(null);
      else setError(`${q.ref}: ${errorText(e)}`);
      return 'done';
    }
  }

  /** Sends the unsent taps in the order made, until one finds no connection. */
  async function flush() {
    if (sending.current) return;
    sending.current = true;
    try {
      for (let next = current()[0]; next; next = current()[0]) {
        if ((await send(next, true)) === 'wait') break;
        setQueue(dequeue(current(), next));
      }
    } finally {
      sending.current = false;
    }
  }

  useEffect(() => {
    if (!queue.length) return;
    const retry = () => void flush();
    const timer = setInterval(retry, RETRY_MS);
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    addEventListener('online', retry);
    addEventListener('beforeunload', warn);
    return () => {
      clearInterval(timer);
      removeEventListener('online', retry);
      removeEventListener('beforeunload', warn);
    };
  }, [queue.length > 0]);

  async function tap(personId: string, ref: string, mark: Mark) {
    if (!view || !leg) return;
    const q: QueuedTap = { legId: leg.id, personId, ref, mark, at: new Date().toISOString() };
    setError('');
    // taps wait behind unsent ones, so the server gets them in the order made
    if (current().length) {
      setQueue(enqueue(current(), q));
      setSaid(keptOf(q));
      void flush();
      return;
    }
    setBusy(`${personId}:${mark}`);
    try {
      if ((await send(q, false)) === 'wait') {
        setQueue(enqueue(current(), q));
        setSaid(keptOf(q));
      }
    } finally {
      setBusy('');
    }
  }

  const presentOf = (personId: string): string => {
    if (!view) return '';
    if (isTrip(view)) {
      const p = view.passengers.find((x) => x.personId === personId);
      return p?.presentAt && p.presentPlace ? t('acc.track.presentAt', { time: timeAt(p.presentAt, view.arriveBy.zone, lang()), place: placeName(places, p.presentPlace) }) : '';
    }
    const h = view.passengers.find((x) => x.personId === personId)?.hearing;
    return h?.presentAt && h.presentPlace && h.presentZone ? t('acc.track.presentAt', { time: timeAt(h.presentAt, h.presentZone, lang()), place: placeName(places, h.presentPlace) }) : '';
  };

  return (
    <div class="runs-track">
      <PageTitle>{t('acc.track.title')}</PageTitle>
      {error && <Alert kind="error">{error}</Alert>}
      {view === undefined && !error && <Loading />}
      {view === null && (
        <div data-testid="track-gone">
          <Alert kind="info">{t('acc.track.gone')}</Alert>
          <p class="back">
            <Link href="/accompaniment/my-runs">{t('acc.track.myRuns')}</Link>
          </p>
        </div>
      )}
      {view && (
        <>
          <p class="runs-track-head">
            <span class="ref">{view.ref}</span> <StatusBadge status={view.status} />
            {isTrip(view) && <span class="muted"> · {t('acc.track.yourRole', { role: view.access })}</span>}
          </p>
          {view.status !== 'planned' && view.status !== 'underway' && <Alert kind="info">{t('acc.track.closed')}</Alert>}
          {queue.length > 0 && (
            <div class="alert alert-warning runs-unsent" data-testid="track-unsent">
              <p>{t('acc.track.unsentCount', { count: queue.length })}</p>
              <button type="button" class="btn btn-small" onClick={() => void flush()}>
                {t('acc.track.sendNow')}
              </button>
            </div>
          )}
          {view.legs.length > 1 && (
            <div class="field">
              <label class="label" for="track-leg">
                {t('acc.track.leg')}
              </label>
              <select
                id="track-leg"
                data-testid="track-leg"
                value={String(legIdx)}
                onChange={(e) => {
                  chosen.current = true;
                  setLegIdx(Number(e.currentTarget.value));
                  setSaid('');
                }}
              >
                {view.legs.map((l, i) => (
                  <option key={l.id} value={String(i)}>
                    {t('acc.track.legOption', { n: l.ordinal, from: placeName(places, l.from), to: placeName(places, l.to), depart: timeAt(l.departAt, l.fromZone, lang()) })}
                  </option>
                ))}
              </select>
            </div>
          )}
          {leg && (
            <section class="runs-track-leg" aria-labelledby="track-leg-h">
              <h2 id="track-leg-h">{t('acc.track.legHeading', { n: leg.ordinal, from: placeName(places, leg.from), to: placeName(places, leg.to) })}</h2>
              <p>
                {modeName(leg.mode)} · {legTimesText(places, leg)}
              </p>
              <p class="runs-deadline" data-testid="track-deadline">
                {t('acc.track.markBy', { time: timeAt(leg.markBy, leg.toZone, lang()) })}
              </p>
              {(leg.escort || leg.handoffOrg) && (
                <p class="muted">
                  {leg.escort && t('acc.runs.escortIs', { name: leg.escort.displayName })}
                  {leg.escort && leg.handoffOrg && ' · '}
                  {leg.handoffOrg && t('acc.runs.partnerIs', { name: leg.handoffOrg.name })}
                </p>
              )}
              <p>{t('acc.track.settled', settledCount(leg))}</p>
              {!writable && view.status !== 'ended' && view.status !== 'cancelled' && <p class="muted">{t('acc.track.notYours')}</p>}
              <p class={said ? 'runs-said' : 'sr-only'} role="status" data-testid="track-said">
                {said}
              </p>
              {leg.passengers.length === 0 ? (
                <p class="muted">{t('acc.track.noPassengers')}</p>
              ) : (
                <ul class="runs-riders">
                  {leg.passengers.map((p) => {
                    const row = markRow(p.mark);
                    const present = presentOf(p.personId);
                    return (
                      <li key={p.personId} class={`runs-rider runs-mark-${p.mark}`} data-testid={`rider-${p.ref}`}>
                        <div class="runs-rider-who">
                          <span class="runs-rider-name">{p.pseudonym}</span> <span class="ref">{p.ref}</span>
                          <span class="muted"> · {ageName(p.ageGroup)}</span>
                          {p.languages.length > 0 && <span class="muted"> · {p.languages.join(', ')}</span>}
                        </div>
                        <NeedBadges needs={p.needs} />
                        {present && <p class="small">{present}</p>}
                        <p class="runs-rider-mark" data-testid={`mark-now-${p.ref}`}>
                          {t('acc.track.now', { mark: markName(p.mark) })}
                          {p.markedAt && <span class="muted"> · {timeAt(p.markedAt, leg.toZone, lang())}</span>}
                          {isUnsent(queue, leg.id, p.personId) && (
                            <strong class="runs-unsent-mark" data-testid={`unsent-${p.ref}`}>
                              {' '}
                              · {t('acc.track.unsent')}
                            </strong>
                          )}
                        </p>
                        {writable && (
                          <div class="runs-mark-buttons">
                            {row.buttons.map((b) => (
                              <button
                                key={b.mark}
                                type="button"
                                class={`btn runs-mark-btn runs-mark-btn-${b.mark} ${b.pressed ? 'is-on' : ''}`}
                                aria-pressed={b.pressed}
                                disabled={busy !== ''}
                                data-testid={`mark-${p.ref}-${b.mark}`}
                                onClick={() => void tap(p.personId, p.ref, b.mark)}
                              >
                                {b.pressed && <span aria-hidden="true">✓ </span>}
                                {markButton(b.mark)}
                                <span class="sr-only"> — {p.ref}</span>
                              </button>
                            ))}
                            {row.undo && (
                              <button type="button" class="btn btn-quiet runs-mark-undo" disabled={busy !== ''} data-testid={`undo-${p.ref}`} onClick={() => void tap(p.personId, p.ref, 'pending')}>
                                {t('acc.track.undo')}
                                <span class="sr-only"> — {p.ref}</span>
                              </button>
                            )}
                          </div>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
              {writable && <p class="hint">{t('acc.track.missedHint')}</p>}
            </section>
          )}
          <p class="actions">
            <button type="button" class="btn" onClick={() => void load()}>
              {t('acc.track.refresh')}
            </button>
            {!isTrip(view) && (
              <Link class="btn btn-quiet" href={`/accompaniment/runs/${view.id}`}>
                {t('acc.track.toRun')}
              </Link>
            )}
            <Link class="btn btn-quiet" href="/accompaniment/my-runs">
              {t('acc.track.myRuns')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
