/** User administration: list, create with a temporary password, change role, disable or enable, reset password. */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { t } from '../i18n/i18n';
import { getState, refresh } from '../state';
import { Alert, CheckField, ErrorSummary, PageTitle, SelectField, TextField } from '../components/ui';
import { withReauth, ReauthCancelled } from '../components/reauth';
import { dateTime } from '../lib/format';
import { errorText, problemMap, type Problems } from '../lib/problems';
import type { Role, RolePolicyView, UserView } from '../types';
import { OrganisationsSection, type Organisation } from './organisations-section';

/** The roles in the order they are offered (the Record keeps the list complete). */
const ROLE_ORDER: Record<Role, true> = { admin: true, coordinator: true, documenter: true, analyst: true, viewer: true };
const ROLES = Object.keys(ROLE_ORDER) as Role[];

export function roleLabel(role: string): string {
  switch (role) {
    case 'admin': return t('role.admin');
    case 'coordinator': return t('role.coordinator');
    case 'documenter': return t('role.documenter');
    case 'analyst': return t('role.analyst');
    case 'viewer': return t('role.viewer');
    default: return role;
  }
}

const roleOptions = () => ROLES.map((r) => ({ value: r, label: roleLabel(r) }));

export function UserAdminPage() {
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | undefined>();
  const [f, setF] = useState({ email: '', displayName: '', role: 'documenter', password: '', orgId: '' });
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const loadOrgs = () =>
    api<{ organisations: Organisation[] }>('GET', '/api/v1/organisations')
      .then((r) => setOrgs(r.organisations))
      .catch((e) => setMessage({ kind: 'error', text: errorText(e) }));
  const [problems, setProblems] = useState<Problems>(new Map());
  const load = () =>
    api<{ users: UserView[] }>('GET', '/api/v1/users')
      .then((r) => setUsers(r.users))
      .catch((e) => setMessage({ kind: 'error', text: errorText(e) }));
  useEffect(() => {
    void load();
    void loadOrgs();
  }, []);

  const create = async (e: Event) => {
    e.preventDefault();
    const local: Problems = new Map();
    if (!f.displayName.trim()) local.set('displayName', [t('problem.required')]);
    if (!f.email.trim()) local.set('email', [t('problem.required')]);
    if (f.password.length < 10) local.set('password', [t('problem.tooShort', { min: 10 })]);
    setProblems(local);
    if (local.size) return;
    try {
      await api('POST', '/api/v1/users', { email: f.email.trim(), displayName: f.displayName.trim(), role: f.role, password: f.password, ...(f.orgId ? { orgId: f.orgId } : {}) });
      setMessage({ kind: 'success', text: t('users.created', { name: f.displayName.trim() }) });
      setF({ email: '', displayName: '', role: 'documenter', password: '', orgId: '' });
      await load();
    } catch (err) {
      if (err instanceof ApiError && err.problems.length) setProblems(problemMap(err.problems, { email: t('problem.emailTaken') }));
      else setMessage({ kind: 'error', text: errorText(err) });
    }
  };

  const labels: Record<string, string> = { displayName: t('users.name'), email: t('common.email'), password: t('users.tempPassword'), role: t('users.role') };
  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      <div aria-live="polite">{message && <Alert kind={message.kind}>{message.text}</Alert>}</div>
      {!users ? (
        <p class="muted">{t('common.loading')}</p>
      ) : (
        <ul class="cards">
          {users.map((u) => (
            <UserRow key={u.id} user={u} onChanged={load} onMessage={setMessage} />
          ))}
        </ul>
      )}
      <RolePolicies onMessage={setMessage} />
      <OrganisationsSection organisations={orgs} onAdded={loadOrgs} onMessage={setMessage} />
      <section class="card-edit" aria-labelledby="new-user">
        <h2 id="new-user">{t('users.new')}</h2>
        <form onSubmit={create} noValidate>
          <ErrorSummary problems={problems} labelOf={(k) => labels[k] ?? k} />
          <div class="grid-2">
            <TextField id="f-displayName" label={labels['displayName']} value={f.displayName} onValue={(displayName) => setF({ ...f, displayName })} errors={problems.get('displayName')} required />
            <TextField id="f-email" type="email" inputMode="email" label={labels['email']} value={f.email} onValue={(email) => setF({ ...f, email })} errors={problems.get('email')} required />
            <SelectField id="f-role" label={labels['role']} value={f.role} onValue={(role) => setF({ ...f, role })} options={roleOptions()} hint={t('users.roleHint')} />
            <TextField id="f-password" type="text" label={labels['password']} hint={t('users.tempPasswordHint')} value={f.password} onValue={(password) => setF({ ...f, password })} errors={problems.get('password')} required />
            {orgs.length > 1 && (
              <SelectField id="f-orgId" label={t('orgs.ofAccount')} value={f.orgId} onValue={(orgId) => setF({ ...f, orgId })} empty={t('orgs.mine')} options={orgs.map((o) => ({ value: o.id, label: o.name }))} errors={problems.get('orgId')} />
            )}
          </div>
          <button type="submit" class="btn btn-primary">
            {t('users.create')}
          </button>
        </form>
      </section>
    </>
  );
}

