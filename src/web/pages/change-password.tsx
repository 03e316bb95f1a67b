/** Change one's own password; forced after an admin set a temporary one. */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { t } from '../i18n/i18n';
import { refresh } from '../state';
import { Alert, ErrorSummary, TextField, PageTitle } from '../components/ui';
import { errorText, problemMap, type Problems } from '../lib/problems';

export function ChangePasswordPage({ forced }: { forced?: boolean }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [next2, setNext2] = useState('');
  const [problems, setProblems] = useState<Problems>(new Map());
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: Problems = new Map();
    if (!current) local.set('current', [t('problem.required')]);
    if (next.length < 10) local.set('password', [t('problem.tooShort', { min: 10 })]);
    else if (next !== next2) local.set('password2', [t('password.mismatch')]);
    setProblems(local);
    setError(undefined);
    if (local.size) return;
    setBusy(true);
    try {
      await api('POST', '/api/v1/me/password', { current, password: next });
      setCurrent('');
      setNext('');
      setNext2('');
      setDone(true);
      if (forced) await refresh();
    } catch (err) {
      if (err instanceof ApiError && err.problems.length) setProblems(problemMap(err.problems, { current: t('problem.currentPassword'), password: t('problem.samePassword') }));
      else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const labels: Record<string, string> = { current: t('password.current'), password: t('password.new'), password2: t('password.new2') };
  return (
    <>
      <PageTitle>{t('password.title')}</PageTitle>
      {forced && <Alert kind="info">{t('password.forced')}</Alert>}
      {done && !forced && <Alert kind="success">{t('password.done')}</Alert>}
      <form onSubmit={submit} noValidate class="narrow">
        <ErrorSummary problems={problems} message={error} labelOf={(k) => labels[k] ?? k} />
        <TextField id="f-current" type="password" label={labels['current']} value={current} onValue={setCurrent} errors={problems.get('current')} autoComplete="current-password" required />
        <TextField id="f-password" type="password" label={labels['password']} hint={t('password.hint')} value={next} onValue={setNext} errors={problems.get('password')} autoComplete="new-password" required />
        <TextField id="f-password2" type="password" label={labels['password2']} value={next2} onValue={setNext2} errors={problems.get('password2')} autoComplete="new-password" required />
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('password.submit')}
        </button>
      </form>
    </>
  );
}
