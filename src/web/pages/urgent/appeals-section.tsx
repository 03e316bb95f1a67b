/**
 * The urgent appeals of a case (ADR 0018), on the case's page: choose a protection body and the
 * letter's language, draft it from the record (only what consent allows — the list of what went in
 * and what was left out, and why, is shown beside it), edit and save it, download it as a PDF, and
 * record when and how it was sent and answered. The list shows each appeal's status; a letter is
 * opened only when asked for (the read is audited: it may hold names and testimonies). Writing is
 * hidden when the role may not write, and on a closed case but for recording a body's answer.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Problem } from '../../api';
import { t, lang, type MessageKey } from '../../i18n/i18n';
import { can } from '../../state';
import { Link } from '../../router';
import { Alert, SelectField, TextField } from '../../components/ui';
import { errorText, problemMap, type Problems } from '../../lib/problems';
import { dateTime, partialDate } from '../../lib/format';
import { ANSWER_CHANNELS, APPEAL_LANGS, type AnswerChannel, APPEAL_PDF_NAMES, MAX_ANSWER_NOTE, MAX_LETTER, PROTECTION_BODIES, SEND_CHANNELS, type AppealLang, type ProtectionBody } from '../../../domain/appeal/bodies';
import type { AppealSummary, AppealView } from '../../../domain/appeal/view';
import type { IncludedItem, WithheldItem } from '../../../domain/appeal/facts';
import './appeals-section.css';

const BODY_KEYS: Record<ProtectionBody, MessageKey> = {
  mx_mechanism: 'appeal.bodies.mx_mechanism',
  iachr: 'appeal.bodies.iachr',
  un_special_procedures: 'appeal.bodies.un_special_procedures',
  consulate: 'appeal.bodies.consulate',
  national_human_rights_commission: 'appeal.bodies.national_human_rights_commission',
  other: 'appeal.bodies.other',
};
const HOW_KEYS: Record<AnswerChannel, MessageKey> = {
  email: 'appeal.how.email',
  post: 'appeal.how.post',
  online_form: 'appeal.how.online_form',
  in_person: 'appeal.how.in_person',
  fax: 'appeal.how.fax',
  phone: 'appeal.how.phone',
  other: 'appeal.how.other',
};
const LANG_KEYS: Record<AppealLang, MessageKey> = { es: 'appeal.lang.es', en: 'appeal.lang.en' };
const WHAT_KEYS: Record<Exclude<IncludedItem['what'] | WithheldItem['what'], 'testimony'>, MessageKey> = {
  case_ref: 'appeal.what.case_ref',
  date: 'appeal.what.date',
  place: 'appeal.what.place',
  context: 'appeal.what.context',
  acts: 'appeal.what.acts',
  perpetrators: 'appeal.what.perpetrators',
  victims: 'appeal.what.victims',
  real_names: 'appeal.what.real_names',
  contacts: 'appeal.what.contacts',
  private_addresses: 'appeal.what.private_addresses',
  private_place: 'appeal.what.private_place',
  identified_perpetrators: 'appeal.what.identified_perpetrators',
  title: 'appeal.what.title',
  summary: 'appeal.what.summary',
  descriptions: 'appeal.what.descriptions',
  notes: 'appeal.what.notes',
};
const REASON_KEYS: Record<WithheldItem['reason'], MessageKey> = {
  no_legal_action_consent: 'appeal.reason.no_legal_action_consent',
  no_identifying_access: 'appeal.reason.no_identifying_access',
  never_included: 'appeal.reason.never_included',
};
/** This form's own problem codes (the server's date checks), worded here. */
const PROBLEM_KEYS: Record<string, MessageKey> = {
  before_drafted: 'appeal.problem.before_drafted',
  date_future: 'appeal.problem.date_future',
  after_answer: 'appeal.problem.after_answer',
  before_sent: 'appeal.problem.before_sent',
};
const bodyName = (b: ProtectionBody) => t(BODY_KEYS[b] ?? 'appeal.bodies.other');
const howName = (h: string) => t(HOW_KEYS[h as AnswerChannel] ?? 'appeal.how.other');
const langName = (l: AppealLang) => t(LANG_KEYS[l] ?? 'appeal.lang.es');

/** A recorded day ("2026-03-05") or moment, in words. */
const when = (v: string) => (v.length === 10 ? partialDate(v) : dateTime(v));
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function statusText(a: AppealSummary): string {
  if (a.answeredAt) return t('appeal.status.answered', { date: when(a.answeredAt) });
  if (a.sentAt) return t('appeal.status.sent', { date: when(a.sentAt) });
  return t('appeal.status.draft');
}