function UserRow({ user, onChanged, onMessage }: { user: UserView; onChanged: () => Promise<void> | void; onMessage: (m: { kind: 'error' | 'success'; text: string }) => void }) {
  const [role, setRole] = useState<string>(user.role);
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const me = getState().session?.user.id === user.id;
  const idBase = `user-${user.id}`;

  const patch = async (body: object, done: string) => {
    try {
      await api('PATCH', `/api/v1/users/${user.id}`, body);
      onMessage({ kind: 'success', text: done });
      await onChanged();
    } catch (e) {
      onMessage({ kind: 'error', text: e instanceof ApiError && e.status === 409 ? t('users.lastAdmin') : errorText(e) });
    }
  };
  const reset = async (e: Event) => {
    e.preventDefault();
    if (password.length < 10) {
      onMessage({ kind: 'error', text: t('problem.tooShort', { min: 10 }) });
      return;
    }
    try {
      await api('POST', `/api/v1/users/${user.id}/password`, { password });
      setPassword('');
      setResetting(false);
      onMessage({ kind: 'success', text: t('users.passwordReset', { name: user.displayName }) });
      await onChanged();
    } catch (err) {
      onMessage({ kind: 'error', text: errorText(err) });
    }
  };

  const endSessions = async () => {
    try {
      const r = await api<{ ended: number }>('DELETE', `/api/v1/users/${user.id}/sessions`);
      if (me) {
        // one's own sessions include this one: back to sign-in
        await refresh();
        return;
      }
      onMessage({ kind: 'success', text: t('users.sessionsEnded', { count: r.ended, name: user.displayName }) });
    } catch (err) {
      onMessage({ kind: 'error', text: errorText(err) });
    }
  };
  const resetSecondFactor = async () => {
    try {
      await withReauth(() => api('DELETE', `/api/v1/users/${user.id}/second-factor`));
      onMessage({ kind: 'success', text: t('users.secondFactorReset', { name: user.displayName }) });
      await onChanged();
    } catch (err) {
      if (!(err instanceof ReauthCancelled)) onMessage({ kind: 'error', text: errorText(err) });
    }
  };

  return (
    <li class={`card user ${user.disabled ? 'is-disabled' : ''}`}>
      <h3 class="card-title">
        {user.displayName} {me && <span class="badge">{t('users.you')}</span>}
        {user.disabled && <span class="badge badge-retired">{t('users.disabled')}</span>}
        {user.secondFactor && <span class="badge">{t('users.secondFactorOn')}</span>}
      </h3>
      <p class="meta">
        {user.email} · {roleLabel(user.role)}
        {user.mustChangePassword ? ` · ${t('users.mustChange')}` : ''} · {user.lastLoginAt ? t('users.lastLogin', { time: dateTime(user.lastLoginAt) }) : t('users.neverLoggedIn')}
      </p>
      <div class="user-actions">
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void patch({ role }, t('users.roleChanged', { name: user.displayName }));
          }}
        >
          <SelectField id={`${idBase}-role`} label={t('users.role')} value={role} onValue={setRole} options={roleOptions()} />
          <button type="submit" class="btn btn-small" disabled={role === user.role}>
            {t('users.changeRole')}
          </button>
        </form>
        <button type="button" class="btn btn-small" onClick={() => void patch({ disabled: !user.disabled }, user.disabled ? t('users.enabledDone', { name: user.displayName }) : t('users.disabledDone', { name: user.displayName }))} disabled={me && !user.disabled}>
          {user.disabled ? t('users.enable') : t('users.disable')}
        </button>
        <button type="button" class="btn btn-small" aria-expanded={resetting} onClick={() => setResetting(!resetting)}>
          {t('users.resetPassword')}
        </button>
        <button type="button" class="btn btn-small" onClick={() => void endSessions()}>
          {t('users.endSessions')}
        </button>
        {user.secondFactor && !me && (
          <button type="button" class="btn btn-small btn-danger-quiet" onClick={() => void resetSecondFactor()}>
            {t('users.resetSecondFactor')}
          </button>
        )}
      </div>
      {resetting && (
        <form class="inline-form" onSubmit={reset}>
          <TextField id={`${idBase}-pw`} type="text" label={t('users.tempPassword')} hint={t('users.tempPasswordHint')} value={password} onValue={setPassword} />
          <button type="submit" class="btn btn-small btn-primary">
            {t('users.setPassword')}
          </button>
        </form>
      )}
    </li>
  );
}

