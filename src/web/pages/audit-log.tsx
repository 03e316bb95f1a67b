/**
 * The audit log (admins and coordinators): who did what, when, on which record — ids and field
 * names, never values. Filter by kind of action, person, record and dates; load older entries;
 * admins can check the hash chain. At narrow widths the table's rows become stacked cards.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n/i18n';
import { can } from '../state';
import { Link } from '../router';
import { Alert, ErrorSummary, PageTitle, SelectField, TextField } from '../components/ui';
import { dateTime } from '../lib/format';
import { errorText, type Problems } from '../lib/problems';

interface AuditEntry {
  seq: number;
  at: string;
  user: { id: string; name: string | null } | null;
  action: string;
  target: { type: string; id: string | null; name?: string } | null;
  detail: Record<string, unknown> | null;
}
interface AuditPage {
  entries: AuditEntry[];
  next: number | null;
}
type ProblemKind = 'edited' | 'deleted' | 'reordered' | 'inserted' | 'head';
type VerifyResult =
  | { ok: true; count: number; head: { seq: number; hash: string }; legacy: number; startedAt: string | null }
  | { ok: false; checked: number; problem: { kind: ProblemKind; seq: number | null; message: string } };

interface Filters {
  action: string;
  user: string;
  targetId: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { action: '', user: '', targetId: '', from: '', to: '' };
const TARGET_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

/** The families of actions, in the order offered. */
const FAMILIES = ['auth', 'user', 'group', 'security', 'incident', 'actor', 'identifying', 'restricted', 'draft', 'vocabulary', 'interchange', 'backup', 'keys', 'vault', 'workspace', 'audit', 'risk', 'open_data', 'urgent', 'appeal', 'checkin', 'alerts', 'records'] as const;

function familyLabel(f: (typeof FAMILIES)[number]): string {
  switch (f) {
    case 'auth': return t('audit.family.auth');
    case 'user': return t('audit.family.user');
    case 'group': return t('audit.family.group');
    case 'security': return t('audit.family.security');
    case 'incident': return t('audit.family.incident');
    case 'actor': return t('audit.family.actor');
    case 'identifying': return t('audit.family.identifying');
    case 'restricted': return t('audit.family.restricted');
    case 'draft': return t('audit.family.draft');
    case 'vocabulary': return t('audit.family.vocabulary');
    case 'interchange': return t('audit.family.interchange');
    case 'backup': return t('audit.family.backup');
    case 'keys': return t('audit.family.keys');
    case 'vault': return t('audit.family.vault');
    case 'workspace': return t('audit.family.workspace');
    case 'audit': return t('audit.family.audit');
    case 'risk': return t('audit.family.risk');
    case 'open_data': return t('audit.family.openData');
    case 'urgent': return t('audit.family.urgent');
    case 'appeal': return t('audit.family.appeal');
    case 'checkin': return t('audit.family.checkin');
    case 'alerts': return t('audit.family.alerts');
    case 'records': return t('import.audit.family');
  }
}