/** Problems of the sending and answer forms, worded (this form's own codes first). */
function problemsOf(e: unknown): Problems | null {
  if (!(e instanceof ApiError) || !e.problems.length) return null;
  const own = (p: Problem) => p.code !== undefined && Object.hasOwn(PROBLEM_KEYS, p.code);
  const map = problemMap(e.problems.filter((p) => !own(p)));
  for (const p of e.problems) if (own(p)) map.set(p.path, [...(map.get(p.path) ?? []), t(PROBLEM_KEYS[p.code!]!)]);
  return map;
}

function itemText(i: IncludedItem | WithheldItem): string {
  if (i.what === 'testimony') return i.subject ? t('appeal.what.testimony', { subject: i.subject }) : t('appeal.what.testimonyN', { n: i.n ?? 0 });
  return t(WHAT_KEYS[i.what]);
}

function reasonText(w: WithheldItem): string {
  if (w.what === 'testimony' && w.reason === 'no_legal_action_consent') return t('appeal.reason.testimonyConsent', { consent: w.consent ?? 'none' });
  return t(REASON_KEYS[w.reason]);
}

function DraftedWith({ appeal, incidentId }: { appeal: AppealView; incidentId: string }) {
  return (
    <div class="appeal-consent">
      <h4>{t('appeal.consentTitle')}</h4>
      <div class="appeal-consent-lists">
        <div>
          <h5>{t('appeal.included')}</h5>
          <ul class="appeal-included">
            {appeal.included.map((i, n) => (
              <li key={n}>{itemText(i)}</li>
            ))}
          </ul>
        </div>
        {appeal.withheld.length > 0 && (
          <div>
            <h5>{t('appeal.withheld')}</h5>
            <ul class="appeal-withheld">
              {appeal.withheld.map((w, n) => (
                <li key={n}>
                  {itemText(w)}: <span class="muted">{reasonText(w)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {appeal.withheld.some((w) => w.reason === 'no_legal_action_consent') && (
        <p>
          <Link href={`/incidents/${incidentId}`}>{t('appeal.consentLink')}</Link>
        </p>
      )}
    </div>
  );
}

/** `writable`: drafting, editing and sending (an open case); `answerable`: recording the body's answer, which may come after the case is closed. */
function AppealEditor({ initial, incidentId, writable, answerable, onChanged, onClose }: { initial: AppealView; incidentId: string; writable: boolean; answerable: boolean; onChanged: (a: AppealView) => void; onClose: () => void }) {
  const [appeal, setAppeal] = useState(initial);
  const [letter, setLetter] = useState(initial.letter);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [problems, setProblems] = useState<Problems>(new Map());
  const [sentAt, setSentAt] = useState(initial.sentAt?.slice(0, 10) ?? today());
  const [sentHow, setSentHow] = useState<string>(initial.sentHow ?? 'email');
  const [answeredAt, setAnsweredAt] = useState(initial.answeredAt?.slice(0, 10) ?? today());
  const [answerHow, setAnswerHow] = useState<string>(initial.answerHow ?? 'email');
  const [note, setNote] = useState(initial.answerNote ?? '');
  const editable = writable && !appeal.sentAt;
  const dirty = letter !== appeal.letter;
  const id = appeal.id;

  useEffect(() => {
    requestAnimationFrame(() => document.getElementById(`appeal-h-${id}`)?.focus());
  }, [id]);

  async function run(action: () => Promise<AppealView>, done: string) {
    setBusy(true);
    setMessage(null);
    setProblems(new Map());
    setConflict(false);
    try {
      const a = await action();
      setAppeal(a);
      setLetter(a.letter);
      onChanged(a);
      setMessage({ kind: 'success', text: done });
    } catch (e) {
      const p = problemsOf(e);
      if (e instanceof ApiError && e.status === 409 && e.message.startsWith('version')) setConflict(true);
      else if (p) setProblems(p);
      else setMessage({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  async function reload() {
    setConflict(false);
    try {
      const a = await api<AppealView>('GET', `/api/v1/appeals/${id}`);
      setAppeal(a);
      setLetter(a.letter);
      onChanged(a);
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    }
  }

  const letterId = `appeal-letter-${id}`;
  const channels = (list: readonly string[]) => list.map((c) => ({ value: c, label: howName(c) }));
  return (
    <article class="appeal card" aria-labelledby={`appeal-h-${id}`}>
      <h3 id={`appeal-h-${id}`} tabIndex={-1} class="card-title">
        {bodyName(appeal.body)} · {langName(appeal.lang)}
      </h3>
      <p class="meta">
        <span>{t('appeal.draftedBy', { date: dateTime(appeal.createdAt), who: appeal.createdBy || '—' })}</span>
        <span>{statusText(appeal)}</span>
      </p>
      <DraftedWith appeal={appeal} incidentId={incidentId} />
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {conflict && (
        <Alert kind="error">
          <p>{t('appeal.conflict')}</p>
          <button type="button" class="btn" onClick={() => void reload()}>
            {t('appeal.reload')}
          </button>
        </Alert>
      )}
      <form
        class="appeal-letter-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (editable) void run(() => api<AppealView>('PUT', `/api/v1/appeals/${id}`, { letter, version: appeal.version }), t('appeal.saved'));
        }}
      >
        <div class={`field ${problems.get('letter') ? 'has-error' : ''}`}>
          <label for={letterId} class="label">
            {t('appeal.letter')}
          </label>
          <p class="hint" id={`${letterId}-hint`}>
            {editable ? t('appeal.letterHint') : appeal.sentAt ? t('appeal.letterSent') : ''}
          </p>
          <textarea
            id={letterId}
            name="letter"
            class="appeal-letter"
            lang={appeal.lang}
            rows={18}
            maxLength={MAX_LETTER}
            readOnly={!editable}
            spellcheck={false}
            autoComplete="off"
            aria-describedby={`${letterId}-hint${problems.get('letter') ? ` ${letterId}-err` : ''}`}
            aria-invalid={problems.get('letter') ? 'true' : undefined}
            value={letter}
            onInput={(e) => setLetter(e.currentTarget.value)}
          />
          {problems.get('letter') && (
            <p class="field-error" id={`${letterId}-err`}>
              {problems.get('letter')!.join(' ')}
            </p>
          )}
        </div>
        <div class="actions">
          {editable && (
            <button type="submit" class="btn btn-primary" disabled={busy}>
              {t('appeal.save')}
            </button>
          )}
          <a class="btn" href={`/api/v1/appeals/${id}/pdf`} download={APPEAL_PDF_NAMES[appeal.lang]}>
            {t('appeal.pdf')}
          </a>
          <button type="button" class="btn-link" onClick={onClose}>
            {t('appeal.close')}
          </button>
        </div>
        {dirty && editable && <p class="hint">{t('appeal.pdfUnsaved')}</p>}
      </form>

      {(appeal.sentAt || appeal.answeredAt) && (
        <ul class="appeal-record">
          {appeal.sentAt && <li>{t('appeal.sentSummary', { date: when(appeal.sentAt), how: howName(appeal.sentHow ?? 'other') })}</li>}
          {appeal.answeredAt && <li>{t('appeal.answerSummary', { date: when(appeal.answeredAt), how: howName(appeal.answerHow ?? 'other') })}</li>}
          {appeal.answerNote && <li class="appeal-note">{appeal.answerNote}</li>}
        </ul>
      )}

      {writable && (
        <form
          class="appeal-sent"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => api<AppealView>('POST', `/api/v1/appeals/${id}/sent`, { sentAt, sentHow, version: appeal.version }), t('appeal.sentRecorded'));
          }}
        >
          <fieldset>
            <legend>{t('appeal.sent')}</legend>
            <div class="appeal-row">
              <TextField id={`appeal-sent-at-${id}`} type="date" label={t('appeal.sentAt')} value={sentAt} onValue={setSentAt} errors={problems.get('sentAt')} />
              <SelectField id={`appeal-sent-how-${id}`} label={t('appeal.sentHow')} value={sentHow} onValue={setSentHow} options={channels(SEND_CHANNELS)} errors={problems.get('sentHow')} />
            </div>
            <button type="submit" class="btn" disabled={busy}>
              {t('appeal.recordSent')}
            </button>
          </fieldset>
        </form>
      )}

      {answerable && appeal.sentAt && (
        <form
          class="appeal-answer"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => api<AppealView>('POST', `/api/v1/appeals/${id}/answer`, { answeredAt, answerHow, ...(note.trim() ? { note } : {}), version: appeal.version }), t('appeal.answerRecorded'));
          }}
        >
          <fieldset>
            <legend>{t('appeal.answer')}</legend>
            <div class="appeal-row">
              <TextField id={`appeal-answered-at-${id}`} type="date" label={t('appeal.answeredAt')} value={answeredAt} onValue={setAnsweredAt} errors={problems.get('answeredAt')} />
              <SelectField id={`appeal-answer-how-${id}`} label={t('appeal.answerHow')} value={answerHow} onValue={setAnswerHow} options={channels(ANSWER_CHANNELS)} errors={problems.get('answerHow')} />
            </div>
            <TextField id={`appeal-note-${id}`} label={t('appeal.answerNote')} hint={t('appeal.answerNoteHint')} value={note} onValue={setNote} multiline rows={3} maxLength={MAX_ANSWER_NOTE} errors={problems.get('note')} />
            <button type="submit" class="btn" disabled={busy}>
              {t('appeal.recordAnswer')}
            </button>
          </fieldset>
        </form>
      )}
    </article>
  );
}

export function AppealsSection({ caseId, incidentId, closed }: { caseId: string; incidentId: string; closed: boolean }) {
  const readable = can('response.read');
  const writable = can('response.write') && !closed;
  const [items, setItems] = useState<AppealSummary[] | null>(null);
  const [open, setOpen] = useState<AppealView | null>(null);
  const [body, setBody] = useState<ProtectionBody>('mx_mechanism');
  const [letterLang, setLetterLang] = useState<AppealLang>(lang());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!readable) return;
    let live = true;
    api<{ items: AppealSummary[] }>('GET', `/api/v1/urgent/${caseId}/appeals`).then(
      (r) => live && setItems(r.items),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [caseId, readable]);
  if (!readable) return null;

  const remember = (a: AppealView) => {
    const { letter: _l, answerNote: _n, included: _i, withheld: _w, ...summary } = a;
    setItems((list) => (list ?? []).some((x) => x.id === a.id) ? (list ?? []).map((x) => (x.id === a.id ? summary : x)) : [...(list ?? []), summary]);
  };

  async function draft() {
    setBusy('draft');
    setError('');
    try {
      const a = await api<AppealView>('POST', `/api/v1/urgent/${caseId}/appeals`, { body, lang: letterLang });
      remember(a);
      setOpen(a);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  async function show(id: string) {
    setBusy(id);
    setError('');
    try {
      setOpen(await api<AppealView>('GET', `/api/v1/appeals/${id}`));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section class="appeals" aria-labelledby="appeals-h">
      <h2 id="appeals-h">{t('appeal.title')}</h2>
      <p class="hint">{t('appeal.intro')}</p>
      {closed && <p class="muted">{t('appeal.closed')}</p>}
      {error && <Alert kind="error">{error}</Alert>}
      {writable && (
        <form
          class="appeal-new"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void draft();
          }}
        >
          <div class="appeal-row">
            <SelectField id="appeal-body" label={t('appeal.body')} value={body} onValue={(v) => setBody(v as ProtectionBody)} options={PROTECTION_BODIES.map((b) => ({ value: b, label: bodyName(b) }))} />
            <SelectField id="appeal-lang" label={t('appeal.lang')} value={letterLang} onValue={(v) => setLetterLang(v as AppealLang)} options={APPEAL_LANGS.map((l) => ({ value: l, label: langName(l) }))} />
          </div>
          <button type="submit" class="btn btn-primary" disabled={busy !== null} aria-busy={busy === 'draft'}>
            {busy === 'draft' ? t('appeal.drafting') : t('appeal.draft')}
          </button>
        </form>
      )}
      {open && (
        <AppealEditor
          key={open.id}
          initial={open}
          incidentId={incidentId}
          writable={writable}
          answerable={can('response.write')}
          onChanged={remember}
          onClose={() => {
            const id = open.id;
            setOpen(null);
            requestAnimationFrame(() => document.getElementById(`appeal-open-${id}`)?.focus());
          }}
        />
      )}
      <h3>{t('appeal.list')}</h3>
      {items && !items.length && <p class="muted">{t('appeal.none')}</p>}
      {items && items.length > 0 && (
        <>
          <ul class="cards appeal-list">
            {items.map((a) => (
              <li key={a.id} class="card">
                <p class="appeal-list-title">
                  <strong>{bodyName(a.body)}</strong> · {langName(a.lang)}
                </p>
                <p class="meta">
                  <span class="appeal-status">{statusText(a)}</span>
                  <span>{t('appeal.draftedBy', { date: dateTime(a.createdAt), who: a.createdBy || '—' })}</span>
                </p>
                {open?.id !== a.id && (
                  <button type="button" id={`appeal-open-${a.id}`} class="btn-link" disabled={busy !== null} onClick={() => void show(a.id)} aria-describedby="appeal-open-hint">
                    {t('appeal.open')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <p class="hint" id="appeal-open-hint">
            {t('appeal.openHint')}
          </p>
        </>
      )}
    </section>
  );
}
