/**
 * One hearing (/accompaniment/hearings/:id): when (at the court's time) and where, where and when
 * to present oneself (at that place's time), the documents, the people summoned and whether they
 * presented themselves, the representative and notes behind an audited look, the previous and next
 * hearings; and the outcome form — held or cancelled, the outcome, attendance per person and,
 * optionally, the next hearing recorded at the same time.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../../api';
import { t } from '../../../i18n/i18n';
import { can } from '../../../state';
import { Link } from '../../../router';
import { Alert, CheckField, ErrorSummary, IdentBadge, Loading, PageTitle, Row, SelectField } from '../../../components/ui';
import { errorText, fieldId, type Problems } from '../../../lib/problems';
import { getHearing, recordOutcome, revealHearingSealed, type AccPlace, type Attendance, type HearingView, type OutcomeInput } from './api';
import { emptyHearing, hearingInputOf, type HearingForm } from './model';
import { ATTENDANCE, attendanceName, documentName, HEARING_OUTCOMES, hearingStatusName, kindName, outcomeName, placeName } from './words';
import { accProblemMap } from './field-problems';
import { BackLink, usePlaces, ZoneTime } from './parts';
import { HearingFields } from './hearing-fields';
import { hearingLabelOf, ownHearingProblems } from './hearing-form';
import './people.css';

export function HearingPage({ id }: { id: string }) {
  const places = usePlaces();
  const [h, setH] = useState<HearingView | null>(null);
  const [error, setError] = useState('');
  const [sealed, setSealed] = useState<{ representative: string | null; notes: string | null } | null>(null);
  const [sealedError, setSealedError] = useState('');

  useEffect(() => {
    setH(null);
    setSealed(null);
    getHearing(id).then(setH, (e: unknown) => setError(errorText(e)));
  }, [id]);

  const back = <BackLink href="/accompaniment" label={t('acc.hub.back')} />;
  if (!h || !places)
    return (
      <>
        {back}
        <PageTitle>{t('acc.hearing.title')}</PageTitle>
        {error ? <Alert kind="error">{error}</Alert> : <Loading />}
      </>
    );

  const show = async () => {
    setSealedError('');
    try {
      setSealed(await revealHearingSealed(id));
    } catch (e) {
      setSealedError(errorText(e));
    }
  };

  return (
    <article class="detail acc-hearing-page">
      {back}
      <PageTitle>
        {t('acc.hearing.title')} <span class="ref">{h.ref}</span>
      </PageTitle>
      <p class="meta">
        <span class="status">{hearingStatusName(h.status)}</span>
        {h.outcome && <span>{outcomeName(h.outcome)}</span>}
      </p>
      {can('accompaniment.write') && (
        <div class="detail-actions">
          <Link href={`/accompaniment/hearings/${h.id}/edit`} class="btn">
            {t('acc.hearing.edit')}
          </Link>
        </div>
      )}
      <section aria-labelledby="acc-h-details">
        <h2 id="acc-h-details">{t('acc.hearing.details')}</h2>
        <dl class="facts">
          <Row label={t('acc.hearing.starts')}>
            <ZoneTime at={h.startsAt} zone={h.courtZone} />
          </Row>
          <Row label={t('acc.hearing.court')}>{placeName(places, h.court)}</Row>
          <Row label={t('acc.hearing.kind')}>{kindName(h.kind)}</Row>
          <Row label={t('acc.hearing.presentSection')}>
            {h.presentAt && h.presentZone ? (
              <>
                {placeName(places, h.presentPlace)} · <ZoneTime at={h.presentAt} zone={h.presentZone} />
              </>
            ) : (
              ''
            )}
          </Row>
          <Row label={t('acc.hearing.documents')}>{h.documents.map(documentName).join(', ')}</Row>
        </dl>
        <p class="acc-nav-hearings">
          {h.previousHearing && <Link href={`/accompaniment/hearings/${h.previousHearing.id}`}>← {t('acc.hearing.previous', { ref: h.previousHearing.ref })}</Link>}
          {h.nextHearing && <Link href={`/accompaniment/hearings/${h.nextHearing.id}`}>{t('acc.hearing.nextLink', { ref: h.nextHearing.ref })} →</Link>}
        </p>
      </section>

      {(h.hasRepresentative || h.hasNotes) && (
        <section aria-labelledby="acc-h-sealed" class="acc-ident">
          <h2 id="acc-h-sealed">
            {t('acc.hearing.sealedSection')} <IdentBadge />
          </h2>
          {sealed ? (
            <>
              <dl class="facts">
                <Row label={t('acc.hearing.representative')}>{sealed.representative ?? ''}</Row>
                <Row label={t('acc.hearing.notes')}>{sealed.notes ? <span class="prewrap">{sealed.notes}</span> : ''}</Row>
              </dl>
              <button type="button" class="btn" onClick={() => setSealed(null)}>
                {t('acc.person.hideIdentity')}
              </button>
            </>
          ) : can('identifying.read') ? (
            <button type="button" class="btn" onClick={() => void show()}>
              {t('acc.hearing.sealedShow')}
            </button>
          ) : (
            <p class="muted">{t('acc.person.identityNoAccess')}</p>
          )}
          {sealedError && <Alert kind="error">{sealedError}</Alert>}
        </section>
      )}

      <section aria-labelledby="acc-h-people">
        <h2 id="acc-h-people">{t('acc.hearing.people')}</h2>
        <ul class="acc-members">
          {h.people.map((p) => (
            <li key={p.id}>
              <Link href={`/accompaniment/people/${p.id}`}>{p.pseudonym}</Link> <span class="ref">{p.ref}</span> · {attendanceName(p.attendance)}
            </li>
          ))}
        </ul>
      </section>

      {can('accompaniment.write') && <OutcomeForm h={h} places={places} onSaved={setH} />}
    </article>
  );
}

function OutcomeForm({ h, places, onSaved }: { h: HearingView; places: AccPlace[]; onSaved: (v: HearingView) => void }) {
  const [status, setStatus] = useState<'held' | 'cancelled'>(h.status === 'cancelled' ? 'cancelled' : 'held');
  const [outcome, setOutcome] = useState(h.outcome ?? '');
  const [attendance, setAttendance] = useState<Record<string, Attendance>>(Object.fromEntries(h.people.map((p) => [p.id, p.attendance])));
  const [withNext, setWithNext] = useState(false);
  const [next, setNext] = useState<HearingForm>(() => ({ ...emptyHearing(), court: h.court, kind: h.kind, presentPlace: h.presentPlace ?? '', people: h.people.map((p) => ({ id: p.id, label: `${p.pseudonym} (${p.ref})` })) }));
  const [problems, setProblems] = useState<Problems>(new Map());
  const [message, setMessage] = useState<string | undefined>();
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const focusSummary = () => requestAnimationFrame(() => document.querySelector<HTMLElement>('.acc-outcome .error-summary')?.focus());
  async function submit() {
    setDone('');
    setMessage(undefined);
    const own = withNext ? ownHearingProblems(next, 'next.') : new Map<string, string[]>();
    setProblems(own);
    if (own.size) return focusSummary();
    const input: OutcomeInput = { version: h.version, status, outcome: status === 'held' && outcome ? outcome : null, attendance };
    if (withNext) input.next = hearingInputOf(next, 'new');
    setBusy(true);
    try {
      const v = await recordOutcome(h.id, input);
      onSaved(v);
      setDone(t('acc.outcome.saved'));
      setWithNext(false);
    } catch (e) {
      if (e instanceof ApiError && e.problems.length) setProblems(accProblemMap(e.problems));
      else setMessage(e instanceof ApiError && (e.status === 409 || e.code === 'stale') ? t('acc.problem.stale') : errorText(e));
      focusSummary();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="acc-h-outcome" class="acc-outcome">
      <h2 id="acc-h-outcome">{t('acc.outcome.title')}</h2>
      <ErrorSummary problems={problems} message={message} labelOf={hearingLabelOf} />
      {done && <Alert kind="success">{done}</Alert>}
      <form
        class="acc-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset class="acc-group" id={fieldId('status')}>
          <legend>{t('acc.outcome.status')}</legend>
          {(['held', 'cancelled'] as const).map((s) => (
            <div class="check" key={s}>
              <input type="radio" id={`acc-outcome-${s}`} name="acc-outcome-status" checked={status === s} onChange={() => setStatus(s)} />
              <label for={`acc-outcome-${s}`}>{hearingStatusName(s)}</label>
            </div>
          ))}
        </fieldset>
        {status === 'held' && (
          <SelectField id={fieldId('outcome')} label={t('acc.outcome.outcome')} value={outcome} onValue={setOutcome} empty="—" options={HEARING_OUTCOMES.map((o) => ({ value: o, label: outcomeName(o) }))} errors={problems.get('outcome')} />
        )}
        <fieldset class="acc-group">
          <legend>{t('acc.outcome.attendance')}</legend>
          {h.people.map((p) => (
            <SelectField
              key={p.id}
              id={fieldId(`attendance.${p.id}`)}
              label={`${p.pseudonym} (${p.ref})`}
              value={attendance[p.id] ?? 'expected'}
              onValue={(v) => setAttendance({ ...attendance, [p.id]: v as Attendance })}
              options={ATTENDANCE.map((a) => ({ value: a, label: attendanceName(a) }))}
              errors={problems.get(`attendance.${p.id}`)}
            />
          ))}
        </fieldset>
        <CheckField id="acc-outcome-next" label={t('acc.outcome.withNext')} checked={withNext} onValue={setWithNext} />
        {withNext && (
          <fieldset class="acc-group acc-next-hearing">
            <legend>{t('acc.outcome.next')}</legend>
            <HearingFields form={next} onForm={setNext} problems={problems} prefix="next." places={places} sealed="new" />
          </fieldset>
        )}
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('acc.outcome.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
