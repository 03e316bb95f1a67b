/** The signed-in app: header (workspace, navigation, language, lock, sign out) and the page for the path. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from './i18n/i18n';
import { useAppState, can, signOut } from './state';
import { Link, match, usePath, UUID } from './router';
import { LangSwitch } from './components/lang-switch';
import { LockButton } from './components/lock-button';
import { MenuIcon } from './components/icons';
import { IncidentListPage } from './pages/incident-list';
import { lazyPage } from './lazy';
import { PageTitle } from './components/ui';

// The incident list is where a session starts: it comes with this chunk. Every other page is a
// chunk of its own, fetched the first time it is opened (the form and the detail a little after the
// app is up, as they are the next pages most people open).
const IncidentFormPage = lazyPage(() => import('./pages/incident-form/form').then((m) => m.IncidentFormPage));
const IncidentDetailPage = lazyPage(() => import('./pages/incident-detail').then((m) => m.IncidentDetailPage));
const ActorListPage = lazyPage(() => import('./pages/actor-list').then((m) => m.ActorListPage));
const ActorPage = lazyPage(() => import('./pages/actor-page').then((m) => m.ActorPage));
const ActorEditPage = lazyPage(() => import('./pages/actor-edit').then((m) => m.ActorEditPage));
const VocabularyAdminPage = lazyPage(() => import('./pages/vocabulary-admin').then((m) => m.VocabularyAdminPage));
const UserAdminPage = lazyPage(() => import('./pages/user-admin').then((m) => m.UserAdminPage));
const AuditLogPage = lazyPage(() => import('./pages/audit-log').then((m) => m.AuditLogPage));
const ChangePasswordPage = lazyPage(() => import('./pages/change-password').then((m) => m.ChangePasswordPage));
const AccountSecurityPage = lazyPage(() => import('./pages/account-security').then((m) => m.AccountSecurityPage));
const IdentityScanPage = lazyPage(() => import('./pages/identity-scan').then((m) => m.IdentityScanPage));
const GroupAdminPage = lazyPage(() => import('./pages/group-admin').then((m) => m.GroupAdminPage));
const IdentifyingFieldsPage = lazyPage(() => import('./pages/identifying-fields').then((m) => m.IdentifyingFieldsPage));
const DashboardPage = lazyPage(() => import('./pages/dashboard/dashboard').then((m) => m.DashboardPage));
const MapPage = lazyPage(() => import('./pages/map/map-page').then((m) => m.MapPage));
const PatternsPage = lazyPage(() => import('./pages/patterns/patterns').then((m) => m.PatternsPage));
const PatternThresholdsPage = lazyPage(() => import('./pages/patterns/thresholds').then((m) => m.PatternThresholdsPage));
const OpenDataPage = lazyPage(() => import('./pages/open-data/open-data').then((m) => m.OpenDataPage));
const ReportsPage = lazyPage(() => import('./pages/reports/reports').then((m) => m.ReportsPage));
const ExportsPage = lazyPage(() => import('./pages/exports/exports').then((m) => m.ExportsPage));
const ImportPage = lazyPage(() => import('./pages/import/import-page').then((m) => m.ImportPage));
const DuplicatesPage = lazyPage(() => import('./pages/duplicates/duplicates-page').then((m) => m.DuplicatesPage));
const RiskFormPage = lazyPage(() => import('./pages/risk/risk-form').then((m) => m.RiskFormPage));
const RiskDuePage = lazyPage(() => import('./pages/risk/risk-due').then((m) => m.RiskDuePage));
const UrgentListPage = lazyPage(() => import('./pages/urgent/urgent-list').then((m) => m.UrgentListPage));
const UrgentCasePage = lazyPage(() => import('./pages/urgent/urgent-case').then((m) => m.UrgentCasePage));
const OpenUrgentPage = lazyPage(() => import('./pages/urgent/open-urgent').then((m) => m.OpenUrgentPage));
const AlertInboxPage = lazyPage(() => import('./pages/alerts/alert-inbox').then((m) => m.AlertInboxPage));
const AlertSettingsPage = lazyPage(() => import('./pages/alerts/alert-settings').then((m) => m.AlertSettingsPage));
const CheckinsPage = lazyPage(() => import('./pages/checkins/checkins').then((m) => m.CheckinsPage));
const CheckInPage = lazyPage(() => import('./pages/checkins/check-in').then((m) => m.CheckInPage));
const DuressCodePage = lazyPage(() => import('./pages/checkins/duress-code').then((m) => m.DuressCodePage));
const MeasuresPage = lazyPage(() => import('./pages/measures/measures').then((m) => m.MeasuresPage));
const EvidenceItemPage = lazyPage(() => import('./pages/evidence/evidence-item').then((m) => m.EvidenceItemPage));
const EvidenceCapturePage = lazyPage(() => import('./pages/evidence/capture-page').then((m) => m.CapturePage));
const ActorTimelinePage = lazyPage(() => import('./pages/timeline/actor-timeline').then((m) => m.ActorTimelinePage));
const PlaceTimelinePage = lazyPage(() => import('./pages/timeline/place-timeline').then((m) => m.PlaceTimelinePage));
const RunListPage = lazyPage(() => import('./pages/accompaniment/runs/run-list').then((m) => m.RunListPage));
const RunFormPage = lazyPage(() => import('./pages/accompaniment/runs/run-form').then((m) => m.RunFormPage));
const RunPage = lazyPage(() => import('./pages/accompaniment/runs/run-page').then((m) => m.RunPage));
const RunTrackPage = lazyPage(() => import('./pages/accompaniment/runs/track').then((m) => m.TrackPage));
const PlanPage = lazyPage(() => import('./pages/accompaniment/runs/plan-view').then((m) => m.PlanPage));
const MyRunsPage = lazyPage(() => import('./pages/accompaniment/runs/my-runs').then((m) => m.MyRunsPage));
const AccompanimentHubPage = lazyPage(() => import('./pages/accompaniment/people/hub').then((m) => m.AccompanimentHubPage));
const AccPersonListPage = lazyPage(() => import('./pages/accompaniment/people/person-list').then((m) => m.PersonListPage));
const AccPersonFormPage = lazyPage(() => import('./pages/accompaniment/people/person-form').then((m) => m.PersonFormPage));
const AccPersonPage = lazyPage(() => import('./pages/accompaniment/people/person-page').then((m) => m.PersonPage));
const AccHearingFormPage = lazyPage(() => import('./pages/accompaniment/people/hearing-form').then((m) => m.HearingFormPage));
const AccHearingPage = lazyPage(() => import('./pages/accompaniment/people/hearing-page').then((m) => m.HearingPage));
const AccHearingImportPage = lazyPage(() => import('./pages/accompaniment/people/hearing-import').then((m) => m.HearingImportPage));
const AccRemindersPage = lazyPage(() => import('./pages/accompaniment/people/reminders').then((m) => m.RemindersPage));
const AccompanimentFiguresPage = lazyPage(() => import('./pages/accompaniment/figures/figures-page').then((m) => m.AccompanimentFiguresPage));

interface Routed {
  title: string;
  page: ComponentChildren;
  nav: string;
}

function route(path: string): Routed {
  let m: Record<string, string> | null;
  if (path === '/' || path === '/incidents') return { title: t('title.incidents'), page: <IncidentListPage />, nav: 'list' };
  if (path === '/incidents/scan' && can('identifying.read')) return { title: t('scan.title'), page: <IdentityScanPage />, nav: 'list' };
  if (path === '/incidents/new') return { title: t('title.newIncident'), page: <IncidentFormPage key="new" />, nav: 'new' };
  if ((m = match('/drafts/:id', path)) && UUID.test(m['id']!)) return { title: t('title.newIncident'), page: <IncidentFormPage key={m['id']} draftId={m['id']} />, nav: 'new' };
  if ((m = match('/incidents/:id/edit', path)) && UUID.test(m['id']!)) return { title: t('title.editIncident'), page: <IncidentFormPage key={`e${m['id']}`} incidentId={m['id']} />, nav: 'list' };
  if ((m = match('/incidents/:id', path)) && UUID.test(m['id']!)) return { title: t('title.incident'), page: <IncidentDetailPage key={m['id']} id={m['id']!} />, nav: 'list' };
  if (path === '/dashboard' && can('incident.read')) return { title: t('title.dashboard'), page: <DashboardPage />, nav: 'dashboard' };
  if (path === '/map' && can('incident.read')) return { title: t('title.map'), page: <MapPage />, nav: 'map' };
  if (path === '/patterns' && can('incident.read')) return { title: t('title.patterns'), page: <PatternsPage />, nav: 'patterns' };
  if (path === '/open-data' && can('incident.read')) return { title: t('title.openData'), page: <OpenDataPage />, nav: 'openData' };
  if (path === '/reports' && can('incident.read')) return { title: t('title.reports'), page: <ReportsPage />, nav: 'reports' };
  if (path === '/exports' && can('incident.read')) return { title: t('title.exports'), page: <ExportsPage />, nav: 'exports' };
  if (path === '/import' && can('records.import')) return { title: t('import.pageTitle'), page: <ImportPage />, nav: 'import' };
  if (path === '/duplicates' && can('incident.edit_any')) return { title: t('duplicates.page.title'), page: <DuplicatesPage />, nav: 'duplicates' };
  if (path === '/timeline/place' && can('incident.read')) return { title: t('title.placeTimeline'), page: <PlaceTimelinePage />, nav: 'timeline' };
  if ((m = match('/incidents/:id/urgent', path)) && UUID.test(m['id']!) && can('response.write')) return { title: t('title.openUrgent'), page: <OpenUrgentPage key={m['id']} id={m['id']!} />, nav: 'urgent' };
  if ((m = match('/incidents/:id/evidence/capture', path)) && UUID.test(m['id']!) && can('evidence.write')) return { title: t('title.evidenceCapture'), page: <EvidenceCapturePage key={m['id']} incidentId={m['id']!} />, nav: 'list' };
  if ((m = match('/evidence/:id', path)) && UUID.test(m['id']!)) return { title: t('title.evidence'), page: <EvidenceItemPage key={m['id']} id={m['id']!} />, nav: 'list' };
  if (path === '/urgent' && can('response.read')) return { title: t('title.urgentList'), page: <UrgentListPage />, nav: 'urgent' };
  if ((m = match('/urgent/:id', path)) && UUID.test(m['id']!) && can('response.read')) return { title: t('title.urgentCase'), page: <UrgentCasePage key={m['id']} id={m['id']!} />, nav: 'urgent' };
  if (path === '/measures' && can('response.read')) return { title: t('title.measures'), page: <MeasuresPage />, nav: 'measures' };
  if (path === '/alerts') return { title: t('title.alerts'), page: <AlertInboxPage />, nav: 'alerts' };
  if (path === '/admin/alerts' && can('alerts.admin')) return { title: t('title.alertSettings'), page: <AlertSettingsPage />, nav: 'alertSettings' };
  if (path === '/checkins') return { title: t('title.checkins'), page: <CheckinsPage />, nav: 'checkins' };
  if (path === '/checkins/duress') return { title: t('title.duressCode'), page: <DuressCodePage />, nav: 'checkins' };
  if ((m = match('/checkins/:id', path)) && UUID.test(m['id']!)) return { title: t('title.checkIn'), page: <CheckInPage key={m['id']} id={m['id']!} />, nav: 'checkins' };
  if (path === '/accompaniment' && can('accompaniment.read')) return { title: t('title.accompaniment'), page: <AccompanimentHubPage />, nav: 'accompaniment' };
  if (path === '/accompaniment/people' && can('accompaniment.read')) return { title: t('title.accPeople'), page: <AccPersonListPage />, nav: 'accompaniment' };
  if (path === '/accompaniment/people/new' && can('accompaniment.write')) return { title: t('title.accPersonNew'), page: <AccPersonFormPage key="new" />, nav: 'accompaniment' };
  if ((m = match('/accompaniment/people/:id/edit', path)) && UUID.test(m['id']!) && can('accompaniment.write')) return { title: t('title.accPersonEdit'), page: <AccPersonFormPage key={`e${m['id']}`} id={m['id']!} />, nav: 'accompaniment' };
  if ((m = match('/accompaniment/people/:id', path)) && UUID.test(m['id']!) && can('accompaniment.read')) return { title: t('title.accPerson'), page: <AccPersonPage key={m['id']} id={m['id']!} />, nav: 'accompaniment' };
  if (path === '/accompaniment/hearings/new' && can('accompaniment.write')) return { title: t('title.accHearingNew'), page: <AccHearingFormPage key="new" />, nav: 'accompaniment' };
  if (path === '/accompaniment/hearings/import' && can('accompaniment.write')) return { title: t('title.accHearingImport'), page: <AccHearingImportPage />, nav: 'accompaniment' };
  if ((m = match('/accompaniment/hearings/:id/edit', path)) && UUID.test(m['id']!) && can('accompaniment.write')) return { title: t('title.accHearingEdit'), page: <AccHearingFormPage key={`e${m['id']}`} id={m['id']!} />, nav: 'accompaniment' };
  if ((m = match('/accompaniment/hearings/:id', path)) && UUID.test(m['id']!) && can('accompaniment.read')) return { title: t('title.accHearing'), page: <AccHearingPage key={m['id']} id={m['id']!} />, nav: 'accompaniment' };
  if (path === '/accompaniment/reminders' && can('accompaniment.read')) return { title: t('title.accReminders'), page: <AccRemindersPage />, nav: 'accompaniment' };
  if (path === '/accompaniment/my-runs') return { title: t('title.myRuns'), page: <MyRunsPage />, nav: 'myRuns' };
  if ((m = match('/accompaniment/runs/:id/track', path)) && UUID.test(m['id']!)) return { title: t('title.accTrack'), page: <RunTrackPage key={m['id']} id={m['id']!} />, nav: 'myRuns' };
  if (path === '/accompaniment/runs' && can('accompaniment.read')) return { title: t('title.accRuns'), page: <RunListPage />, nav: 'accompaniment' };
  if (path === '/accompaniment/runs/new' && can('accompaniment.write')) return { title: t('title.accRunNew'), page: <RunFormPage key="new" />, nav: 'accompaniment' };
  if ((m = match('/accompaniment/runs/:id/edit', path)) && UUID.test(m['id']!) && can('accompaniment.write')) return { title: t('title.accRunEdit'), page: <RunFormPage key={`e${m['id']}`} id={m['id']!} />, nav: 'accompaniment' };
  if ((m = match('/accompaniment/runs/:id', path)) && UUID.test(m['id']!)) return { title: t('title.accRun'), page: <RunPage key={m['id']} id={m['id']!} />, nav: can('accompaniment.read') ? 'accompaniment' : 'myRuns' };
  if (path === '/accompaniment/plan' && can('accompaniment.read')) return { title: t('title.accPlan'), page: <PlanPage />, nav: 'accompaniment' };
  if (path === '/accompaniment/figures' && can('accompaniment.read')) return { title: t('title.accFigures'), page: <AccompanimentFiguresPage />, nav: 'accompaniment' };
  if (path === '/people') return { title: t('title.people'), page: <ActorListPage />, nav: 'people' };
  if ((m = match('/people/:id/edit', path)) && UUID.test(m['id']!)) return { title: t('title.person'), page: <ActorEditPage key={m['id']} id={m['id']!} />, nav: 'people' };
  if ((m = match('/people/:id/risk', path)) && UUID.test(m['id']!) && can('risk.write')) return { title: t('title.risk'), page: <RiskFormPage key={m['id']} id={m['id']!} />, nav: 'people' };
  if (path === '/risk' && can('risk.read')) return { title: t('title.riskDue'), page: <RiskDuePage />, nav: 'risk' };
  if ((m = match('/people/:id/timeline', path)) && UUID.test(m['id']!)) return { title: t('title.timeline'), page: <ActorTimelinePage key={m['id']} id={m['id']!} />, nav: 'people' };
  if ((m = match('/people/:id', path)) && UUID.test(m['id']!)) return { title: t('title.person'), page: <ActorPage key={m['id']} id={m['id']!} />, nav: 'people' };
  if (path === '/admin/vocabularies' && can('vocabulary.admin')) return { title: t('title.vocabularies'), page: <VocabularyAdminPage />, nav: 'vocab' };
  if (path === '/admin/identifying' && can('users.admin')) return { title: t('identFields.title'), page: <IdentifyingFieldsPage />, nav: 'identifying' };
  if (path === '/admin/patterns' && can('users.admin')) return { title: t('title.thresholds'), page: <PatternThresholdsPage />, nav: 'thresholds' };
  if (path === '/admin/groups' && can('users.admin')) return { title: t('title.groups'), page: <GroupAdminPage />, nav: 'groups' };
  if (path === '/admin/users' && can('users.admin')) return { title: t('title.users'), page: <UserAdminPage />, nav: 'users' };
  if (path === '/admin/audit' && can('audit.read')) return { title: t('title.audit'), page: <AuditLogPage />, nav: 'audit' };
  if (path === '/account') return { title: t('title.account'), page: <ChangePasswordPage />, nav: 'account' };
  if (path === '/account/security') return { title: t('title.security'), page: <AccountSecurityPage />, nav: 'security' };
  return { title: t('title.notFound'), page: <NotFound />, nav: '' };
}

function NotFound() {
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </>
  );
}

export function Shell() {
  const s = useAppState();
  const path = usePath();
  const r = route(path);
  const [menu, setMenu] = useState(false);
  useEffect(() => setMenu(false), [path]);
  useEffect(() => {
    document.title = `Bitácora — ${r.title}`;
  }, [r.title]);
  useEffect(() => {
    // fetch the next pages most people open while they read the list (errors: fetched again on opening)
    const timer = setTimeout(() => {
      if (can('incident.create')) IncidentFormPage.preload().catch(() => undefined);
      IncidentDetailPage.preload().catch(() => undefined);
    }, 1500);
    return () => clearTimeout(timer);
  }, []);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // move focus to the new page's heading so screen readers and keyboards start there
    const h = document.querySelector<HTMLElement>('main h1');
    if (h && document.activeElement !== h) h.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path]);

  const item = (href: string, key: string, label: string) => (
    <li>
      <Link href={href} aria-current={r.nav === key ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
  return (
    <>
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header class="app-header">
        <div class="bar">
          <Link href="/" class="brand">
            <span class="brand-name">Bitácora</span>
            <span class="brand-ws">{s.status?.workspace?.name}</span>
          </Link>
          {can('seal') && <LockButton />}
        </div>
        <div class="bar2">
          <button type="button" class="btn btn-quiet menu-toggle" aria-expanded={menu} aria-controls="main-nav" onClick={() => setMenu(!menu)}>
            <MenuIcon />
            {t('nav.menu')}
          </button>
          <LangSwitch />
        </div>
        <nav aria-label={t('nav.label')} class={`nav ${menu ? 'is-open' : ''}`} id="main-nav">
          <div class="nav-inner">
            <ul>
              {item('/', 'list', t('nav.incidents'))}
              {can('incident.create') && item('/incidents/new', 'new', t('nav.newIncident'))}
              {can('incident.read') && item('/dashboard', 'dashboard', t('nav.dashboard'))}
              {can('incident.read') && item('/map', 'map', t('nav.map'))}
              {can('incident.read') && item('/patterns', 'patterns', t('nav.patterns'))}
              {can('incident.read') && item('/open-data', 'openData', t('nav.openData'))}
              {can('incident.read') && item('/exports', 'exports', t('nav.exports'))}
              {can('incident.read') && item('/reports', 'reports', t('nav.reports'))}
              {can('incident.read') && item('/timeline/place', 'timeline', t('nav.timeline'))}
              {can('records.import') && item('/import', 'import', t('import.nav'))}
              {can('incident.edit_any') && item('/duplicates', 'duplicates', t('duplicates.nav'))}
              {can('actor.read') && item('/people', 'people', t('nav.people'))}
              {can('risk.read') && item('/risk', 'risk', t('nav.risk'))}
              {can('response.read') && item('/urgent', 'urgent', t('nav.urgent'))}
              {can('response.read') && item('/measures', 'measures', t('nav.measures'))}
              {item('/checkins', 'checkins', t('nav.checkins'))}
              {item('/alerts', 'alerts', t('nav.alerts'))}
              {can('accompaniment.read') && item('/accompaniment', 'accompaniment', t('nav.accompaniment'))}
              {item('/accompaniment/my-runs', 'myRuns', t('nav.myRuns'))}
              {can('vocabulary.admin') && item('/admin/vocabularies', 'vocab', t('nav.vocabularies'))}
              {can('users.admin') && item('/admin/users', 'users', t('nav.users'))}
              {can('users.admin') && item('/admin/groups', 'groups', t('nav.groups'))}
              {can('users.admin') && item('/admin/identifying', 'identifying', t('nav.identifying'))}
              {can('users.admin') && item('/admin/patterns', 'thresholds', t('nav.thresholds'))}
              {can('alerts.admin') && item('/admin/alerts', 'alertSettings', t('nav.alertSettings'))}
              {can('audit.read') && item('/admin/audit', 'audit', t('nav.audit'))}
            </ul>
            <div class="nav-tools">
              <LangSwitch />
              <Link href="/account" class="btn btn-quiet" aria-current={r.nav === 'account' ? 'page' : undefined}>
                {t('nav.account')}
              </Link>
              <Link href="/account/security" class="btn btn-quiet" aria-current={r.nav === 'security' ? 'page' : undefined}>
                {t('nav.security')}
              </Link>
              <button type="button" class="btn btn-quiet" onClick={() => void signOut()}>
                {t('nav.signOut')}
              </button>
            </div>
          </div>
        </nav>
      </header>
      <main id="main" class="main">
        {r.page}
      </main>
    </>
  );
}
