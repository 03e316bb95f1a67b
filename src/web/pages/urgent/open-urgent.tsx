/**
 * Mark an incident urgent (/incidents/:id/urgent): what is happening (the kind), who answers for
 * it, and the checklist for that kind with its deadlines in hours from now (each can be changed,
 * emptied or left out). Opening alerts the owner and the responders — with the case's reference
 * only — and leads to the case. An incident with an open case links to it instead.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { t } from '../../i18n/i18n';
import { getState } from '../../state';
import { Link, navigate } from '../../router';
import { Alert, ErrorSummary, Loading, PageTitle, SelectField } from '../../components/ui';
import { errorText, fieldId, problemMap, type Problems } from '../../lib/problems';
import { MAX_DUE_HOURS, PRESETS, URGENT_KINDS, type StepCode, type UrgentKind } from '../../../domain/urgent/checklist';
import type { PersonRef, UrgentCaseSummary, UrgentCaseView } from '../../../domain/urgent/view';
import { codeName, kindHint, kindName, statusLine } from './words';
import './urgent.css';

interface Row { code: StepCode; include: boolean; hours: string }
const rowsFor = (kind: UrgentKind): Row[] => PRESETS[kind].map((s) => ({ code: s.code, include: true, hours: String(s.dueInHours) }));

export function OpenUrgentPage({ id }: { id: string }) {
  const me = getState().session?.user;
  const [incident, setIncident] = useState<{ ref: string; canEdit: boolean } | null>(null);
  const [open, setOpen] = useState<UrgentCaseSummary | null>(null);
  const [owners, setOwners] = useState<PersonRef[]>([]);
  const [loadError, setLoadError] = useState('');
  const [kind, setKind] = useState<UrgentKind | ''>('');
  const [ownerId, setOwnerId] = useState(me?.id ?? '');
  const [rows, setRows] = useState<Row[]>([]);
  const [problems, setProblems] = useState<Problems>(new Map());
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    (async () => {
      const [inc, cases, people] = await Promise.all([
        api<{ ref: string; canEdit: boolean }>('GET', `/api/v1/incidents/${id}`),
        api<{ items: UrgentCaseSummary[] }>('GET', `/api/v1/incidents/${id}/urgent`),
        api<{ items: PersonRef[] }>('GET', `/api/v1/urgent/owners?incident=${id}`),
      ]);
      setIncident({ ref: inc.ref, canEdit: inc.canEdit });
      setOpen(cases.items.find((c) => c.status === 'open') ?? null);
      setOwners(people.items);
    })().catch((e: unknown) => setLoadError(errorText(e)));
  }, [id]);

  const back = (
    <p class="back">
      <Link href={`/incidents/${id}`}>← {t('common.back')}</Link>
    </p>
  );
  if (!incident)
    return (
      <>
        {back}
        <PageTitle>{t('title.openUrgent')}</PageTitle>
        {loadError ? <Alert kind="error">{loadError}</Alert> : <Loading />}
      </>
    );
  if (open)
    return (
      <>
        {back}
        <PageTitle>{t('title.openUrgent')}</PageTitle>
        <Alert kind="info">
          <p>{t('urgent.open.already', { ref: open.ref })}</p>
          <p>{statusLine(open)}</p>
          <Link href={`/urgent/${open.id}`}>{t('urgent.open.goToCase')}</Link>
        </Alert>
      </>
    );
  if (!incident.canEdit)
    return (
      <>
        {back}
        <PageTitle>{t('title.openUrgent')}</PageTitle>
        <Alert kind="error">{t('urgent.open.notAllowed')}</Alert>
      </>
    );

  const chooseKind = (k: UrgentKind) => {
    setKind(k);
    setRows(rowsFor(k));
  };
  const setRow = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function submit() {
    const list: Problems = new Map();
    if (!kind) list.set('kind', [t('problem.required')]);
    rows.forEach((r, i) => {
      if (r.include && r.hours.trim() !== '' && !(/^\d+$/.test(r.hours.trim()) && Number(r.hours) <= MAX_DUE_HOURS)) list.set(`rows[${i}].hours`, [t('urgent.open.hoursProblem', { max: MAX_DUE_HOURS })]);
    });
    setProblems(list);
    setMessage(undefined);
    if (list.size) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.error-summary')?.focus());
      return;
    }
    const sent = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.include);
    setBusy(true);
    try {
      const c = await api<UrgentCaseView>('POST', `/api/v1/incidents/${id}/urgent`, {
        kind,
        ...(ownerId ? { ownerId } : {}),
        steps: sent.map(({ r }) => ({ code: r.code, dueInHours: r.hours.trim() === '' ? null : Number(r.hours) })),
      });
      navigate(`/urgent/${c.id}`, { replace: true });
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.problems.length) {
        // the server names the steps sent (steps[k]); the form names its rows
        const moved = e.problems.map((p) => {
          const m = /^steps\[(\d+)\]\.dueInHours$/.exec(p.path);
          return m ? { ...p, path: `rows[${sent[Number(m[1])]?.i ?? 0}].hours` } : p;
        });
        setProblems(problemMap(moved, { ownerId: t('urgent.open.ownerProblem') }));
      } else setMessage(e instanceof ApiError && e.status === 409 ? t('urgent.open.conflict') : errorText(e));
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.error-summary, [role=alert]')?.focus());
    }
  }

  const labelOf = (path: string) => {
    const m = /^rows\[(\d+)\]/.exec(path);
    if (m) return `${t('urgent.open.hours')}: ${codeName(rows[Number(m[1])]?.code ?? 'custom')}`;
    return path === 'kind' ? t('urgent.open.kind') : path === 'ownerId' ? t('urgent.open.owner') : path;
  };

  return (
    <>
      {back}
      <PageTitle>{t('title.openUrgent')}</PageTitle>
      <p class="meta">
        <span class="ref">{incident.ref}</span>
      </p>
      <p class="hint">{t('urgent.open.intro')}</p>
      <ErrorSummary problems={problems} message={message} labelOf={labelOf} />
      <form
        class="urgent-open"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset class={`radios urgent-kinds ${problems.get('kind') ? 'has-error' : ''}`} id={fieldId('kind')} tabIndex={-1}>
          <legend class="label">{t('urgent.open.kind')}</legend>
          {URGENT_KINDS.map((k) => (
            <div class="check" key={k}>
              <input type="radio" name="urgent-kind" id={`urgent-kind-${k}`} value={k} checked={kind === k} onChange={() => chooseKind(k)} aria-describedby={`urgent-kind-${k}-hint`} />
              <label for={`urgent-kind-${k}`}>{kindName(k)}</label>
              <p class="hint" id={`urgent-kind-${k}-hint`}>
                {kindHint(k)}
              </p>
            </div>
          ))}
          {problems.get('kind') && <p class="field-error">{problems.get('kind')!.join(' ')}</p>}
        </fieldset>

        <SelectField
          id={fieldId('ownerId')}
          label={t('urgent.open.owner')}
          hint={t('urgent.open.ownerHint')}
          value={ownerId}
          onValue={setOwnerId}
          options={owners.map((p) => ({ value: p.id, label: p.id === me?.id ? t('urgent.open.me', { name: p.displayName }) : p.displayName }))}
          errors={problems.get('ownerId')}
        />

        {kind && (
          <fieldset class="urgent-checklist">
            <legend class="label">{t('urgent.open.checklist')}</legend>
            <p class="hint">{t('urgent.open.checklistHint')}</p>
            {rows.map((r, i) => {
              const hoursId = fieldId(`rows[${i}].hours`);
              const errors = problems.get(`rows[${i}].hours`);
              return (
                <div class={`urgent-open-step ${errors ? 'has-error' : ''}`} key={r.code}>
                  <div class="check">
                    <input type="checkbox" id={`urgent-include-${r.code}`} checked={r.include} onChange={(e) => setRow(i, { include: e.currentTarget.checked })} />
                    <label for={`urgent-include-${r.code}`}>{codeName(r.code)}</label>
                  </div>
                  <div class="urgent-hours">
                    <label for={hoursId}>
                      {t('urgent.open.hours')}
                      <span class="sr-only">: {codeName(r.code)}</span>
                    </label>
                    <input
                      id={hoursId}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={MAX_DUE_HOURS}
                      step={1}
                      value={r.hours}
                      disabled={!r.include}
                      aria-invalid={errors ? 'true' : undefined}
                      aria-describedby={errors ? `${hoursId}-err` : undefined}
                      onInput={(e) => setRow(i, { hours: e.currentTarget.value })}
                    />
                  </div>
                  {errors && (
                    <p class="field-error" id={`${hoursId}-err`}>
                      {errors.join(' ')}
                    </p>
                  )}
                </div>
              );
            })}
          </fieldset>
        )}

        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('urgent.open.submit')}
          </button>
          <Link href={`/incidents/${id}`} class="btn">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
