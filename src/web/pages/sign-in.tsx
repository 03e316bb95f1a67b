/** Sign in with e-mail and password, then — for accounts with an authenticator app — its code or a recovery code. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, setCsrf } from '../api';
import { t } from '../i18n/i18n';
import { refresh, update, type AppState } from '../state';
import { BareLayout } from '../components/bare-layout';
import { Alert, TextField } from '../components/ui';
import { errorText } from '../lib/problems';

let lastEmail = '';
/** Pre-fills the e-mail after setup (kept in memory only). */
export function rememberEmail(email: string): void {
  lastEmail = email;
}

export function SignInPage({ notice, workspaceName }: { notice: AppState['notice']; workspaceName: string | undefined }) {
  const [email, setEmail] = useState(lastEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<'password' | 'code'>('password');

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError(t('signin.missing'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<{ csrf: string; stage?: 'second_factor' | 'complete' }>('POST', '/api/v1/auth/login', { email, password });
      setCsrf(r.csrf);
      setPassword('');
      if (r.stage === 'second_factor') {
        setStep('code');
        setBusy(false);
        return;
      }
      lastEmail = '';
      update({ notice: null });
      await refresh();
    } catch (err) {
      setError(errorText(err));
      setPassword('');
      setBusy(false);
    }
  };

  if (step === 'code')
    return (
      <SecondFactorStep
        workspaceName={workspaceName}
        onRestart={() => {
          setStep('password');
          setError(undefined);
        }}
      />
    );

  return (
    <BareLayout>
      <h1 tabIndex={-1}>{t('signin.title')}</h1>
      {workspaceName && <p class="workspace-name">{workspaceName}</p>}
      {notice === 'signedOut' && <Alert kind="info">{t('signin.sessionEnded')}</Alert>}
      <form onSubmit={submit} noValidate>
        <div aria-live="assertive" class="live-slot">
          {error && <Alert kind="error">{error}</Alert>}
        </div>
        <TextField id="f-email" type="email" inputMode="email" label={t('common.email')} value={email} onValue={setEmail} autoComplete="username" required />
        <TextField id="f-password" type="password" label={t('common.password')} value={password} onValue={setPassword} autoComplete="current-password" required />
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('signin.signingIn') : t('signin.submit')}
        </button>
      </form>
    </BareLayout>
  );
}

/** The second step: the code from the authenticator app, or one of the recovery codes. */
function SecondFactorStep({ workspaceName, onRestart }: { workspaceName: string | undefined; onRestart: () => void }) {
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!code.trim()) {
      setError(recovery ? t('signin.recoveryMissing') : t('signin.codeMissing'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<{ csrf: string; recoveryCodesLeft: number }>('POST', '/api/v1/session/second-factor', recovery ? { recoveryCode: code.trim() } : { code: code.trim() });
      setCsrf(r.csrf);
      lastEmail = '';
      update({ notice: null });
      await refresh();
    } catch (err) {
      setCode('');
      setBusy(false);
      if (err instanceof ApiError && err.code === 'bad_code') setError(recovery ? t('signin.recoveryWrong') : t('security.wrongCode'));
      else if (err instanceof ApiError && (err.status === 401 || err.status === 409)) {
        // the 5 minutes ran out (or the waiting sign-in ended): start again from the password
        onRestart();
      } else setError(errorText(err));
    }
  };

  return (
    <BareLayout>
      <h1 tabIndex={-1} ref={heading}>{t('signin.codeTitle')}</h1>
      {workspaceName && <p class="workspace-name">{workspaceName}</p>}
      <p>{recovery ? t('signin.recoveryText') : t('signin.codeText')}</p>
      <form onSubmit={submit} noValidate>
        <div aria-live="assertive" class="live-slot">
          {error && <Alert kind="error">{error}</Alert>}
        </div>
        {recovery ? (
          <TextField id="f-recovery" key="recovery" label={t('signin.recoveryCode')} hint={t('signin.recoveryHint')} value={code} onValue={setCode} autoComplete="off" maxLength={40} autoFocus required />
        ) : (
          <TextField id="f-code" key="code" label={t('security.code')} hint={t('security.codeHint')} value={code} onValue={setCode} autoComplete="one-time-code" inputMode="numeric" maxLength={8} autoFocus required />
        )}
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('signin.signingIn') : t('signin.codeSubmit')}
        </button>
      </form>
      <p>
        <button
          type="button"
          class="btn-link"
          onClick={() => {
            setRecovery(!recovery);
            setCode('');
            setError(undefined);
          }}
        >
          {recovery ? t('signin.useCode') : t('signin.useRecovery')}
        </button>
      </p>
    </BareLayout>
  );
}
