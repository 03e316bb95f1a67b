/** First run: name the workspace, choose the custodian passphrase, create the first admin; then show the recovery key once. */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { t, lang, type Lang } from '../i18n/i18n';
import { refresh } from '../state';
import { BareLayout } from '../components/bare-layout';
import { Alert, ErrorSummary, SelectField, TextField, CheckField } from '../components/ui';
import { errorText, problemMap, type Problems } from '../lib/problems';
import { rememberEmail } from './sign-in';

export function SetupPage({ webSetup }: { webSetup: boolean }) {
  const [f, setF] = useState({ workspaceName: '', organisationName: '', language: lang() as Lang, passphrase: '', passphrase2: '', displayName: '', email: '', password: '' });
  const [problems, setProblems] = useState<Problems>(new Map());
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });

  if (!webSetup) {
    return (
      <BareLayout>
        <h1 tabIndex={-1}>{t('setup.title')}</h1>
        <Alert kind="info">{t('setup.cliOnly')}</Alert>
      </BareLayout>
    );
  }

  if (recoveryKey) {
    return (
      <BareLayout>
        <h1 tabIndex={-1}>{t('setup.keyTitle')}</h1>
        <p>{t('setup.keyIntro')}</p>
        <p class="recovery-key" id="recovery-key" aria-describedby="recovery-key-help">
          {recoveryKey}
        </p>
        <p id="recovery-key-help" class="hint">
          {t('setup.keyHelp')}
        </p>
        <CheckField id="key-confirm" label={t('setup.keyConfirm')} checked={confirmed} onValue={setConfirmed} />
        <button
          type="button"
          class="btn btn-primary"
          disabled={!confirmed}
          onClick={() => {
            setRecoveryKey(null);
            void refresh();
          }}
        >
          {t('setup.keyContinue')}
        </button>
      </BareLayout>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: Problems = new Map();
    const need = (k: string, v: string) => {
      if (!v.trim()) local.set(k, [t('problem.required')]);
    };
    need('workspaceName', f.workspaceName);
    need('organisationName', f.organisationName);
    need('admin.displayName', f.displayName);
    need('admin.email', f.email);
    if (f.passphrase.length < 12) local.set('passphrase', [t('problem.tooShort', { min: 12 })]);
    else if (f.passphrase !== f.passphrase2) local.set('passphrase2', [t('setup.passphraseMismatch')]);
    if (f.password.length < 10) local.set('admin.password', [t('problem.tooShort', { min: 10 })]);
    setProblems(local);
    setError(undefined);
    if (local.size) return;
    setBusy(true);
    try {
      const r = await api<{ recoveryKey: string }>('POST', '/api/v1/setup', {
        workspaceName: f.workspaceName,
        organisationName: f.organisationName,
        language: f.language,
        passphrase: f.passphrase,
        admin: { email: f.email, displayName: f.displayName, password: f.password },
      });
      rememberEmail(f.email);
      setRecoveryKey(r.recoveryKey);
    } catch (err) {
      if (err instanceof ApiError && err.problems.length) setProblems(problemMap(err.problems));
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const labels: Record<string, string> = {
    workspaceName: t('setup.workspaceName'),
    organisationName: t('setup.organisationName'),
    passphrase: t('setup.passphrase'),
    passphrase2: t('setup.passphrase2'),
    'admin.displayName': t('setup.adminName'),
    'admin.email': t('common.email'),
    'admin.password': t('common.password'),
  };
  const p = (k: string) => problems.get(k);
  return (
    <BareLayout>
      <h1 tabIndex={-1}>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary problems={problems} message={problems.size ? undefined : error} labelOf={(k) => labels[k] ?? k} />
        <fieldset>
          <legend>{t('setup.workspaceSection')}</legend>
          <TextField id="f-workspaceName" label={labels['workspaceName']} hint={t('setup.workspaceNameHint')} value={f.workspaceName} onValue={set('workspaceName')} errors={p('workspaceName')} required />
          <TextField id="f-organisationName" label={labels['organisationName']} value={f.organisationName} onValue={set('organisationName')} errors={p('organisationName')} required />
          <SelectField id="f-language" label={t('setup.language')} value={f.language} onValue={set('language')} options={[{ value: 'es', label: 'Español' }, { value: 'en', label: 'English' }]} />
        </fieldset>
        <fieldset>
          <legend>{t('setup.passphraseSection')}</legend>
          <p class="hint">{t('setup.passphraseExplain')}</p>
          <TextField id="f-passphrase" type="password" label={labels['passphrase']} hint={t('setup.passphraseHint')} value={f.passphrase} onValue={set('passphrase')} errors={p('passphrase')} required autoComplete="new-password" />
          <TextField id="f-passphrase2" type="password" label={labels['passphrase2']} value={f.passphrase2} onValue={set('passphrase2')} errors={p('passphrase2')} required autoComplete="new-password" />
        </fieldset>
        <fieldset>
          <legend>{t('setup.adminSection')}</legend>
          <TextField id="f-admin-displayName" label={labels['admin.displayName']} value={f.displayName} onValue={set('displayName')} errors={p('admin.displayName')} required />
          <TextField id="f-admin-email" type="email" inputMode="email" label={labels['admin.email']} value={f.email} onValue={set('email')} errors={p('admin.email')} required autoComplete="username" />
          <TextField id="f-admin-password" type="password" label={labels['admin.password']} hint={t('setup.passwordHint')} value={f.password} onValue={set('password')} errors={p('admin.password')} required autoComplete="new-password" />
        </fieldset>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('setup.creating') : t('setup.submit')}
        </button>
      </form>
    </BareLayout>
  );
}