/** A readable name for the actions Bitácora records; others show their code only. */
function actionLabel(action: string): string | null {
  switch (action) {
    case 'auth.login': return t('audit.action.login');
    case 'auth.login_failed': return t('audit.action.loginFailed');
    case 'auth.logout': return t('audit.action.logout');
    case 'user.created': return t('audit.action.userCreated');
    case 'user.updated': return t('audit.action.userUpdated');
    case 'user.password_reset': return t('audit.action.passwordReset');
    case 'user.password_changed': return t('audit.action.passwordChanged');
    case 'incident.created': return t('audit.action.incidentCreated');
    case 'incident.updated': return t('audit.action.incidentUpdated');
    case 'incident.deleted': return t('audit.action.incidentDeleted');
    case 'actor.created': return t('audit.action.actorCreated');
    case 'actor.updated': return t('audit.action.actorUpdated');
    case 'identifying.revealed': return t('audit.action.identifyingRevealed');
    case 'identifying.read': return t('audit.action.identifyingRead');
    case 'draft.created': return t('audit.action.draftCreated');
    case 'draft.deleted': return t('audit.action.draftDeleted');
    case 'vocabulary.term_added': return t('audit.action.termAdded');
    case 'vocabulary.term_changed': return t('audit.action.termChanged');
    case 'vocabulary.term_retired': return t('audit.action.termRetired');
    case 'vocabulary.term_restored': return t('audit.action.termRestored');
    case 'vocabulary.synced': return t('audit.action.vocabularySynced');
    case 'interchange.exported': return t('audit.action.exported');
    case 'interchange.imported': return t('audit.action.imported');
    case 'vault.sealed': return t('audit.action.sealed');
    case 'vault.unsealed': return t('audit.action.unsealed');
    case 'workspace.setup': return t('audit.action.setup');
    case 'workspace.sealed': return t('audit.action.sealRequested');
    case 'audit.verified': return t('audit.action.verified');
    case 'audit.chain_break': return t('audit.action.chainBreak');
    case 'risk.assessed': return t('audit.action.riskAssessed');
    case 'risk.read': return t('audit.action.riskRead');
    case 'open_data.exported': return t('audit.action.openDataExported');
    case 'open_data_settings.changed': return t('audit.action.openDataSettingsChanged');
    case 'pattern_settings.changed': return t('audit.action.patternSettingsChanged');
    case 'urgent.opened': return t('audit.action.urgentOpened');
    case 'urgent.step': return t('audit.action.urgentStep');
    case 'urgent.note': return t('audit.action.urgentNote');
    case 'urgent.owner': return t('audit.action.urgentOwner');
    case 'urgent.campaign': return t('audit.action.urgentCampaign');
    case 'urgent.closed': return t('audit.action.urgentClosed');
    case 'appeal.drafted': return t('audit.action.appealDrafted');
    case 'appeal.read': return t('audit.action.appealRead');
    case 'appeal.updated': return t('audit.action.appealUpdated');
    case 'appeal.exported': return t('audit.action.appealExported');
    case 'appeal.sent': return t('audit.action.appealSent');
    case 'appeal.answered': return t('audit.action.appealAnswered');
    case 'checkin.plan': return t('audit.action.checkinPlan');
    case 'checkin.done': return t('audit.action.checkinDone');
    case 'checkin.ended': return t('audit.action.checkinEnded');
    case 'checkin.escalated': return t('audit.action.checkinEscalated');
    case 'checkin.duress_code_set': return t('audit.action.duressCodeSet');
    case 'checkin.duress_code_removed': return t('audit.action.duressCodeRemoved');
    case 'alerts.settings': return t('audit.action.alertSettings');
    case 'alerts.test': return t('audit.action.alertTest');
    case 'records.imported': return t('import.audit.imported');
    case 'records.exported': return t('exports.audit.exported');
    case 'incident.merged': return t('duplicates.audit.merged');
    case 'incident.duplicate_dismissed': return t('duplicates.audit.dismissed');
    case 'identifying.exported': return t('exports.audit.identifyingExported');
    case 'import_mapping.saved': return t('import.audit.mappingSaved');
    case 'import_mapping.changed': return t('import.audit.mappingChanged');
    case 'import_mapping.removed': return t('import.audit.mappingRemoved');
    case 'accompanied.created': return t('audit.action.accPersonCreated');
    case 'accompanied.updated': return t('audit.action.accPersonUpdated');
    case 'accompanied.family_created': return t('audit.action.accFamilyCreated');
    case 'accompanied.identity_read': return t('audit.action.accIdentityRead');
    case 'hearing.created': return t('audit.action.hearingCreated');
    case 'hearing.updated': return t('audit.action.hearingUpdated');
    case 'hearing.outcome': return t('audit.action.hearingOutcome');
    case 'hearing.sealed_read': return t('audit.action.hearingSealedRead');
    case 'hearing.bulk': return t('audit.action.hearingBulk');
    case 'hearing.reminders': return t('audit.action.hearingReminders');
    case 'accompaniment.reminder_webhook': return t('audit.action.reminderWebhook');
    case 'run.created': return t('audit.action.runCreated');
    case 'run.changed': return t('audit.action.runChanged');
    case 'run.status': return t('audit.action.runStatus');
    case 'run.marked': return t('audit.action.runMarked');
    case 'run.meeting_points': return t('audit.action.runMeetingPoints');
    case 'run.unmarked': return t('audit.action.runUnmarked');
    case 'run.ended_automatically': return t('audit.action.runEndedAuto');
    case 'organisation.added': return t('audit.action.organisationAdded');
    default: return null;
  }
}

function targetLabel(type: string): string {
  switch (type) {
    case 'incident': return t('audit.target.incident');
    case 'actor': return t('audit.target.actor');
    case 'user': return t('audit.target.user');
    case 'draft': return t('audit.target.draft');
    case 'vocabulary': return t('audit.target.vocabulary');
    case 'urgent_case': return t('audit.target.urgentCase');
    case 'appeal': return t('audit.target.appeal');
    case 'checkin_plan': return t('audit.target.checkinPlan');
    case 'alert': return t('audit.target.alert');
    case 'import': return t('import.audit.targetImport');
    case 'import_mapping': return t('import.audit.targetMapping');
    case 'accompanied_person': return t('audit.target.accPerson');
    case 'accompanied_family': return t('audit.target.accFamily');
    case 'hearing': return t('audit.target.hearing');
    case 'transport_run': return t('audit.target.transportRun');
    case 'organisation': return t('audit.target.organisation');
    default: return type;
  }
}

