/**
 * A run for the organisation (/accompaniment/runs/:id): its status with the buttons that move it
 * (start, end, cancel after a confirmation), the legs with their times at their places' zones,
 * escort, partner, seats against passengers, the passengers with their hearing, the flags in
 * words, the meeting points behind a button (an audited look), and the marks grid — one tap on a
 * cell moves that passenger's mark on that leg forward. A driver or partner opening it is sent to
 * the tracking page's view of the same run.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../../api';
import { lang, t } from '../../../i18n/i18n';
import { Link } from '../../../router';
import { can, useAppState } from '../../../state';
import { Alert, IdentBadge, Loading, PageTitle, Row } from '../../../components/ui';
import { errorText } from '../../../lib/problems';
import { getRun, isTrip, meetingPoints, setMark, setRunStatus, withLeg, type LegView, type Mark, type RunStatus, type RunView, type TripView } from './api';
import { ClockNotes, FlagList, NeedBadges, StatusBadge, clockNotes, legTimesText, usePlaces } from './parts';
import { dateTimeAt, timeAt } from './time';
import { ageName, markName, modeName, nextMark, placeName } from './words';
import { mayMark } from './track';
import './runs.css';

function StatusActions({ run, onRun }: { run: RunView; onRun: (r: RunView) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!can('accompaniment.write') || run.status === 'ended' || run.status === 'cancelled') return null;
  const go = async (status: RunStatus) => {
    setBusy(true);
    setError('');
    try {
      onRun(await setRunStatus(run.id, run.version, status));
      setConfirming(false);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 409 ? t('acc.runs.form.stale') : errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="runs-status-actions">
      {error && <Alert kind="error">{error}</Alert>}
      <div class="actions">
        {run.status === 'planned' && (
          <button type="button" class="btn btn-primary" disabled={busy} data-testid="run-start" onClick={() => void go('underway')}>
            {t('acc.runs.start')}
          </button>
        )}
        {run.status === 'underway' && (
          <button type="button" class="btn btn-primary" disabled={busy} data-testid="run-end" onClick={() => void go('ended')}>
            {t('acc.runs.end')}
          </button>
        )}
        {!confirming && (
          <button type="button" class="btn btn-danger-quiet" disabled={busy} data-testid="run-cancel" onClick={() => setConfirming(true)}>
            {t('acc.runs.cancel')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="confirm-box" role="group" aria-labelledby="runs-cancel-q">
          <p id="runs-cancel-q">{t('acc.runs.cancelConfirm')}</p>
          <div class="actions">
            <button type="button" class="btn btn-primary" disabled={busy} data-testid="run-cancel-confirm" onClick={() => void go('cancelled')}>
              {t('acc.runs.cancelYes')}
            </button>
            <button type="button" class="btn" onClick={() => setConfirming(false)}>
              {t('acc.runs.cancelNo')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function MarksGrid({ run, onLeg }: { run: RunView; onLeg: (l: LegView, now: { status: RunStatus; version: number }) => void }) {
  const me = useAppState().session?.user;
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const [said, setSaid] = useState('');
  const tap = async (leg: LegView, personId: string, ref: string, mark: Mark) => {
    setBusy(`${leg.id}:${personId}`);
    setError('');
    try {
      const r = await setMark(run.id, leg.id, personId, mark);
      onLeg(r.leg, r);
      setSaid(`${ref}, ${t('acc.runs.leg.n', { n: leg.ordinal })}: ${markName(mark)}${mark === 'missed' ? `. ${t('acc.track.missedAlerted')}` : ''}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy('');
    }
  };
  if (!run.passengers.length) return <p class="muted">{t('acc.track.noPassengers')}</p>;
  const last = run.legs.length;
  return (
    <>
      {error && <Alert kind="error">{error}</Alert>}
      <p class="hint">{t('acc.runs.gridHint')}</p>
      <p class={said ? 'runs-said' : 'sr-only'} role="status">
        {said}
      </p>
      <div class="table-scroll">
        <table class="runs-grid">
          <caption class="sr-only">{t('acc.runs.marks')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('acc.runs.passenger')}</th>
              {run.legs.map((l) => (
                <th scope="col" key={l.id}>
                  {t('acc.runs.leg.n', { n: l.ordinal })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {run.passengers.map((p) => (
              <tr key={p.personId}>
                <th scope="row">
                  {p.pseudonym} <span class="ref">{p.ref}</span>
                </th>
                {run.legs.map((l) => {
                  const cell = l.passengers.find((x) => x.personId === p.personId);
                  if (!cell)
                    return (
                      <td key={l.id} class="muted">
                        <span aria-hidden="true">—</span>
                        <span class="sr-only">{t('acc.runs.notOnLeg')}</span>
                      </td>
                    );
                  const next = nextMark(cell.mark, l.ordinal === last);
                  return (
                    <td key={l.id}>
                      {mayMark(run, l, me) ? (
                        <button
                          type="button"
                          class={`btn btn-small runs-cell runs-mark-${cell.mark}`}
                          disabled={busy !== ''}
                          data-testid={`cell-${p.ref}-${l.ordinal}`}
                          onClick={() => void tap(l, p.personId, p.ref, next)}
                        >
                          {markName(cell.mark)}
                          <span class="sr-only">
                            {' '}
                            — {p.ref}, {t('acc.runs.leg.n', { n: l.ordinal })}. {t('acc.runs.cellNext', { mark: markName(next) })}
                          </span>
                        </button>
                      ) : (
                        <span class={`runs-mark-${cell.mark}`}>{markName(cell.mark)}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function RunPage({ id }: { id: string }) {
  const me = useAppState().session?.user;
  const places = usePlaces();
  const [run, setRun] = useState<RunView | TripView | null | undefined>(undefined);
  const [error, setError] = useState('');
  const [points, setPoints] = useState<Map<string, string | null> | null>(null);
  const [pointsError, setPointsError] = useState('');

  useEffect(() => {
    getRun(id).then(setRun, (e: unknown) => {
      if (e instanceof ApiError && (e.status === 404 || e.status === 403)) setRun(null);
      else setError(errorText(e));
    });
  }, [id]);

  const title = <PageTitle>{t('acc.runs.page.title')}</PageTitle>;
  if (error) return (<>{title}<Alert kind="error">{error}</Alert></>);
  if (run === undefined) return (<>{title}<Loading /></>);
  if (run === null) return (<>{title}<Alert kind="info">{t('acc.track.gone')}</Alert></>);
  if (isTrip(run))
    return (
      <>
        {title}
        <p>
          <Link href={`/accompaniment/runs/${run.id}/track`}>{t('acc.runs.page.toTrack')}</Link>
        </p>
      </>
    );

  const refs = new Map<string, string>([[run.id, run.ref]]);
  for (const p of run.passengers) {
    refs.set(p.personId, p.ref);
    if (p.hearing) refs.set(p.hearing.id, p.hearing.ref);
  }
  const notes = clockNotes(places, run.legs);
  const open = run.status === 'planned' || run.status === 'underway';
  const anyPoint = run.legs.some((l) => l.hasMeetingPoint);

  return (
    <div class="runs-page">
      {title}
      <p class="runs-head">
        <span class="ref">{run.ref}</span> <StatusBadge status={run.status} />
        {run.label && <span> · {run.label}</span>}
      </p>
      <dl class="facts">
        <Row label={t('acc.runs.arriveBy')}>
          {placeName(places, run.arriveBy.place)} — {dateTimeAt(run.arriveBy.at, run.arriveBy.zone, lang())}
        </Row>
        <Row label={t('acc.runs.margin')}>{t('acc.runs.minutes', { n: run.marginMinutes })}</Row>
        <Row label={t('acc.runs.coordinator')}>{run.coordinator.displayName}</Row>
      </dl>
      <StatusActions run={run} onRun={setRun} />
      <p class="actions">
        {open && (
          <Link class="btn" href={`/accompaniment/runs/${run.id}/track`} data-testid="run-track">
            {t('acc.runs.page.track')}
          </Link>
        )}
        {open && can('accompaniment.write') && (
          <Link class="btn btn-quiet" href={`/accompaniment/runs/${run.id}/edit`}>
            {t('acc.runs.page.edit')}
          </Link>
        )}
        <Link class="btn btn-quiet" href="/accompaniment/plan">
          {t('acc.runs.page.toPlan')}
        </Link>
      </p>

      <section class="section" aria-labelledby="runs-flags-h">
        <h2 id="runs-flags-h">{t('acc.plan.flags')}</h2>
        <FlagList flags={run.flags} refs={refs} />
      </section>
      <ClockNotes notes={notes} />

      <section class="section" aria-labelledby="runs-legs-h">
        <h2 id="runs-legs-h">{t('acc.runs.legs')}</h2>
        {anyPoint && (can('identifying.read') || run.legs.some((l) => mayMark(run, l, me))) && !points && (
          <p>
            <button
              type="button"
              class="btn btn-quiet"
              data-testid="run-meeting-points"
              onClick={async () => {
                setPointsError('');
                try {
                  const r = await meetingPoints(run.id);
                  setPoints(new Map(r.legs.map((x) => [x.legId, x.meetingPoint])));
                } catch (e) {
                  setPointsError(errorText(e));
                }
              }}
            >
              {t('acc.runs.page.showPoints')}
            </button>{' '}
            <span class="hint">{t('acc.runs.page.showPointsHint')}</span>
          </p>
        )}
        {pointsError && <Alert kind="error">{pointsError}</Alert>}
        <ol class="runs-legs">
          {run.legs.map((l) => {
            const riders = l.passengers.length;
            return (
              <li key={l.id} class="card">
                <h3 class="card-title">
                  {t('acc.runs.leg.n', { n: l.ordinal })}: {placeName(places, l.from)} → {placeName(places, l.to)}
                </h3>
                <p>
                  {modeName(l.mode)} · {legTimesText(places, l)}
                </p>
                <dl class="facts">
                  <Row label={t('acc.runs.leg.seats')}>
                    {l.seats === null ? t('acc.runs.seatsNotSet', { riders }) : t('acc.runs.seatsVsRiders', { seats: l.seats, riders })}
                    {l.seats !== null && riders > l.seats && (
                      <strong class="runs-warn">
                        {' '}
                        <span aria-hidden="true">⚠</span> {t('acc.plan.flag.over_capacity')}
                      </strong>
                    )}
                  </Row>
                  <Row label={t('acc.runs.leg.escort')}>{l.escort?.displayName ?? t('acc.runs.nobody')}</Row>
                  <Row label={t('acc.runs.leg.partner')}>{l.handoffOrg?.name ?? t('acc.runs.noPartner')}</Row>
                  <Row label={t('acc.runs.leg.markBy')}>{timeAt(l.markBy, l.toZone, lang())}</Row>
                  {l.hasMeetingPoint && (
                    <Row label={<>{t('acc.runs.leg.meetingPoint')} <IdentBadge /></>}>
                      {points ? <span class="ident-line">{points.get(l.id) ?? '—'}</span> : <span class="masked">{t('acc.runs.page.hidden')}</span>}
                    </Row>
                  )}
                </dl>
              </li>
            );
          })}
        </ol>
      </section>

      <section class="section" aria-labelledby="runs-pass-h">
        <h2 id="runs-pass-h">{t('acc.runs.passengers')}</h2>
        {run.passengers.length === 0 ? (
          <p class="muted">{t('acc.runs.passengers.none')}</p>
        ) : (
          <ul class="runs-pass-list">
            {run.passengers.map((p) => (
              <li key={p.personId}>
                <Link href={`/accompaniment/people/${p.personId}`}>
                  <strong>{p.pseudonym}</strong>
                </Link>{' '}
                <span class="ref">{p.ref}</span> <span class="muted">· {ageName(p.ageGroup)}</span>
                {p.familyLabel && <span class="muted"> · {p.familyLabel}</span>}
                <NeedBadges needs={p.needs} />
                <p class="small">
                  {p.hearing ? (
                    <>
                      <Link href={`/accompaniment/hearings/${p.hearing.id}`}>{p.hearing.ref}</Link>: {t('acc.runs.hearingAt', { time: dateTimeAt(p.hearing.startsAt, p.hearing.courtZone, lang()), court: placeName(places, p.hearing.court) })}
                      {p.hearing.presentAt && p.hearing.presentZone && p.hearing.presentPlace && (
                        <> · {t('acc.track.presentAt', { time: timeAt(p.hearing.presentAt, p.hearing.presentZone, lang()), place: placeName(places, p.hearing.presentPlace) })}</>
                      )}
                    </>
                  ) : (
                    t('acc.runs.passengers.noHearing')
                  )}
                  {p.legs.length < run.legs.length && <> · {t('acc.runs.ridesLegs', { legs: p.legs.join(', ') })}</>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="section" aria-labelledby="runs-marks-h">
        <h2 id="runs-marks-h">{t('acc.runs.marks')}</h2>
        <MarksGrid run={run} onLeg={(l, now) => setRun(withLeg(run, l, now))} />
      </section>
    </div>
  );
}
