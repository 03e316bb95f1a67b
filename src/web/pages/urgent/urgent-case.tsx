/**
 * One urgent case (/urgent/:id), for the protection officer on call: the status line with its day
 * counter at the top, then the checklist with what is overdue first (one tap ticks a step), notes,
 * the owner, campaigns, urgent appeals, and closing with an outcome at the bottom. Day counter and
 * overdue steps come from the server at reading time. A closed case is only read.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { t } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, Loading, PageTitle, SelectField, TextField } from '../../components/ui';
import { errorText } from '../../lib/problems';
import { dateTime } from '../../lib/format';
import { URGENT_OUTCOMES, type UrgentOutcome } from '../../../domain/urgent/checklist';
import type { PersonRef, UrgentCaseView } from '../../../domain/urgent/view';
import { AppealsSection } from './appeals-section';
import { Checklist, fieldProblems } from './checklist';
import { Campaigns } from './campaigns';
import { kindName, outcomeName, statusLine } from './words';
import './urgent.css';

type Update = (c: UrgentCaseView) => void;

function Notes({ c, onCase }: { c: UrgentCaseView; onCase: Update }) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [errors, setErrors] = useState<string[] | undefined>();
  return (
    <section class="urgent-notes-section" aria-labelledby="urgent-notes-h">
      <h2 id="urgent-notes-h">{t('urgent.case.notes')}</h2>
      {c.canWrite && (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (!body.trim()) {
              setErrors([t('problem.required')]);
              return;
            }
            setBusy(true);
            setError('');
            setErrors(undefined);
            try {
              onCase(await api<UrgentCaseView>('POST', `/api/v1/urgent/${c.id}/notes`, { body }));
              setBody('');
            } catch (err) {
              const p = fieldProblems(err);
              if (p.get('body')) setErrors(p.get('body'));
              else setError(errorText(err));
            } finally {
              setBusy(false);
            }
          }}
        >
          {error && <Alert kind="error">{error}</Alert>}
          <TextField id="urgent-note-body" label={t('urgent.case.noteLabel')} value={body} onValue={setBody} multiline rows={3} maxLength={5000} errors={errors} />
          <div class="actions">
            <button type="submit" class="btn" disabled={busy}>
              {t('urgent.case.addNote')}
            </button>
          </div>
        </form>
      )}
      {c.notes.length === 0 ? (
        <p class="muted">{t('urgent.case.noNotes')}</p>
      ) : (
        <ul class="urgent-notes">
          {c.notes.map((n) => (
            <li key={n.id}>
              <p class="meta">{t('urgent.case.noteBy', { name: n.author.displayName, when: dateTime(n.at) })}</p>
              <p class="prewrap">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Owner({ c, onCase }: { c: UrgentCaseView; onCase: Update }) {
  const [people, setPeople] = useState<PersonRef[] | null>(null);
  const [ownerId, setOwnerId] = useState(c.owner.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!c.canWrite) return;
    let live = true;
    api<{ items: PersonRef[] }>('GET', `/api/v1/urgent/owners?incident=${c.incidentId}`).then(
      (r) => live && setPeople(r.items),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [c.incidentId, c.canWrite]);
  if (!c.canWrite || !people) return error ? <Alert kind="error">{error}</Alert> : null;
  return (
    <form
      class="urgent-owner"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError('');
        try {
          onCase(await api<UrgentCaseView>('POST', `/api/v1/urgent/${c.id}/owner`, { ownerId }));
        } catch (err) {
          setError(errorText(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2>{t('urgent.case.ownerChange')}</h2>
      {error && <Alert kind="error">{error}</Alert>}
      <SelectField id="urgent-owner" label={t('urgent.case.owner')} value={ownerId} onValue={setOwnerId} options={people.map((p) => ({ value: p.id, label: p.displayName }))} />
      <div class="actions">
        <button type="submit" class="btn" disabled={busy || ownerId === c.owner.id}>
          {t('urgent.case.ownerButton')}
        </button>
      </div>
    </form>
  );
}

function CloseForm({ c, onCase, reload }: { c: UrgentCaseView; onCase: Update; reload: () => void }) {
  const [outcome, setOutcome] = useState<UrgentOutcome | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [conflict, setConflict] = useState(false);
  const [outcomeErrors, setOutcomeErrors] = useState<string[] | undefined>();
  return (
    <form
      class="urgent-close"
      aria-labelledby="urgent-close-h"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setConflict(false);
        setError('');
        if (!outcome) {
          setOutcomeErrors([t('problem.required')]);
          document.getElementById('urgent-close-outcome')?.focus();
          return;
        }
        setOutcomeErrors(undefined);
        setBusy(true);
        try {
          onCase(await api<UrgentCaseView>('POST', `/api/v1/urgent/${c.id}/close`, { outcome, ...(note.trim() ? { note } : {}), version: c.version }));
          requestAnimationFrame(() => document.querySelector<HTMLElement>('h1')?.focus());
        } catch (err) {
          if (err instanceof ApiError && err.status === 409) setConflict(true);
          else setError(errorText(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id="urgent-close-h">{t('urgent.close.title')}</h2>
      {conflict && (
        <Alert kind="error">
          {t('urgent.close.conflict')}{' '}
          <button type="button" class="btn-link" onClick={reload}>
            {t('urgent.close.reload')}
          </button>
        </Alert>
      )}
      {error && <Alert kind="error">{error}</Alert>}
      <SelectField
        id="urgent-close-outcome"
        label={t('urgent.close.outcome')}
        value={outcome}
        onValue={(v) => setOutcome(v as UrgentOutcome | '')}
        empty={t('common.choose')}
        options={URGENT_OUTCOMES.map((o) => ({ value: o, label: outcomeName(o) }))}
        errors={outcomeErrors}
      />
      <TextField id="urgent-close-note" label={t('urgent.close.note')} value={note} onValue={setNote} multiline rows={3} maxLength={5000} />
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('urgent.close.submit')}
        </button>
      </div>
    </form>
  );
}

export function UrgentCasePage({ id }: { id: string }) {
  const [c, setCase] = useState<UrgentCaseView | null>(null);
  const [error, setError] = useState('');
  const load = () =>
    api<UrgentCaseView>('GET', `/api/v1/urgent/${id}`).then(
      (v) => {
        setCase(v);
        setError('');
      },
      (e: unknown) => setError(errorText(e)),
    );
  useEffect(() => {
    void load();
  }, [id]);

  const back = (
    <p class="back">
      <Link href="/urgent">← {t('urgent.case.back')}</Link>
    </p>
  );
  if (!c)
    return (
      <>
        {back}
        <PageTitle>{t('title.urgentCase')}</PageTitle>
        {error ? <Alert kind="error">{error}</Alert> : <Loading />}
      </>
    );

  return (
    <article class="urgent-page">
      {back}
      <header>
        <PageTitle>{t('urgent.case.heading', { ref: c.ref, kind: kindName(c.kind) })}</PageTitle>
        <p class="urgent-status" id="urgent-status">
          {statusLine(c)}
        </p>
        <p class="meta">
          <Link href={`/incidents/${c.incidentId}`}>{t('urgent.list.incident', { ref: c.incidentRef })}</Link>
          <span>{t('urgent.list.owner', { name: c.owner.displayName })}</span>
          <span>{t('urgent.case.openedAt', { date: dateTime(c.openedAt) })}</span>
          {c.closedAt && <span>{t('urgent.case.closedAt', { date: dateTime(c.closedAt) })}</span>}
        </p>
        {error && <Alert kind="error">{error}</Alert>}
        {c.status === 'closed' && (
          <Alert kind="info">
            <p>{t('urgent.case.closedReadOnly')}</p>
            {c.closingNote && (
              <p class="prewrap">
                <strong>{t('urgent.close.closedNote')}:</strong> {c.closingNote}
              </p>
            )}
          </Alert>
        )}
      </header>
      <Checklist c={c} onCase={setCase} />
      <Notes c={c} onCase={setCase} />
      <Owner key={c.owner.id} c={c} onCase={setCase} />
      <Campaigns c={c} onChanged={() => void load()} />
      <AppealsSection caseId={c.id} incidentId={c.incidentId} closed={c.status === 'closed'} />
      {c.canWrite && <CloseForm c={c} onCase={setCase} reload={() => void load()} />}
    </article>
  );
}
