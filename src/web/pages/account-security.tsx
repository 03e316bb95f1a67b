/**
 * The signed-in person's security: two-step verification (set up an authenticator app from a QR
 * code drawn here or its key typed by hand, confirm with a first code, recovery codes shown once,
 * new codes, turn off) and their open sessions (see, end one, end all others). Changes ask for the
 * password again when the sign-in is older than 5 minutes (components/reauth.tsx).
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { t } from '../i18n/i18n';
import { getState, refresh, signOut, update } from '../state';
import { Alert, Loading, PageTitle, TextField } from '../components/ui';
import { QrCode } from '../components/qr-code';
import { withReauth, ReauthCancelled } from '../components/reauth';
import { dateTime } from '../lib/format';
import { errorText } from '../lib/problems';
import { Link } from '../router';
import type { SecondFactorStatus, SessionView } from '../types';

type Message = { kind: 'error' | 'success' | 'info'; text: string } | undefined;

/** An error in words, or nothing when the person cancelled the re-authentication. */
function failure(e: unknown): Message {
  return e instanceof ReauthCancelled ? undefined : { kind: 'error', text: errorText(e) };
}

/** Keeps the in-memory session in step (the re-authentication dialog asks for a code only when enrolled). */
function setEnrolled(enrolled: boolean): void {
  const s = getState().session;
  if (s) update({ session: { ...s, user: { ...s.user, secondFactor: { ...s.user.secondFactor, enrolled } } } });
}

export function AccountSecurityPage() {
  return (
    <>
      <PageTitle>{t('security.title')}</PageTitle>
      <SecondFactorSection />
      <SessionsSection />
      <p>
        <Link href="/checkins/duress">{t('security.duressLink')}</Link>
      </p>
    </>
  );
}

/** Shown instead of the app while a role requires two-step verification the person has not set up. */
export function ForcedEnrolmentPage() {
  return (
    <>
      <PageTitle>{t('security.forcedTitle')}</PageTitle>
      <Alert kind="info">{t('security.forcedText')}</Alert>
      <SecondFactorSection forced />
    </>
  );
}