/** Which roles must sign in with an authenticator app (saved at once; asks for the password again if needed). */
function RolePolicies({ onMessage }: { onMessage: (m: { kind: 'error' | 'success'; text: string }) => void }) {
  const [roles, setRoles] = useState<RolePolicyView[] | null>(null);
  useEffect(() => {
    api<{ roles: RolePolicyView[] }>('GET', '/api/v1/security/role-policies')
      .then((r) => setRoles(r.roles))
      .catch((e) => onMessage({ kind: 'error', text: errorText(e) }));
  }, []);
  const set = async (role: Role, requireSecondFactor: boolean) => {
    try {
      const r = await withReauth(() => api<{ roles: RolePolicyView[] }>('PUT', `/api/v1/security/role-policies/${role}`, { requireSecondFactor }));
      setRoles(r.roles);
      onMessage({ kind: 'success', text: t('users.policySaved', { role: roleLabel(role) }) });
      // one's own role now requires what one has not set up: the app moves to setting it up
      const me = getState().session?.user;
      if (requireSecondFactor && me && me.role === role && !me.secondFactor.enrolled) await refresh();
    } catch (err) {
      if (!(err instanceof ReauthCancelled)) onMessage({ kind: 'error', text: errorText(err) });
      setRoles((r) => (r ? [...r] : r)); // the box shows the saved value again
    }
  };
  return (
    <section class="card-edit" aria-labelledby="role-policies">
      <h2 id="role-policies">{t('users.policyTitle')}</h2>
      <p>{t('users.policyText')}</p>
      {!roles ? (
        <p class="muted">{t('common.loading')}</p>
      ) : (
        <ul class="policy-list">
          {roles.map((p) => (
            <li key={p.role}>
              <CheckField id={`f-policy-${p.role}`} label={roleLabel(p.role)} hint={t('users.policyCount', { enrolled: p.enrolled, accounts: p.accounts })} checked={p.requireSecondFactor} onValue={(v) => void set(p.role, v)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
