/**
 * A case's checklist on its page: overdue steps first and marked "Vencido" (words and a sign),
 * then the pending ones by deadline, then the done ones. One tap on a step's box ticks it done (or
 * undoes it); each step's note and deadline can be changed; a step of one's own can be added.
 */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { t } from '../../i18n/i18n';
import { Alert, TextField, SaveCancel } from '../../components/ui';
import { errorText, problemMap, type Problems } from '../../lib/problems';
import { dateTime } from '../../lib/format';
import { checklistOrder } from '../../../domain/urgent/checklist';
import type { UrgentCaseView, UrgentStepView } from '../../../domain/urgent/view';
import { deadlineText, OverdueMark, stepName } from './words';

/** Problems of a small form by path, or none when the error is not about its fields. */
export function fieldProblems(e: unknown): Problems {
  return e instanceof ApiError && e.problems.length ? problemMap(e.problems) : new Map();
}

/** A date-and-time field (the browser's time zone), labelled like the other fields. */
export function DateTimeField(p: { id: string; label: string; hint?: string; value: string; onValue: (v: string) => void; errors?: string[] | undefined }) {
  const described = [p.hint ? `${p.id}-hint` : '', p.errors?.length ? `${p.id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field ${p.errors?.length ? 'has-error' : ''}`}>
      <label for={p.id} class="label">
        {p.label}
      </label>
      <input id={p.id} name={p.id} type="datetime-local" value={p.value} aria-describedby={described} aria-invalid={p.errors?.length ? 'true' : undefined} onInput={(e) => p.onValue(e.currentTarget.value)} />
      {p.hint && (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.errors?.length ? (
        <p class="field-error" id={`${p.id}-err`}>
          {p.errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** An ISO instant as a datetime-local value in the browser's time zone ("2026-03-05T08:00"). */
export function localInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
/** A datetime-local value (the browser's time zone) as an ISO instant; undefined when empty or not a time. */
export function fromLocalInput(v: string): string | undefined {
  if (!v) return undefined;
  const ms = new Date(v).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

type Update = (c: UrgentCaseView) => void;

function StepItem({ c, step, onCase }: { c: UrgentCaseView; step: UrgentStepView; onCase: Update }) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(step.note ?? '');
  const [due, setDue] = useState(localInput(step.dueAt));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [problems, setProblems] = useState<Problems>(new Map());
  const id = `urgent-step-${step.id}`;

  async function patch(body: object): Promise<boolean> {
    setBusy(true);
    setError('');
    setProblems(new Map());
    try {
      onCase(await api<UrgentCaseView>('PATCH', `/api/v1/urgent/${c.id}/steps/${step.id}`, body));
      return true;
    } catch (e) {
      const p = fieldProblems(e);
      setProblems(p);
      if (!p.size) setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class={`urgent-step ${step.overdue ? 'is-overdue' : ''} ${step.doneAt ? 'is-done' : ''}`}>
      <div class="urgent-step-head">
        <input type="checkbox" id={id} checked={!!step.doneAt} disabled={!c.canWrite || busy} aria-describedby={`${id}-info`} onChange={(e) => void patch({ done: e.currentTarget.checked })} />
        <label for={id}>
          <span class="urgent-step-name">{stepName(step)}</span> {step.overdue && <OverdueMark />}
        </label>
      </div>
      <div class="urgent-step-info" id={`${id}-info`}>
        <p>{step.dueAt ? deadlineText(step.dueAt) : t('urgent.case.noDue')}</p>
        {step.doneAt && <p>{t('urgent.case.doneBy', { name: step.doneBy?.displayName ?? '', when: dateTime(step.doneAt) })}</p>}
        {step.note && <p class="prewrap">{step.note}</p>}
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {c.canWrite && !editing && (
        <p class="urgent-step-edit">
          <button type="button" class="btn-link" onClick={() => setEditing(true)}>
            {t('urgent.case.editStep')}
            <span class="sr-only">: {stepName(step)}</span>
          </button>
        </p>
      )}
      {c.canWrite && editing && (
        <form
          class="urgent-step-edit"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const dueAt = fromLocalInput(due);
            if (await patch({ note: note.trim() ? note : null, dueAt: dueAt ?? null })) setEditing(false);
          }}
        >
          <TextField id={`${id}-note`} label={t('urgent.case.stepNote')} value={note} onValue={setNote} multiline rows={2} maxLength={2000} errors={problems.get('note')} />
          <DateTimeField id={`${id}-due`} label={t('urgent.case.newDue')} hint={t('urgent.case.newDueHint')} value={due} onValue={setDue} errors={problems.get('dueAt')} />
          <SaveCancel save={t('common.save')} onCancel={() => setEditing(false)} busy={busy} />
        </form>
      )}
    </li>
  );
}

function AddStep({ c, onCase }: { c: UrgentCaseView; onCase: Update }) {
  const [label, setLabel] = useState('');
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [problems, setProblems] = useState<Problems>(new Map());
  return (
    <form
      class="urgent-add-step"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!label.trim()) {
          setProblems(new Map([['label', [t('problem.required')]]]));
          return;
        }
        setBusy(true);
        setError('');
        setProblems(new Map());
        try {
          const dueAt = fromLocalInput(due);
          onCase(await api<UrgentCaseView>('POST', `/api/v1/urgent/${c.id}/steps`, { code: 'custom', label, ...(dueAt ? { dueAt } : {}) }));
          setLabel('');
          setDue('');
        } catch (err) {
          const p = fieldProblems(err);
          setProblems(p);
          if (!p.size) setError(errorText(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3>{t('urgent.case.addStep')}</h3>
      {error && <Alert kind="error">{error}</Alert>}
      <div class="urgent-row">
        <TextField id="urgent-step-label" label={t('urgent.case.stepLabel')} value={label} onValue={setLabel} maxLength={200} errors={problems.get('label')} />
        <DateTimeField id="urgent-step-due" label={t('urgent.case.stepDue')} value={due} onValue={setDue} errors={problems.get('dueAt')} />
      </div>
      <div class="actions">
        <button type="submit" class="btn" disabled={busy}>
          {t('urgent.case.addStepButton')}
        </button>
      </div>
    </form>
  );
}

export function Checklist({ c, onCase }: { c: UrgentCaseView; onCase: Update }) {
  // a closed case is ordered as it stood when it closed
  const ordered = checklistOrder(c.steps.map((s, ordinal) => ({ ...s, ordinal })), c.closedAt ?? new Date().toISOString());
  const overdue = c.steps.filter((s) => s.overdue).length;
  return (
    <section class="urgent-checklist" aria-labelledby="urgent-checklist-h">
      <h2 id="urgent-checklist-h">{t('urgent.case.checklist')}</h2>
      <p>
        {overdue > 0 ? (
          <>
            <OverdueMark /> {t('urgent.list.overdue', { count: overdue })}
          </>
        ) : (
          <span class="muted">{t('urgent.list.noOverdue')}</span>
        )}{' '}
        <span class="muted">· {t('urgent.list.progress', { done: c.steps.filter((s) => s.doneAt).length, total: c.steps.length })}</span>
      </p>
      {c.steps.length === 0 ? (
        <p class="muted">{t('urgent.case.noSteps')}</p>
      ) : (
        <ul class="urgent-steps">
          {ordered.map((s) => (
            <StepItem key={`${s.id}:${s.doneAt ?? ''}:${s.dueAt ?? ''}:${s.note ?? ''}`} c={c} step={s} onCase={onCase} />
          ))}
        </ul>
      )}
      {c.canWrite && <AddStep c={c} onCase={onCase} />}
    </section>
  );
}