function SecondFactorSection({ forced }: { forced?: boolean }) {
  const [status, setStatus] = useState<SecondFactorStatus | null>(null);
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string[] | undefined>();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [confirmOff, setConfirmOff] = useState(false);
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);

  const load = () =>
    api<SecondFactorStatus>('GET', '/api/v1/me/second-factor')
      .then(setStatus)
      .catch((e) => setMessage(failure(e)));
  useEffect(() => {
    void load();
  }, []);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await fn();
    } catch (e) {
      setMessage(failure(e));
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    run(async () => {
      setSetup(await withReauth(() => api<{ secret: string; uri: string }>('POST', '/api/v1/me/second-factor/enrol')));
      setCode('');
      setCodeError(undefined);
    });

  const confirm = (e: Event) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setCodeError([t('security.codeFormat')]);
      return;
    }
    setCodeError(undefined);
    void run(async () => {
      try {
        const r = await withReauth(() => api<{ recoveryCodes: string[] }>('POST', '/api/v1/me/second-factor/confirm', { code: code.replace(/\s/g, '') }));
        setSetup(null);
        setCodes(r.recoveryCodes);
        setEnrolled(true);
        setMessage({ kind: 'success', text: t('security.enabled') });
        if (!forced) await load();
      } catch (err) {
        setCode('');
        if (err instanceof ApiError && err.problems.some((p) => p.code === 'wrong_code')) setCodeError([t('security.wrongCode')]);
        else throw err;
      }
    });
  };

  const newCodes = () =>
    run(async () => {
      const r = await withReauth(() => api<{ recoveryCodes: string[] }>('POST', '/api/v1/me/second-factor/recovery-codes'));
      setCodes(r.recoveryCodes);
      setMessage({ kind: 'success', text: t('security.newCodesDone') });
      await load();
    });

  const turnOff = () =>
    run(async () => {
      await withReauth(() => api('DELETE', '/api/v1/me/second-factor'));
      setConfirmOff(false);
      setEnrolled(false);
      setMessage({ kind: 'success', text: t('security.turnedOff') });
      if (status?.required) await refresh();
      else await load();
    });

  const codesSaved = async () => {
    setCodes(null);
    if (forced) await refresh();
  };

  return (
    <section class="card-edit security-section" aria-labelledby="sec-2fa">
      <h2 id="sec-2fa">{t('security.twoFactorTitle')}</h2>
      <div aria-live="polite">{message && <Alert kind={message.kind}>{message.text}</Alert>}</div>
      {codes ? (
        <RecoveryCodes codes={codes} onSaved={() => void codesSaved()} />
      ) : !status ? (
        <Loading />
      ) : setup ? (
        <form onSubmit={confirm} noValidate class="enrol">
          <p>{t('security.scan')}</p>
          <QrCode text={setup.uri} label={t('security.qrLabel')} />
          <p>{t('security.manual')}</p>
          <p>
            <code class="secret-text" aria-label={t('security.keyLabel')}>
              {(setup.secret.match(/.{1,4}/g) ?? []).join(' ')}
            </code>
          </p>
          <p>{t('security.confirmStep')}</p>
          <TextField id="f-enrol-code" label={t('security.code')} hint={t('security.codeHint')} value={code} onValue={setCode} errors={codeError} autoComplete="one-time-code" inputMode="numeric" maxLength={8} required />
          <div class="actions">
            <button type="submit" class="btn btn-primary" disabled={busy}>
              {t('security.confirm')}
            </button>
            <button type="button" class="btn" onClick={() => setSetup(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : status.enrolled ? (
        <>
          <p>{t('security.enrolledSince', { time: dateTime(status.enrolledAt) })}</p>
          <p>{t('security.recoveryLeft', { count: status.recoveryCodesLeft })}</p>
          <div class="actions">
            <button type="button" class="btn" disabled={busy} onClick={() => void newCodes()}>
              {t('security.newCodes')}
            </button>
            <button type="button" class="btn" disabled={busy} aria-expanded={confirmOff} onClick={() => setConfirmOff(!confirmOff)}>
              {t('security.turnOff')}
            </button>
          </div>
          {confirmOff && (
            <div class="confirm-box" role="group" aria-labelledby="sec-off-text">
              <p id="sec-off-text">
                {t('security.turnOffConfirm')} {status.required && t('security.turnOffRequired')}
              </p>
              <div class="actions">
                <button type="button" class="btn btn-danger-quiet" disabled={busy} onClick={() => void turnOff()}>
                  {t('security.turnOffYes')}
                </button>
                <button type="button" class="btn" onClick={() => setConfirmOff(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          )}
        </>
      ) : (
        <>
          <p>{t('security.twoFactorIntro')}</p>
          <p class="muted">{status.required ? t('security.requiredNote') : t('security.off')}</p>
          <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void start()}>
            {t('security.setUp')}
          </button>
        </>
      )}
    </section>
  );
}

function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const [saved, setSaved] = useState(false);
  return (
    <div class="recovery-codes">
      <h3>{t('security.recoveryTitle')}</h3>
      <p>{t('security.recoveryText')}</p>
      <ol class="code-list">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div class="check">
        <input type="checkbox" id="f-codes-saved" checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
        <label for="f-codes-saved">{t('security.recoverySaved')}</label>
      </div>
      <button type="button" class="btn btn-primary" disabled={!saved} onClick={onSaved}>
        {t('security.continue')}
      </button>
    </div>
  );
}

function SessionsSection() {
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [message, setMessage] = useState<Message>();
  const load = () =>
    api<{ sessions: SessionView[] }>('GET', '/api/v1/me/sessions')
      .then((r) => setSessions(r.sessions))
      .catch((e) => setMessage(failure(e)));
  useEffect(() => {
    void load();
  }, []);

  const end = async (s: SessionView) => {
    setMessage(undefined);
    try {
      await api('DELETE', `/api/v1/me/sessions/${encodeURIComponent(s.handle)}`);
      if (s.current) {
        await signOut();
        return;
      }
      setMessage({ kind: 'success', text: t('sessions.ended') });
      await load();
    } catch (e) {
      setMessage(failure(e));
    }
  };
  const endOthers = async () => {
    setMessage(undefined);
    try {
      const r = await api<{ ended: number }>('DELETE', '/api/v1/me/sessions');
      setMessage({ kind: 'success', text: t('sessions.endedOthers', { count: r.ended }) });
      await load();
    } catch (e) {
      setMessage(failure(e));
    }
  };

  return (
    <section class="card-edit security-section" aria-labelledby="sec-sessions">
      <h2 id="sec-sessions">{t('sessions.title')}</h2>
      <p>{t('sessions.intro')}</p>
      <div aria-live="polite">{message && <Alert kind={message.kind}>{message.text}</Alert>}</div>
      {!sessions ? <Loading /> : <SessionList sessions={sessions} onEnd={(s) => void end(s)} />}
      {sessions && sessions.some((s) => !s.current) && (
        <button type="button" class="btn" onClick={() => void endOthers()}>
          {t('sessions.endOthers')}
        </button>
      )}
    </section>
  );
}

/** A list of sessions with an "End" button each (also used by the admin's view of an account). */
export function SessionList({ sessions, onEnd }: { sessions: SessionView[]; onEnd?: (s: SessionView) => void }) {
  if (!sessions.length) return <p class="muted">{t('sessions.none')}</p>;
  return (
    <ul class="cards session-list">
      {sessions.map((s) => {
        const device = s.device ?? t('sessions.unknownDevice');
        return (
          <li key={s.handle} class="card session">
            <p class="card-title">
              {device} {s.current && <span class="badge">{t('sessions.current')}</span>}
            </p>
            <p class="meta">{t('sessions.times', { created: dateTime(s.createdAt), seen: dateTime(s.lastSeenAt) })}</p>
            {onEnd && (
              <button type="button" class="btn btn-small" aria-label={t('sessions.endLabel', { device, created: dateTime(s.createdAt) })} onClick={() => onEnd(s)}>
                {t('sessions.end')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
