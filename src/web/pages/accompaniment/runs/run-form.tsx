/**
 * Plan a run (/accompaniment/runs/new, /accompaniment/runs/:id/edit): where and when to arrive (a
 * port of entry and the wall time there, with that place's zone and offset on that date), the
 * margin, up to eight legs (chained: a new leg starts where the previous one ends), and the
 * passengers with their hearing and the legs they ride. A live preview (debounced) shows each
 * leg's departure and arrival at their own zones and says when the night has a clock change.
 * Problems are shown in place by path (legs[1].departLocal …); a wall time the clocks pass twice
 * offers its two instants to choose from.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, type Problem } from '../../../api';
import { lang, t } from '../../../i18n/i18n';
import { Link, navigate } from '../../../router';
import { can, useAppState } from '../../../state';
import { Alert, ErrorSummary, Loading, PageTitle, SelectField, TextField, type Option } from '../../../components/ui';
import { errorText, fieldId, type Problems } from '../../../lib/problems';
import {
  accounts,
  createRun,
  getPerson,
  getRun,
  isTrip,
  meetingPoints,
  organisations,
  previewRun,
  updateRun,
  type Mode,
  type Preview,
  type RunInput,
} from './api';
import { ClockNotes, NeedBadges, clockNotes, legTimesText, usePlaces } from './parts';
import { MAX_LEGS, MODES, empty, fromView, newLeg, previewable, toInput, type FLeg, type FPassenger, type FRun } from './run-form-model';
import { WallTimeField, placeOptions, wordProblems } from './wall-time-field';
import { PersonSearch } from './person-search';
import { dateTimeAt, guessInstant } from './time';
import { modeName, placeName } from './words';
import './runs.css';

export function RunFormPage({ id }: { id?: string }) {
  const s = useAppState();
  const me = s.session?.user;
  const places = usePlaces();
  const [f, setF] = useState<FRun | null>(id ? null : empty());
  const [version, setVersion] = useState(0);
  const [loadError, setLoadError] = useState('');
  const [people, setPeople] = useState<{ id: string; displayName: string }[]>([]);
  const [orgs, setOrgs] = useState<{ id: string; name: string }[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [raw, setRaw] = useState<Problem[]>([]);
  const [problems, setProblems] = useState<Problems>(new Map());
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [shownPoints, setShownPoints] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    accounts().then((r) => setPeople(r.items), () => setPeople([]));
    organisations().then((r) => setOrgs(r.organisations.filter((o) => o.id !== me?.orgId)), () => setOrgs([]));
    if (!id) return;
    getRun(id).then(
      async (v) => {
        if (isTrip(v)) {
          setLoadError(t('error.notFound'));
          return;
        }
        const form = fromView(v);
        setVersion(v.version);
        setF(form);
        // each passenger's other hearings, to choose from
        const views = await Promise.all(form.passengers.map((p) => getPerson(p.personId).catch(() => null)));
        setF((cur) => cur && { ...cur, passengers: cur.passengers.map((p, i) => ({ ...p, hearings: views[i]?.hearings ?? p.hearings })) });
      },
      (e: unknown) => setLoadError(errorText(e)),
    );
  }, [id]);

  // the live preview, a moment after the typing stops
  const input = useMemo(() => (f && previewable(f) ? JSON.stringify(toInput(f)) : ''), [f]);
  useEffect(() => {
    if (!input) {
      setPreview(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      previewRun(JSON.parse(input) as RunInput).then(
        (r) => {
          if (!live) return;
          setPreview(r);
          setRaw(r.problems);
          setProblems(wordProblems(r.problems));
        },
        (e: unknown) => {
          if (!live) return;
          setPreview(null);
          if (e instanceof ApiError && e.problems.length) {
            setRaw(e.problems);
            setProblems(wordProblems(e.problems));
          }
        },
      );
    }, 600);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [input]);

  if (loadError) return (<><PageTitle>{id ? t('acc.runs.form.editTitle') : t('acc.runs.form.newTitle')}</PageTitle><Alert kind="error">{loadError}</Alert></>);
  if (!f) return (<><PageTitle>{t('acc.runs.form.editTitle')}</PageTitle><Loading /></>);

  const set = (patch: Partial<FRun>) => setF({ ...f, ...patch });
  const setLeg = (i: number, patch: Partial<FLeg>) => {
    const legs = f.legs.map((l, j) => (j === i ? { ...l, ...patch } : l));
    // chained: the next leg starts where this one ends, unless it was set elsewhere
    if (patch.to !== undefined && legs[i + 1] && (legs[i + 1]!.from === '' || legs[i + 1]!.from === f.legs[i]!.to)) legs[i + 1] = { ...legs[i + 1]!, from: patch.to };
    set({ legs });
  };
  const move = (i: number, d: -1 | 1) => {
    const legs = [...f.legs];
    const [l] = legs.splice(i, 1);
    legs.splice(i + d, 0, l!);
    set({ legs });
  };
  const zoneOf = (code: string) => places?.find((p) => p.code === code)?.zone;
  const arriveZone = zoneOf(f.place);
  const allPlaces = placeOptions(places, ['city', 'port', 'court']);
  const escortOptions: Option[] = [...(me ? [{ value: me.id, label: t('acc.runs.me', { name: me.displayName }) }] : []), ...people.map((p) => ({ value: p.id, label: p.displayName }))];
  const orgOptions: Option[] = orgs.map((o) => ({ value: o.id, label: o.name }));
  const legLabel = (i: number) => t('acc.runs.leg.n', { n: i + 1 });
  const labelOf = (path: string): string => {
    const m = /^legs\[(\d+)\]\.?(\w*)/.exec(path);
    if (m) return `${legLabel(Number(m[1]))}${m[2] ? ` — ${m[2]}` : ''}`;
    const pm = /^passengers\[(\d+)\]/.exec(path);
    if (pm) return f.passengers[Number(pm[1])]?.ref ?? path;
    if (path.startsWith('arriveBy')) return t('acc.runs.arriveBy');
    return path;
  };

  async function save(e: Event) {
    e.preventDefault();
    if (!f) return;
    setBusy(true);
    setError('');
    try {
      const body = toInput(f);
      const r = id ? await updateRun(id, { ...body, version }) : await createRun(body);
      navigate(`/accompaniment/runs/${r.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.problems.length) {
        setRaw(err.problems);
        setProblems(wordProblems(err.problems));
      } else setError(err instanceof ApiError && (err.code === 'stale' || err.status === 409) ? t('acc.runs.form.stale') : errorText(err));
      setTimeout(() => summary.current?.querySelector<HTMLElement>('.error-summary')?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  const previewLegs = preview?.legs ?? [];
  return (
    <form class="runs-form" noValidate onSubmit={save}>
      <PageTitle>{id ? t('acc.runs.form.editTitle') : t('acc.runs.form.newTitle')}</PageTitle>
      <div ref={summary}>
        <ErrorSummary problems={problems} message={error || undefined} labelOf={labelOf} />
      </div>

      <section class="section" aria-labelledby="runs-arrive-h">
        <h2 id="runs-arrive-h">{t('acc.runs.arriveBy')}</h2>
        <SelectField id={fieldId('arriveBy.place')} label={t('acc.runs.arrivePlace')} value={f.place} onValue={(v) => set({ place: v })} options={placeOptions(places, ['port', 'court'])} empty={t('acc.runs.choose')} errors={problems.get('arriveBy.place')} required />
        <WallTimeField
          path="arriveBy.local"
          label={t('acc.runs.arriveLocal')}
          hint={t('acc.runs.arriveLocalHint')}
          value={f.local}
          onValue={(v) => set({ local: v, fold: '' })}
          zone={arriveZone}
          placeLabel={placeName(places, f.place)}
          fold={f.fold}
          onFold={(v) => set({ fold: v })}
          problems={problems}
          raw={raw}
        />
        <TextField id={fieldId('marginMinutes')} label={t('acc.runs.margin')} hint={t('acc.runs.marginHint')} value={f.margin} onValue={(v) => set({ margin: v })} inputMode="numeric" maxLength={3} errors={problems.get('marginMinutes')} />
        <TextField id={fieldId('label')} label={t('acc.runs.label')} hint={t('acc.runs.labelHint')} value={f.label} onValue={(v) => set({ label: v })} maxLength={120} errors={problems.get('label')} />
      </section>

      <section class="section" aria-labelledby="runs-legs-h">
        <h2 id="runs-legs-h">{t('acc.runs.legs')}</h2>
        <ol class="runs-legs-form">
          {f.legs.map((l, i) => {
            const path = `legs[${i}]`;
            const pv = previewLegs[i];
            return (
              <li key={l.key} class="card runs-leg-form">
                <fieldset>
                  <legend class="card-title">{legLabel(i)}</legend>
                  <div class="grid-2">
                    <SelectField id={fieldId(`${path}.from`)} label={t('acc.runs.leg.from')} value={l.from} onValue={(v) => setLeg(i, { from: v })} options={allPlaces} empty={t('acc.runs.choose')} errors={problems.get(`${path}.from`)} />
                    <SelectField id={fieldId(`${path}.to`)} label={t('acc.runs.leg.to')} value={l.to} onValue={(v) => setLeg(i, { to: v })} options={allPlaces} empty={t('acc.runs.choose')} errors={problems.get(`${path}.to`)} />
                  </div>
                  <div class="grid-3">
                    <SelectField id={fieldId(`${path}.mode`)} label={t('acc.runs.leg.mode')} value={l.mode} onValue={(v) => setLeg(i, { mode: v as Mode })} options={MODES.map((m) => ({ value: m, label: modeName(m) }))} errors={problems.get(`${path}.mode`)} />
                    <TextField id={fieldId(`${path}.durationMinutes`)} label={t('acc.runs.leg.duration')} value={l.duration} onValue={(v) => setLeg(i, { duration: v })} inputMode="numeric" maxLength={4} errors={problems.get(`${path}.durationMinutes`)} />
                    {i < f.legs.length - 1 && (
                      <TextField id={fieldId(`${path}.transferMinutes`)} label={t('acc.runs.leg.transfer')} value={l.transfer} onValue={(v) => setLeg(i, { transfer: v })} inputMode="numeric" maxLength={3} errors={problems.get(`${path}.transferMinutes`)} />
                    )}
                  </div>
                  <WallTimeField
                    path={`${path}.departLocal`}
                    label={t('acc.runs.leg.departLocal')}
                    hint={t('acc.runs.leg.departLocalHint')}
                    value={l.departLocal}
                    onValue={(v) => setLeg(i, { departLocal: v, departFold: '' })}
                    zone={zoneOf(l.from)}
                    placeLabel={placeName(places, l.from)}
                    fold={l.departFold}
                    onFold={(v) => setLeg(i, { departFold: v })}
                    problems={problems}
                    raw={raw}
                  />
                  <div class="grid-3">
                    <TextField id={fieldId(`${path}.seats`)} label={t('acc.runs.leg.seats')} value={l.seats} onValue={(v) => setLeg(i, { seats: v })} inputMode="numeric" maxLength={3} errors={problems.get(`${path}.seats`)} />
                    <TextField id={fieldId(`${path}.markGraceMinutes`)} label={t('acc.runs.leg.grace')} hint={t('acc.runs.leg.graceHint')} value={l.grace} onValue={(v) => setLeg(i, { grace: v })} inputMode="numeric" maxLength={3} errors={problems.get(`${path}.markGraceMinutes`)} />
                  </div>
                  <div class="grid-2">
                    <SelectField id={fieldId(`${path}.escortId`)} label={t('acc.runs.leg.escort')} value={l.escortId} onValue={(v) => setLeg(i, { escortId: v })} options={escortOptions} empty={t('acc.runs.nobody')} errors={problems.get(`${path}.escortId`)} />
                    <SelectField id={fieldId(`${path}.handoffOrgId`)} label={t('acc.runs.leg.partner')} hint={t('acc.runs.leg.partnerHint')} value={l.handoffOrgId} onValue={(v) => setLeg(i, { handoffOrgId: v })} options={orgOptions} empty={t('acc.runs.noPartner')} errors={problems.get(`${path}.handoffOrgId`)} />
                  </div>
                  <TextField
                    id={fieldId(`${path}.meetingPoint`)}
                    label={t('acc.runs.leg.meetingPoint')}
                    hint={l.hadMeetingPoint && !l.meetingPoint ? t('acc.runs.leg.meetingPointKept') : t('acc.runs.leg.meetingPointHint')}
                    value={l.meetingPoint}
                    onValue={(v) => setLeg(i, { meetingPoint: v })}
                    identifying
                    maxLength={300}
                    errors={problems.get(`${path}.meetingPoint`)}
                  />
                  {pv && (
                    <p class="runs-preview-line" data-testid={`preview-leg-${i + 1}`}>
                      <span aria-hidden="true">→ </span>
                      {legTimesText(places, pv)}
                    </p>
                  )}
                  <div class="actions runs-leg-tools">
                    <button type="button" class="btn btn-small" disabled={i === 0} onClick={() => move(i, -1)}>
                      {t('acc.runs.leg.up')}
                      <span class="sr-only"> — {legLabel(i)}</span>
                    </button>
                    <button type="button" class="btn btn-small" disabled={i === f.legs.length - 1} onClick={() => move(i, 1)}>
                      {t('acc.runs.leg.down')}
                      <span class="sr-only"> — {legLabel(i)}</span>
                    </button>
                    <button
                      type="button"
                      class="btn btn-small btn-danger-quiet"
                      disabled={f.legs.length === 1}
                      onClick={() => set({ legs: f.legs.filter((_, j) => j !== i), passengers: f.passengers.map((p) => ({ ...p, legKeys: p.legKeys.filter((k) => k !== l.key) })) })}
                    >
                      {t('acc.runs.leg.remove')}
                      <span class="sr-only"> — {legLabel(i)}</span>
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {f.legs.length < MAX_LEGS ? (
          <button type="button" class="btn" onClick={() => set({ legs: [...f.legs, newLeg(f.legs[f.legs.length - 1]?.to ?? '', f.place)] })}>
            {t('acc.runs.leg.add')}
          </button>
        ) : (
          <p class="muted">{t('acc.runs.leg.max', { max: MAX_LEGS })}</p>
        )}
        {id && f.legs.some((l) => l.hadMeetingPoint) && can('identifying.read') && !shownPoints && (
          <p>
            <button
              type="button"
              class="btn btn-quiet"
              onClick={async () => {
                try {
                  const r = await meetingPoints(id);
                  setShownPoints(true);
                  setF((cur) => cur && { ...cur, legs: cur.legs.map((l, i) => ({ ...l, meetingPoint: l.meetingPoint || (r.legs[i]?.meetingPoint ?? '') })) });
                } catch (e) {
                  setError(errorText(e));
                }
              }}
            >
              {t('acc.runs.leg.showMeetingPoints')}
            </button>
          </p>
        )}
      </section>

      <section class="section runs-preview" aria-labelledby="runs-preview-h" aria-live="polite">
        <h2 id="runs-preview-h">{t('acc.runs.preview')}</h2>
        {!previewLegs.length ? (
          <p class="muted">{t('acc.runs.previewEmpty')}</p>
        ) : (
          <>
            <ol class="runs-preview-list" data-testid="run-preview">
              {previewLegs.map((l) => (
                <li key={l.ordinal}>
                  <strong>{t('acc.runs.leg.n', { n: l.ordinal })}</strong> {placeName(places, l.from)} → {placeName(places, l.to)}: {legTimesText(places, l)}
                </li>
              ))}
            </ol>
            {arriveZone && f.local && guessInstant(f.local, arriveZone) && <p>{t('acc.runs.arriveNote', { place: placeName(places, f.place), time: dateTimeAt(guessInstant(f.local, arriveZone)!, arriveZone, lang()) })}</p>}
            <ClockNotes notes={clockNotes(places, previewLegs)} />
          </>
        )}
      </section>

      <section class="section" aria-labelledby="runs-pass-h">
        <h2 id="runs-pass-h">{t('acc.runs.passengers')}</h2>
        {f.passengers.length === 0 && <p class="muted">{t('acc.runs.passengers.none')}</p>}
        <ul class="runs-pass-form">
          {f.passengers.map((p, i) => {
            const path = `passengers[${i}]`;
            const upd = (patch: Partial<FPassenger>) => set({ passengers: f.passengers.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            const hearingOptions: Option[] = (p.hearings ?? [])
              .filter((h) => h.status === 'scheduled' || h.id === p.hearingId)
              .map((h) => ({ value: h.id, label: `${h.ref} · ${dateTimeAt(h.startsAt, h.courtZone, lang())} · ${placeName(places, h.court)}` }));
            return (
              <li key={p.personId} class="card">
                <p class="card-title">
                  <strong>{p.pseudonym}</strong> <span class="ref">{p.ref}</span>
                </p>
                <NeedBadges needs={p.needs} />
                <SelectField id={fieldId(`${path}.hearingId`)} label={t('acc.runs.passengers.hearing')} value={p.hearingId} onValue={(v) => upd({ hearingId: v })} options={hearingOptions} empty={p.hearings === null ? t('common.loading') : t('acc.runs.passengers.noHearing')} errors={problems.get(`${path}.hearingId`)} />
                <fieldset class="checkgroup" id={fieldId(`${path}.legs`)}>
                  <legend>{t('acc.runs.passengers.legs')}</legend>
                  <div class="check">
                    <input type="checkbox" id={`runs-p${i}-all`} checked={p.allLegs} onChange={(e) => upd({ allLegs: e.currentTarget.checked, legKeys: e.currentTarget.checked ? [] : f.legs.map((l) => l.key) })} />
                    <label for={`runs-p${i}-all`}>{t('acc.runs.passengers.allLegs')}</label>
                  </div>
                  {!p.allLegs && (
                    <div class="checkgroup-list">
                      {f.legs.map((l, j) => (
                        <div class="check" key={l.key}>
                          <input
                            type="checkbox"
                            id={`runs-p${i}-l${l.key}`}
                            checked={p.legKeys.includes(l.key)}
                            onChange={(e) => upd({ legKeys: e.currentTarget.checked ? [...p.legKeys, l.key] : p.legKeys.filter((k) => k !== l.key) })}
                          />
                          <label for={`runs-p${i}-l${l.key}`}>
                            {legLabel(j)}
                            {l.from && l.to ? `: ${placeName(places, l.from)} → ${placeName(places, l.to)}` : ''}
                          </label>
                        </div>
                      ))}
                    </div>
                  )}
                  {problems.get(`${path}.legs`)?.length ? <p class="field-error">{problems.get(`${path}.legs`)!.join(' ')}</p> : null}
                </fieldset>
                {problems.get(path)?.length ? <p class="field-error">{problems.get(path)!.join(' ')}</p> : null}
                <button type="button" class="btn btn-small btn-danger-quiet" onClick={() => set({ passengers: f.passengers.filter((_, j) => j !== i) })}>
                  {t('acc.runs.passengers.remove')}
                  <span class="sr-only"> — {p.ref}</span>
                </button>
              </li>
            );
          })}
        </ul>
        <PersonSearch
          chosen={f.passengers.map((p) => p.personId)}
          onAdd={(h) => {
            const added: FPassenger = { personId: h.id, ref: h.ref, pseudonym: h.pseudonym, needs: h.needs, hearingId: h.nextHearing?.id ?? '', allLegs: true, legKeys: [], hearings: null };
            setF((cur) => cur && { ...cur, passengers: [...cur.passengers, added] });
            getPerson(h.id).then(
              (v) => setF((cur) => cur && { ...cur, passengers: cur.passengers.map((p) => (p.personId === h.id ? { ...p, hearings: v.hearings } : p)) }),
              () => setF((cur) => cur && { ...cur, passengers: cur.passengers.map((p) => (p.personId === h.id ? { ...p, hearings: [] } : p)) }),
            );
          }}
        />
      </section>

      <div class="form-bar actions">
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="run-save">
          {id ? t('acc.runs.form.saveChanges') : t('acc.runs.form.create')}
        </button>
        <Link class="btn" href={id ? `/accompaniment/runs/${id}` : '/accompaniment/runs'}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
