/** The app: which screen the workspace state calls for (setup, unseal, sign-in, the app itself). */
import { useEffect } from 'preact/hooks';
import { useAppState, refresh, can, signOut } from './state';
import { LockButton } from './components/lock-button';
import { t } from './i18n/i18n';
import { SetupPage } from './pages/setup';
import { UnsealPage } from './pages/unseal';
import { SignInPage } from './pages/sign-in';
import { ChangePasswordPage, ForcedEnrolmentPage, Shell } from './screens';
import { BareLayout } from './components/bare-layout';
import { Alert, Loading } from './components/ui';

export function App() {
  const s = useAppState();
  useEffect(() => {
    if (s.phase !== 'ready') document.title = t('title.app');
  }, [s.phase, s.lang]);
  useEffect(() => {
    // a new screen (locked, sign-in, the app): start reading and tabbing from its heading
    if (s.phase === 'loading') return;
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true }));
  }, [s.phase]);
  switch (s.phase) {
    case 'loading':
      return (
        <BareLayout>
          <Loading />
        </BareLayout>
      );
    case 'offline':
      return (
        <BareLayout>
          <h1 tabIndex={-1}>{t('offline.title')}</h1>
          <Alert kind="error">{t('offline.text')}</Alert>
          <button type="button" class="btn btn-primary" onClick={() => void refresh()}>
            {t('common.retry')}
          </button>
        </BareLayout>
      );
    case 'uninitialised':
      return <SetupPage webSetup={s.status?.webSetup ?? false} />;
    case 'sealed':
      return <UnsealPage notice={s.notice} />;
    case 'signin':
      return <SignInPage notice={s.notice} workspaceName={s.status?.workspace?.name} />;
    case 'password':
      return (
        <BareLayout
          tools={<LimitedSessionTools />}
        >
          <ChangePasswordPage forced />
        </BareLayout>
      );
    case 'enrol':
      return (
        <BareLayout
          tools={<LimitedSessionTools />}
        >
          <ForcedEnrolmentPage />
        </BareLayout>
      );
    case 'ready':
      return <Shell />;
  }
}

/** What a session limited to one task (temporary password, forced enrolment) may still do: lock, or leave. */
function LimitedSessionTools() {
  return (
    <>
      {can('seal') && <LockButton />}
      <button type="button" class="btn btn-quiet bare-signout" onClick={() => void signOut()}>
        {t('nav.signOut')}
      </button>
    </>
  );
}