function kindLabel(kind: ProblemKind): string {
  switch (kind) {
    case 'edited': return t('audit.kind.edited');
    case 'deleted': return t('audit.kind.deleted');
    case 'reordered': return t('audit.kind.reordered');
    case 'inserted': return t('audit.kind.inserted');
    case 'head': return t('audit.kind.head');
  }
}

/** The date fields are days in local time; the API takes instants. */
function queryOf(f: Filters, before?: number): string {
  const p = new URLSearchParams();
  if (f.action) p.set('action', f.action);
  if (f.user) p.set('user', f.user);
  if (f.targetId.trim()) p.set('targetId', f.targetId.trim());
  if (f.from) p.set('from', new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) {
    const end = new Date(`${f.to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    p.set('to', end.toISOString());
  }
  if (before !== undefined) p.set('before', String(before));
  p.set('limit', '50');
  return p.toString();
}

function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

export function AuditLogPage() {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [problems, setProblems] = useState<Problems>(new Map());
  const [people, setPeople] = useState<{ id: string; name: string }[]>([]);
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<VerifyResult | { failed: string } | null>(null);

  const load = async (f: Filters, before?: number) => {
    setBusy(true);
    setError(undefined);
    try {
      const page = await api<AuditPage>('GET', `/api/v1/audit?${queryOf(f, before)}`);
      setEntries((old) => (before !== undefined && old ? [...old, ...page.entries] : page.entries));
      setNext(page.next);
      // people to filter by: the accounts (admins), else whoever appears in what was loaded
      setPeople((known) => {
        const byId = new Map(known.map((p) => [p.id, p.name]));
        for (const e of page.entries) if (e.user && !byId.has(e.user.id)) byId.set(e.user.id, e.user.name ?? e.user.id);
        return [...byId.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
      });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void load(NO_FILTERS);
    if (can('users.admin')) {
      api<{ users: { id: string; displayName: string }[] }>('GET', '/api/v1/users')
        .then((r) => setPeople(r.users.map((u) => ({ id: u.id, name: u.displayName })).sort((a, b) => a.name.localeCompare(b.name))))
        .catch(() => undefined);
    }
  }, []);

  const apply = (e: Event) => {
    e.preventDefault();
    const local: Problems = new Map();
    if (draft.targetId.trim() && !TARGET_ID.test(draft.targetId.trim())) local.set('targetId', [t('audit.invalidTarget')]);
    if (draft.from && draft.to && draft.to < draft.from) local.set('to', [t('audit.toBeforeFrom')]);
    setProblems(local);
    if (local.size) return;
    setApplied(draft);
    void load(draft);
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setApplied(NO_FILTERS);
    setProblems(new Map());
    void load(NO_FILTERS);
  };
  const verify = async () => {
    setVerifying(true);
    setVerified(null);
    try {
      setVerified(await api<VerifyResult>('POST', '/api/v1/audit/verify'));
      void load(applied);
    } catch (e) {
      setVerified({ failed: errorText(e) });
    } finally {
      setVerifying(false);
    }
  };

  const labels: Record<string, string> = { targetId: t('audit.filterTarget'), to: t('audit.to') };
  const filtered = Object.values(applied).some(Boolean);
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <p class="hint">{t('audit.intro')}</p>

      {can('audit.verify') && (
        <section aria-labelledby="audit-verify" class="card-edit">
          <h2 id="audit-verify">{t('audit.verifyTitle')}</h2>
          <p class="hint">{t('audit.verifyHint')}</p>
          <button type="button" class="btn" onClick={() => void verify()} disabled={verifying} aria-describedby="audit-verify-result">
            {verifying ? t('audit.verifying') : t('audit.verify')}
          </button>
          <div id="audit-verify-result" aria-live="polite">
            {verified && 'failed' in verified && <Alert kind="error">{verified.failed}</Alert>}
            {verified && 'ok' in verified && verified.ok && (
              <Alert kind="success">
                <p>{t('audit.intact', { count: verified.count })}</p>
                <p>
                  {t('audit.anchorHint')} <code class="code audit-id">{`${verified.head.seq}:${verified.head.hash}`}</code>
                </p>
              </Alert>
            )}
            {verified && 'ok' in verified && !verified.ok && (
              <Alert kind="error">
                <p>{verified.problem.seq !== null ? t('audit.brokenAt', { seq: verified.problem.seq, kind: kindLabel(verified.problem.kind) }) : t('audit.brokenHead', { kind: kindLabel(verified.problem.kind) })}</p>
                <p>{t('audit.intactBefore', { count: verified.checked })}</p>
              </Alert>
            )}
          </div>
        </section>
      )}

      <section aria-labelledby="audit-filters">
        <h2 id="audit-filters">{t('audit.filters')}</h2>
        <form onSubmit={apply} noValidate class="audit-filters">
          <ErrorSummary problems={problems} labelOf={(k) => labels[k] ?? k} />
          <div class="grid-2">
            <SelectField id="audit-action" label={t('audit.filterAction')} value={draft.action} onValue={(action) => setDraft({ ...draft, action })} empty={t('audit.anyAction')} options={FAMILIES.map((f) => ({ value: f, label: familyLabel(f) }))} />
            <SelectField id="audit-user" label={t('audit.filterUser')} value={draft.user} onValue={(user) => setDraft({ ...draft, user })} empty={t('audit.anyUser')} options={people.map((p) => ({ value: p.id, label: p.name }))} />
            <TextField id="f-targetId" label={labels['targetId']} hint={t('audit.filterTargetHint')} value={draft.targetId} onValue={(targetId) => setDraft({ ...draft, targetId })} errors={problems.get('targetId')} maxLength={200} />
            <div class="grid-2">
              <TextField id="audit-from" type="date" label={t('audit.from')} value={draft.from} onValue={(from) => setDraft({ ...draft, from })} />
              <TextField id="f-to" type="date" label={labels['to']} value={draft.to} onValue={(to) => setDraft({ ...draft, to })} errors={problems.get('to')} />
            </div>
          </div>
          <div class="actions">
            <button type="submit" class="btn btn-primary" disabled={busy}>
              {t('audit.apply')}
            </button>
            {filtered && (
              <button type="button" class="btn" onClick={clear} disabled={busy}>
                {t('audit.clear')}
              </button>
            )}
          </div>
        </form>
      </section>

      <section aria-labelledby="audit-entries">
        <h2 id="audit-entries">{t('audit.entries')}</h2>
        {error && <Alert kind="error">{error}</Alert>}
        <p class="muted" aria-live="polite">
          {entries === null ? t('common.loading') : t('audit.shown', { count: entries.length })}
        </p>
        {entries && entries.length === 0 && !busy && <p class="empty">{t('audit.empty')}</p>}
        {entries && entries.length > 0 && (
          <table class="audit-table" role="table">
            <caption class="sr-only">{t('audit.caption')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader" scope="col">{t('audit.colSeq')}</th>
                <th role="columnheader" scope="col">{t('audit.colWhen')}</th>
                <th role="columnheader" scope="col">{t('audit.colWho')}</th>
                <th role="columnheader" scope="col">{t('audit.colAction')}</th>
                <th role="columnheader" scope="col">{t('audit.colTarget')}</th>
                <th role="columnheader" scope="col">{t('audit.colDetail')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {entries.map((e) => (
                <Row key={e.seq} e={e} />
              ))}
            </tbody>
          </table>
        )}
        {next !== null && (
          <div class="pager">
            <button type="button" class="btn" disabled={busy} onClick={() => void load(applied, next)}>
              {busy ? t('common.loading') : t('audit.loadMore')}
            </button>
          </div>
        )}
      </section>
    </>
  );
}

function Row({ e }: { e: AuditEntry }) {
  const label = actionLabel(e.action);
  const target = e.target;
  const href = target?.id && target.type === 'incident' ? `/incidents/${target.id}` : target?.id && target.type === 'actor' ? `/people/${target.id}` : undefined;
  return (
    <tr role="row">
      <td role="cell" data-label={t('audit.colSeq')} class="audit-seq">
        <div>{e.seq}</div>
      </td>
      <td role="cell" data-label={t('audit.colWhen')}>
        <div>
          <time dateTime={e.at}>{dateTime(e.at)}</time>
        </div>
      </td>
      <td role="cell" data-label={t('audit.colWho')}>
        <div>
          {e.user ? (
            <>
              {e.user.name ?? ''} <code class="code audit-id">{e.user.id}</code>
            </>
          ) : (
            <span class="muted">{t('audit.system')}</span>
          )}
        </div>
      </td>
      <td role="cell" data-label={t('audit.colAction')}>
        <div>
          {label && <span>{label} </span>}
          <code class="code audit-id">{e.action}</code>
        </div>
      </td>
      <td role="cell" data-label={t('audit.colTarget')}>
        {target && (
          <div>
            {targetLabel(target.type)}
            {target.name && ` · ${target.name}`}{' '}
            {target.id && (href ? <Link href={href} class="audit-id">{target.id}</Link> : <code class="code audit-id">{target.id}</code>)}
          </div>
        )}
      </td>
      <td role="cell" data-label={t('audit.colDetail')}>
        {e.detail && (
          <div>
            <code class="code audit-id">{detailText(e.detail)}</code>
          </div>
        )}
      </td>
    </tr>
  );
}
