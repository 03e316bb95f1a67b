/**
 * Re-authentication on demand: a call that answers 403 'reauth_required' (security settings,
 * exports of identifying data) opens a dialog asking for the password — and the code, for those
 * with an authenticator app — then the call is made again. Cancelling rejects with
 * ReauthCancelled, which callers ignore.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { t } from '../i18n/i18n';
import { getState } from '../state';
import { TextField } from './ui';
import { errorText, problemMap, type Problems } from '../lib/problems';

export class ReauthCancelled extends Error {
  constructor() {
    super('re-authentication cancelled');
    this.name = 'ReauthCancelled';
  }
}

/** Runs `call`; if the server asks to re-authenticate first, asks the person and runs it again. */
export async function withReauth<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 'reauth_required')) throw e;
    if (!(await askReauth())) throw new ReauthCancelled();
    return call();
  }
}

let host: HTMLElement | null = null;

function askReauth(): Promise<boolean> {
  return new Promise((resolve) => {
    host ??= document.body.appendChild(document.createElement('div'));
    const el = host;
    render(
      <ReauthDialog
        onDone={(ok) => {
          render(null, el);
          resolve(ok);
        }}
      />,
      el,
    );
  });
}

function ReauthDialog({ onDone }: { onDone: (ok: boolean) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<Problems>(new Map());
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const withCode = getState().session?.user.secondFactor?.enrolled ?? false;
  const finished = useRef(false);
  const finish = (ok: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (dialog.current?.open) dialog.current.close();
    onDone(ok);
  };

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: Problems = new Map();
    if (!password) local.set('password', [t('problem.required')]);
    if (withCode && !code.trim()) local.set('code', [t('problem.required')]);
    setProblems(local);
    setError(undefined);
    if (local.size) return;
    setBusy(true);
    try {
      await api('POST', '/api/v1/session/reauth', withCode ? { password, code: code.trim() } : { password });
      finish(true);
    } catch (err) {
      setBusy(false);
      setCode('');
      if (err instanceof ApiError && err.problems.length) setProblems(problemMap(err.problems, { password: t('reauth.wrongPassword'), code: t('security.wrongCode') }));
      else setError(errorText(err));
    }
  };

  return (
    <dialog ref={dialog} class="lock-dialog reauth-dialog" aria-labelledby="reauth-title" aria-describedby="reauth-text" onClose={() => finish(false)}>
      <h2 id="reauth-title">{t('reauth.title')}</h2>
      <p id="reauth-text">{t('reauth.text')}</p>
      <form onSubmit={submit} noValidate>
        <div aria-live="assertive" class="live-slot">
          {error && (
            <p class="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <TextField id="reauth-password" type="password" label={t('common.password')} value={password} onValue={setPassword} errors={problems.get('password')} autoComplete="current-password" autoFocus required />
        {withCode && (
          <TextField id="reauth-code" label={t('security.code')} hint={t('security.codeHint')} value={code} onValue={setCode} errors={problems.get('code')} autoComplete="one-time-code" inputMode="numeric" maxLength={8} required />
        )}
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('reauth.submit')}
          </button>
          <button type="button" class="btn" onClick={() => finish(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
