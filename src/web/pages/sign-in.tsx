/** Sign in with e-mail and password. */
import { useState } from 'preact/hooks';
import { api, setCsrf } from '../api';
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

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError(t('signin.missing'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<{ csrf: string }>('POST', '/api/v1/auth/login', { email, password });
      setCsrf(r.csrf);
      lastEmail = '';
      update({ notice: null });
      await refresh();
    } catch (err) {
      setError(errorText(err));
      setPassword('');
      setBusy(false);
    }
  };

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
