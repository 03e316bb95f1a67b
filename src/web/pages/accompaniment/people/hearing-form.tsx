/**
 * A hearing, new or changed (/accompaniment/hearings/new, optionally ?person=<id> to start with one
 * person summoned; /accompaniment/hearings/:id/edit). Times are typed as the notice shows them at
 * the court's (and the place of presentation's) zone; the server keeps the instants. Its problems
 * land on their fields; a doubled wall time offers its two instants.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../../api';
import { t } from '../../../i18n/i18n';
import { can } from '../../../state';
import { Link, navigate, UUID } from '../../../router';
import { Alert, ErrorSummary, Loading, PageTitle } from '../../../components/ui';
import { errorText, type Problems } from '../../../lib/problems';
import { createHearing, getHearing, getPerson, revealHearingSealed, updateHearing, type HearingView } from './api';
import { emptyHearing, hearingFormOf, hearingInputOf, hearingProblems, type HearingForm } from './model';
import { accProblemMap } from './field-problems';
import { BackLink, usePlaces } from './parts';
import { HearingFields, type SealedState } from './hearing-fields';
import './people.css';

const LABEL_KEYS = {
  court: 'acc.hearing.court',
  startsLocal: 'acc.hearing.starts',
  startsFold: 'acc.hearing.starts',
  kind: 'acc.hearing.kind',
  presentPlace: 'acc.hearing.presentPlace',
  presentLocal: 'acc.hearing.presentTime',
  presentFold: 'acc.hearing.presentTime',
  documents: 'acc.hearing.documents',
  representative: 'acc.hearing.representative',
  notes: 'acc.hearing.notes',
  people: 'acc.hearing.people',
  status: 'acc.outcome.status',
  outcome: 'acc.outcome.outcome',
} as const;
/** A field's name for the problem summary ("next.court" → "Próxima audiencia: Corte"). */
export function hearingLabelOf(path: string): string {
  const next = path.startsWith('next.');
  const rest = next ? path.slice(5) : path;
  const base = rest in LABEL_KEYS ? t(LABEL_KEYS[rest as keyof typeof LABEL_KEYS]) : rest.startsWith('attendance') ? t('acc.outcome.attendance') : rest;
  return next ? `${t('acc.outcome.next')}: ${base}` : base;
}

/** The form's own problems in words, at the server's paths. */
export function ownHearingProblems(f: HearingForm, prefix = ''): Problems {
  const list: Problems = new Map();
  for (const [path, code] of hearingProblems(f)) list.set(`${prefix}${path}`, [code === 'required' ? (path === 'people' ? t('acc.problem.peopleRequired') : t('problem.required')) : t('acc.problem.presentPair')]);
  return list;
}

export function HearingFormPage({ id }: { id?: string }) {
  const places = usePlaces();
  const [view, setView] = useState<HearingView | null>(null);
  const [form, setForm] = useState<HearingForm | null>(id ? null : emptyHearing());
  const [sealed, setSealed] = useState<SealedState>('new');
  const [loadError, setLoadError] = useState('');
  const [problems, setProblems] = useState<Problems>(new Map());
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (id) {
      getHearing(id).then(
        (h) => {
          setView(h);
          setForm(hearingFormOf(h));
          setSealed(h.hasRepresentative || h.hasNotes ? 'closed' : 'new');
        },
        (e: unknown) => setLoadError(errorText(e)),
      );
      return;
    }
    // a person to start with (their id only: never a pseudonym in an address)
    const person = new URLSearchParams(location.search).get('person');
    if (person && UUID.test(person))
      getPerson(person).then(
        (p) => setForm((f) => (f && !f.people.length ? { ...f, people: [{ id: p.id, label: `${p.pseudonym} (${p.ref})` }] } : f)),
        () => undefined,
      );
  }, [id]);

  const back = id ? <BackLink href={`/accompaniment/hearings/${id}`} label={t('acc.hearing.backToHearing')} /> : <BackLink href="/accompaniment" label={t('acc.hub.back')} />;
  const title = id ? t('acc.hearing.editTitle') : t('acc.hearing.newTitle');
  if (!form || !places)
    return (
      <>
        {back}
        <PageTitle>{title}</PageTitle>
        {loadError ? <Alert kind="error">{loadError}</Alert> : <Loading />}
      </>
    );

  const openSealed = async () => {
    if (!id) return;
    try {
      const r = await revealHearingSealed(id);
      setForm({ ...form, representative: r.representative ?? '', notes: r.notes ?? '' });
      setSealed('opened');
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const focusSummary = () => requestAnimationFrame(() => document.querySelector<HTMLElement>('.error-summary')?.focus());

  async function submit() {
    if (!form) return;
    const own = ownHearingProblems(form);
    setProblems(own);
    setMessage(undefined);
    if (own.size) return focusSummary();
    setBusy(true);
    try {
      const input = hearingInputOf(form, sealed);
      const saved = id && view ? await updateHearing(id, { ...input, version: view.version }) : await createHearing(input);
      navigate(`/accompaniment/hearings/${saved.id}`, { replace: !!id });
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.problems.length) setProblems(accProblemMap(e.problems));
      else setMessage(e instanceof ApiError && (e.status === 409 || e.code === 'stale') ? t('acc.problem.stale') : errorText(e));
      focusSummary();
    }
  }

  return (
    <>
      {back}
      <PageTitle>{title}</PageTitle>
      {view && (
        <p class="meta">
          <span class="ref">{view.ref}</span>
        </p>
      )}
      <ErrorSummary problems={problems} message={message} labelOf={hearingLabelOf} />
      <form
        class="acc-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <HearingFields form={form} onForm={setForm} problems={problems} prefix="" places={places} sealed={sealed} canOpenSealed={can('identifying.read')} onOpenSealed={() => void openSealed()} />
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('acc.hearing.save')}
          </button>
          <Link href={id ? `/accompaniment/hearings/${id}` : '/accompaniment'} class="btn">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
