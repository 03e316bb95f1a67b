/**
 * The second factor and sessions through the HTTP API, against a real encrypted workspace, with
 * the server's clock injected (so TOTP steps, the 5-minute re-authentication and timeouts are
 * exact): enrol → sign-in asks for the code → wrong, right, replayed, recovery code once → a role
 * that requires it forces enrolment → re-authentication before sensitive changes → the session
 * list, revoking, an admin ending sessions → a password change ending other sessions → the
 * (N+1)th attempt refused → session fixation.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DataFolder } from '../../src/store/embedded/data-folder.js';
import { Vault } from '../../src/services/vault.js';
import { backendFor, dropBackend } from '../helpers/backend.js';
import { buildServer } from '../../src/http/server.js';
import { totpCode, totpSecretFromText } from '../../src/crypto/totp.js';
import { tokenDigest } from '../../src/crypto/random.js';
import { Client, userWithRole, PASSPHRASE, ADMIN, type TestWorkspace } from '../helpers/api.js';
import { runCli } from '../helpers/server-process.js';
import { startEnrolment, confirmEnrolment } from '../../src/services/auth/enrolment.js';

const MIN = 60_000;
let clock = Date.parse('2026-12-01T09:00:00.000Z');
const now = () => new Date(clock).toISOString();
/** moves the server's clock on (TOTP steps are 30 s) */
const advance = (ms: number) => { clock += ms; };

let ws: TestWorkspace;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bitacora-2fa-'));
  const vault = new Vault(new DataFolder(dir), { now, backend: backendFor(new DataFolder(dir)) });
  const app = await buildServer({ vault, allowWebSetup: true, version: 'test', now });
  await vault.setup({ workspaceName: 'Red de prueba', organisationName: 'Casa de prueba', language: 'es', passphrase: PASSPHRASE, admin: ADMIN });
  ws = { dir, vault, app, logs: [], close: async () => { await app.close(); await vault.seal(); await vault.backend.shutdown(); await dropBackend(dir); rmSync(dir, { recursive: true, force: true }); } };
});
afterAll(async () => { await ws.close(); });

const cookieOf = (r: LightMyRequestResponse) => {
  const set = r.headers['set-cookie'];
  return (Array.isArray(set) ? set[0]! : String(set)).split(';')[0]!;
};
const tokenOf = (cookie: string) => decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));

/** Sends the second step of sign-in; on success the client takes the new cookie and CSRF token. */
async function secondStep(c: Client, body: { code: string } | { recoveryCode: string }): Promise<LightMyRequestResponse> {
  const r = await c.req('POST', '/api/v1/session/second-factor', body);
  if (r.statusCode === 200) {
    c.cookie = cookieOf(r);
    c.csrf = (r.json() as { csrf: string }).csrf;
  }
  return r;
}

const store = () => ws.vault.runtime().store;
const audit = async () => (await store().db.selectFrom('audit_events').select(['action', 'detail', 'user_id', 'target_id']).orderBy('id').execute());

/** An account's authenticator: its secret, and the code now. */
class Authenticator {
  constructor(readonly secret: string) {}
  code(offsetSteps = 0): string {
    return totpCode(totpSecretFromText(this.secret), clock + offsetSteps * 30_000);
  }
  wrong(): string {
    const c = this.code();
    return c === '000000' ? '111111' : '000000';
  }
}

/** Enrols the client's account (its session must be recent); answers its authenticator and recovery codes. */
async function enrol(c: Client): Promise<{ app: Authenticator; recovery: string[] }> {
  const start = await c.req('POST', '/api/v1/me/second-factor/enrol');
  expect(start.statusCode, start.body).toBe(200);
  const { secret, uri } = start.json() as { secret: string; uri: string };
  expect(uri).toContain(`secret=${secret}`);
  const app = new Authenticator(secret);
  const confirm = await c.req('POST', '/api/v1/me/second-factor/confirm', { code: app.code() });
  expect(confirm.statusCode, confirm.body).toBe(200);
  advance(30_000); // the code just used cannot be used again: the next sign-in uses the next step
  return { app, recovery: (confirm.json() as { recoveryCodes: string[] }).recoveryCodes };
}

describe('TOTP second factor at sign-in', () => {
  let admin: Client;
  let auth: Authenticator;
  let recovery: string[];

  it('enrols: QR URI and secret, confirmed by a first code; ten recovery codes shown once; nothing in plaintext', async () => {
    admin = new Client(ws.app);
    expect((await admin.login()).json()).toMatchObject({ stage: 'complete' });
    expect((await admin.req('GET', '/api/v1/me/second-factor')).json()).toMatchObject({ enrolled: false, required: false });
    const e = await enrol(admin);
    auth = e.app;
    recovery = e.recovery;
    adminSecret = auth.secret;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    expect((await admin.req('GET', '/api/v1/me/second-factor')).json()).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });
    expect((await admin.req('GET', '/api/v1/session')).json().user.secondFactor).toEqual({ enrolled: true, required: false });
    // the database holds the secret sealed and the codes as digests only
    const row = (await store().users.byEmail(ADMIN.email))!;
    expect(row.totp_secret).not.toBeNull();
    expect(row.totp_secret).not.toContain(auth.secret);
    expect(Buffer.from(row.totp_secret!, 'base64').includes(totpSecretFromText(auth.secret))).toBe(false);
    const digests = await store().db.selectFrom('recovery_codes').select('digest').execute();
    for (const c of recovery) expect(digests.some((d) => d.digest.includes(c.replace(/-/g, '')))).toBe(false);
    // confirming again, or starting over while enrolled, is refused
    expect((await admin.req('POST', '/api/v1/me/second-factor/enrol')).statusCode).toBe(409);
  });

  it('after the right password, asks for the code: the waiting sign-in can do nothing else', async () => {
    const c = new Client(ws.app);
    const r = await c.login();
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ stage: 'second_factor' });
    expect((await c.req('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await c.req('POST', '/api/v1/incidents/search', {})).statusCode).toBe(401);
    expect((await c.req('GET', '/api/v1/me/sessions')).statusCode).toBe(401);
    expect((await c.req('GET', '/api/v1/status')).json().signedIn).toBe(false);
    // and it lapses after 5 minutes
    advance(5 * MIN + 1000);
    expect((await secondStep(c, { code: auth.code() })).statusCode).toBe(401);
  });

  it('refuses a wrong code, accepts the right one under a new cookie, refuses the same code again', async () => {
    const c = new Client(ws.app);
    await c.login();
    const waiting = c.cookie;
    const wrong = await secondStep(c, { code: auth.wrong() });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toBe('bad_code');
    const code = auth.code();
    const ok = await secondStep(c, { code });
    expect(ok.statusCode).toBe(200);
    expect(c.cookie).not.toBe(waiting);
    expect((await c.req('GET', '/api/v1/session')).json().user.email).toBe(ADMIN.email);
    expect((await c.req('POST', '/api/v1/incidents/search', {})).statusCode).toBe(200);
    // the waiting sign-in's cookie is worth nothing now
    expect((await ws.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: waiting } })).statusCode).toBe(401);
    // the same code, replayed within its 30 s, in a new sign-in
    const replay = new Client(ws.app);
    await replay.login();
    expect((await secondStep(replay, { code })).statusCode).toBe(401);
    // a complete session cannot take the step again
    expect((await c.req('POST', '/api/v1/session/second-factor', { code: auth.code(1) })).statusCode).toBe(409);
    advance(30_000);
  });

  it('accepts a recovery code once (whatever its case and dashes)', async () => {
    const c = new Client(ws.app);
    await c.login();
    const r = await secondStep(c, { recoveryCode: recovery[0]!.toLowerCase().replace(/-/g, ' ') });
    expect(r.statusCode).toBe(200);
    expect(r.json().recoveryCodesLeft).toBe(9);
    const again = new Client(ws.app);
    await again.login();
    expect((await secondStep(again, { recoveryCode: recovery[0]! })).statusCode).toBe(401);
    expect((await secondStep(again, { recoveryCode: recovery[1]! })).statusCode).toBe(200);
  });

  it('refuses the (N+1)th second-factor attempt within the minute', async () => {
    const c = new Client(ws.app);
    await c.login();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await c.req('POST', '/api/v1/session/second-factor', { code: auth.wrong() })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // those wrong codes count toward the lockout; a right sign-in resets the count
    expect((await store().users.byEmail(ADMIN.email))!.failed_logins).toBe(5);
    const d = new Client(ws.app);
    await d.login();
    expect((await secondStep(d, { code: auth.code() })).statusCode).toBe(200);
    expect((await store().users.byEmail(ADMIN.email))!.failed_logins).toBe(0);
    advance(30_000);
  });

  it('writes audit events with ids only: never a code, a recovery code or the secret', async () => {
    const events = await audit();
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.totp_enrolment_started', 'auth.totp_enrolled', 'auth.password_accepted', 'auth.second_factor_failed', 'auth.login', 'auth.recovery_code_used']));
    const text = JSON.stringify(events);
    expect(text).not.toContain(auth.secret);
    for (const c of recovery) {
      expect(text).not.toContain(c);
      expect(text).not.toContain(c.replace(/-/g, ''));
    }
  });

  it('lets an admin who signed in with the second factor turn it off only after re-authenticating', async () => {
    advance(6 * MIN); // the sign-in no longer counts as recent
    const off = await admin.req('DELETE', '/api/v1/me/second-factor');
    expect(off.statusCode).toBe(403);
    expect(off.json().error).toBe('reauth_required');
    // kept on for the rest of the suite
  });
});

describe('re-authentication', () => {
  it('is required for sensitive changes once the sign-in is older than 5 minutes, and lasts 5 minutes', async () => {
    const c = await userWithRole(ws, await signedInAdmin(), 'coordinator', 'reauth@example.org');
    expect((await c.req('POST', '/api/v1/me/second-factor/enrol')).statusCode).toBe(200); // right after sign-in: recent
    advance(5 * MIN + 1000);
    const refused = await c.req('POST', '/api/v1/me/second-factor/enrol');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('reauth_required');
    const wrong = await c.req('POST', '/api/v1/session/reauth', { password: 'not the password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().problems[0]).toMatchObject({ path: 'password', code: 'wrong_password' });
    expect((await c.req('POST', '/api/v1/session/reauth', { password: 'definitiva-12345' })).statusCode).toBe(200);
    expect((await c.req('POST', '/api/v1/me/second-factor/enrol')).statusCode).toBe(200);
    advance(5 * MIN + 1000);
    expect((await c.req('POST', '/api/v1/me/second-factor/enrol')).json().error).toBe('reauth_required');
  });

  it('asks an enrolled user for a fresh code as well', async () => {
    const c = await signedInAdmin();
    advance(6 * MIN);
    expect((await c.req('POST', '/api/v1/me/second-factor/recovery-codes')).json().error).toBe('reauth_required');
    const noCode = await c.req('POST', '/api/v1/session/reauth', { password: ADMIN.password });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().problems[0]).toMatchObject({ path: 'code', code: 'code_required' });
    expect((await c.req('POST', '/api/v1/session/reauth', { password: ADMIN.password, code: adminAuth().wrong() })).json().problems[0]).toMatchObject({ code: 'wrong_code' });
    expect((await c.req('POST', '/api/v1/session/reauth', { password: ADMIN.password, code: adminAuth().code() })).statusCode).toBe(200);
    const codes = await c.req('POST', '/api/v1/me/second-factor/recovery-codes');
    expect(codes.statusCode).toBe(200);
    adminRecovery = (codes.json() as { recoveryCodes: string[] }).recoveryCodes;
    advance(30_000);
  });

  it('guards the export of identifying data and role requirement changes', async () => {
    const c = await signedInAdmin();
    advance(6 * MIN);
    for (const [method, url, body] of sensitiveRoutes()) {
      const r = await c.req(method, url, body);
      expect(r.statusCode, `${method} ${url}`).toBe(403);
      expect(r.json().error, `${method} ${url}`).toBe('reauth_required');
    }
    expect((await c.req('POST', '/api/v1/session/reauth', { password: ADMIN.password, code: adminAuth().code() })).statusCode).toBe(200);
    for (const [method, url, body] of sensitiveRoutes()) expect((await c.req(method, url, body)).statusCode, `${method} ${url}`).toBeLessThan(300);
    advance(30_000);
  });
});

describe('a role that requires a second factor', () => {
  it('limits its people to enrolment until they have one, also in sessions already open', async () => {
    const admin = await signedInAdmin();
    const doc = await userWithRole(ws, admin, 'documenter', 'doc-2fa@example.org');
    expect((await doc.req('POST', '/api/v1/incidents/search', {})).statusCode).toBe(200);
    const put = await admin.req('PUT', '/api/v1/security/role-policies/documenter', { requireSecondFactor: true });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().roles.find((r: { role: string }) => r.role === 'documenter')).toMatchObject({ requireSecondFactor: true, accounts: 1, enrolled: 0 });
    const blocked = await doc.req('POST', '/api/v1/incidents/search', {});
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toBe('second_factor_required');
    expect((await doc.req('GET', '/api/v1/session')).json().user.secondFactor).toEqual({ enrolled: false, required: true });
    // a new sign-in is limited the same way
    const again = new Client(ws.app);
    await again.login('doc-2fa@example.org', 'definitiva-12345');
    expect((await again.req('GET', '/api/v1/incidents/00000000-0000-4000-8000-000000000000')).json().error).toBe('second_factor_required');
    expect((await again.req('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    // enrolling opens everything; the next sign-in asks for the code
    const { app } = await enrol(doc);
    expect((await doc.req('POST', '/api/v1/incidents/search', {})).statusCode).toBe(200);
    const next = new Client(ws.app);
    expect((await next.login('doc-2fa@example.org', 'definitiva-12345')).json().stage).toBe('second_factor');
    expect((await secondStep(next, { code: app.code() })).statusCode).toBe(200);
    advance(30_000);
    // other roles are untouched, and only admins set the requirement
    expect((await doc.req('PUT', '/api/v1/security/role-policies/viewer', { requireSecondFactor: true })).statusCode).toBe(403);
    expect((await admin.req('PUT', '/api/v1/security/role-policies/nobody', { requireSecondFactor: true })).statusCode).toBe(400);
    expect((await admin.req('PUT', '/api/v1/security/role-policies/documenter', { requireSecondFactor: false })).statusCode).toBe(200);
    const changes = (await audit()).filter((e) => e.action === 'security.role_policy_changed' && e.target_id === 'documenter');
    expect(changes.map((e) => JSON.parse(e.detail!))).toEqual([{ requireSecondFactor: true }, { requireSecondFactor: false }]);
  });

  it('an admin can remove a lost second factor (re-authenticated), which ends that person\'s sessions', async () => {
    const admin = await signedInAdmin();
    const id = (await store().users.byEmail('doc-2fa@example.org'))!.id;
    const r = await admin.req('DELETE', `/api/v1/users/${id}/second-factor`);
    expect(r.statusCode, r.body).toBe(204);
    expect((await store().users.byId(id))!.totp_secret).toBeNull();
    expect((await admin.req('GET', `/api/v1/users/${id}/sessions`)).json().sessions).toEqual([]);
    expect((await new Client(ws.app).login('doc-2fa@example.org', 'definitiva-12345')).json().stage).toBe('complete');
    // not one's own: that is turned off on one's security page
    const me = (await admin.req('GET', '/api/v1/session')).json().user.id;
    expect((await admin.req('DELETE', `/api/v1/users/${me}/second-factor`)).statusCode).toBe(409);
    expect((await store().users.byId(me))!.totp_secret).not.toBeNull();
  });

  it('`bitacora user reset-2fa` removes it on the machine itself (the only admin lost phone and codes)', async () => {
    const other = mkdtempSync(join(tmpdir(), 'bitacora-2fa-cli-'));
    try {
      const v = new Vault(new DataFolder(other), { backend: backendFor(new DataFolder(other)) });
      await v.setup({ workspaceName: 'Otra', organisationName: 'Casa', language: 'es', passphrase: PASSPHRASE, admin: ADMIN });
      const rt = v.runtime();
      const id = (await rt.store.users.byEmail(ADMIN.email))!.id;
      const t = new Date().toISOString();
      const { secret } = await startEnrolment(rt.store, () => rt.deriveKey('totp'), id, t);
      await confirmEnrolment(rt.store, () => rt.deriveKey('totp'), id, 'none', totpCode(totpSecretFromText(secret), Date.parse(t)), t);
      expect((await rt.store.users.byId(id))!.totp_secret).not.toBeNull();
      await v.seal();
      const r = await runCli(['user', 'reset-2fa', '--email', ADMIN.email], { BITACORA_DATA_DIR: other, BITACORA_PASSPHRASE: PASSPHRASE });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('two-step verification removed');
      await v.unseal({ passphrase: PASSPHRASE });
      const after = (await v.runtime().store.users.byId(id))!;
      expect([after.totp_secret, after.totp_enrolled_at]).toEqual([null, null]);
      expect(await v.runtime().store.secondFactor.unusedRecoveryCodes(id)).toBe(0);
      expect((await v.runtime().store.audit.list(5)).map((e) => e.action)).toContain('user.second_factor_reset');
      await v.seal();
      await v.backend.shutdown();
    } finally {
      await dropBackend(other);
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('sessions', () => {
  it('each user lists theirs (no token, no digest), ends one, ends all others', async () => {
    const admin = await signedInAdmin();
    const owner = await userWithRole(ws, admin, 'viewer', 'sessions@example.org');
    const laptop = new Client(ws.app);
    await laptop.login('sessions@example.org', 'definitiva-12345');
    const phone = new Client(ws.app);
    await ws.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: phone.remoteAddress, headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36' }, payload: { email: 'sessions@example.org', password: 'definitiva-12345' } }).then((r) => {
      phone.cookie = cookieOf(r);
      phone.csrf = r.json().csrf;
    });
    const list = await owner.req('GET', '/api/v1/me/sessions');
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions as { handle: string; current: boolean; device: string | null; createdAt: string; lastSeenAt: string }[];
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.map((s) => s.device)).toContain('Chrome · Android');
    for (const c of [owner, laptop, phone]) {
      expect(list.body).not.toContain(tokenOf(c.cookie));
      expect(list.body).not.toContain(tokenDigest(tokenOf(c.cookie)));
    }
    // end the phone's session by its handle
    const phoneHandle = (await phone.req('GET', '/api/v1/me/sessions')).json().sessions.find((s: { current: boolean }) => s.current).handle;
    expect((await owner.req('DELETE', `/api/v1/me/sessions/${phoneHandle}`)).statusCode).toBe(204);
    expect((await phone.req('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await owner.req('DELETE', `/api/v1/me/sessions/${phoneHandle}`)).statusCode).toBe(404);
    // another user's handle is not found, whoever asks
    const adminHandle = (await admin.req('GET', '/api/v1/me/sessions')).json().sessions[0].handle;
    expect((await owner.req('DELETE', `/api/v1/me/sessions/${adminHandle}`)).statusCode).toBe(404);
    expect((await admin.req('GET', '/api/v1/session')).statusCode).toBe(200);
    // all others
    expect((await owner.req('DELETE', '/api/v1/me/sessions')).json()).toEqual({ ended: 1 });
    expect((await laptop.req('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await owner.req('GET', '/api/v1/session')).statusCode).toBe(200);
    // ending the current one signs out
    const own = (await owner.req('GET', '/api/v1/me/sessions')).json().sessions[0].handle;
    const bye = await owner.req('DELETE', `/api/v1/me/sessions/${own}`);
    expect(bye.statusCode).toBe(204);
    expect(String(bye.headers['set-cookie'])).toMatch(/__Host-bitacora=;/);
    expect((await owner.req('GET', '/api/v1/session')).statusCode).toBe(401);
  });

  it('an admin lists and ends anyone\'s sessions; others may not', async () => {
    const admin = await signedInAdmin();
    const v = await userWithRole(ws, admin, 'viewer', 'ended@example.org');
    const coord = await userWithRole(ws, admin, 'coordinator', 'coord-sessions@example.org');
    const id = (await v.req('GET', '/api/v1/session')).json().user.id;
    const list = await admin.req('GET', `/api/v1/users/${id}/sessions`);
    expect(list.json().sessions).toHaveLength(1);
    expect(list.json().sessions[0].current).toBe(false);
    expect((await coord.req('GET', `/api/v1/users/${id}/sessions`)).statusCode).toBe(403);
    expect((await coord.req('DELETE', `/api/v1/users/${id}/sessions`)).statusCode).toBe(403);
    expect((await admin.req('DELETE', `/api/v1/users/${id}/sessions`)).json()).toEqual({ ended: 1 });
    expect((await v.req('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await admin.req('GET', `/api/v1/users/00000000-0000-4000-8000-000000000000/sessions`)).statusCode).toBe(404);
    const e = (await audit()).filter((x) => x.action === 'user.sessions_ended').at(-1)!;
    expect(e.target_id).toBe(id);
    expect(JSON.parse(e.detail!)).toEqual({ ended: 1 });
  });

  it('a password change ends every other session of the account; an admin reset ends them all', async () => {
    const admin = await signedInAdmin();
    const a = await userWithRole(ws, admin, 'viewer', 'pw@example.org');
    const b = new Client(ws.app);
    await b.login('pw@example.org', 'definitiva-12345');
    expect((await a.req('POST', '/api/v1/me/password', { current: 'definitiva-12345', password: 'otra-definitiva-1' })).statusCode).toBe(204);
    expect((await b.req('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await a.req('GET', '/api/v1/session')).statusCode).toBe(200);
    const id = (await a.req('GET', '/api/v1/session')).json().user.id;
    expect((await admin.req('POST', `/api/v1/users/${id}/password`, { password: 'temporal-nueva-1' })).statusCode).toBe(204);
    expect((await a.req('GET', '/api/v1/session')).statusCode).toBe(401);
  });

  it('times out when idle for 2 hours and 12 hours after sign-in', async () => {
    const admin = await signedInAdmin();
    const v = await userWithRole(ws, admin, 'viewer', 'idle@example.org');
    advance(2 * 60 * MIN - MIN);
    expect((await v.req('GET', '/api/v1/session')).statusCode).toBe(200); // slides
    advance(2 * 60 * MIN - MIN);
    expect((await v.req('GET', '/api/v1/session')).statusCode).toBe(200);
    advance(2 * 60 * MIN + MIN);
    expect((await v.req('GET', '/api/v1/session')).statusCode).toBe(401);
    const busy = new Client(ws.app);
    await busy.login('idle@example.org', 'definitiva-12345');
    for (let h = 1; h <= 11; h++) {
      advance(60 * MIN);
      expect((await busy.req('GET', '/api/v1/session')).statusCode, `hour ${h}`).toBe(200);
    }
    advance(60 * MIN);
    expect((await busy.req('GET', '/api/v1/session')).statusCode).toBe(401);
  });
});

describe('sign-in attempts and fixation', () => {
  it('refuses the (N+1)th sign-in attempt from one address for one account within the minute', async () => {
    const addr = '127.0.200.1';
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await ws.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: addr, payload: { email: 'nobody@example.org', password: `guess-${i}` } })).statusCode);
    expect(statuses).toEqual(Array(10).fill(401));
    const eleventh = await ws.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: addr, payload: { email: 'nobody@example.org', password: 'guess-10' } });
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error).toBe('rate_limited');
  });

  it('locks an account after 10 wrong passwords, from any addresses, even for the right one', async () => {
    const admin = await signedInAdmin();
    await userWithRole(ws, admin, 'viewer', 'locked@example.org');
    for (let i = 0; i < 10; i++) expect((await new Client(ws.app).login('locked@example.org', `wrong-${i}`)).statusCode).toBe(401);
    expect((await new Client(ws.app).login('locked@example.org', 'definitiva-12345')).statusCode).toBe(429);
    advance(15 * MIN + 1000);
    expect((await new Client(ws.app).login('locked@example.org', 'definitiva-12345')).statusCode).toBe(200);
  });

  it('never accepts a cookie value planted before sign-in as the session after it', async () => {
    const planted = 'AttackerChosenToken_0123456789abcdefghijk';
    const victim = new Client(ws.app);
    const r = await ws.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: victim.remoteAddress, headers: { cookie: `__Host-bitacora=${planted}` }, payload: { email: 'locked@example.org', password: 'definitiva-12345' } });
    expect(r.statusCode).toBe(200);
    const issued = tokenOf(cookieOf(r));
    expect(issued).not.toBe(planted);
    expect((await ws.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: `__Host-bitacora=${planted}` } })).statusCode).toBe(401);
    expect((await ws.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: `__Host-bitacora=${issued}` } })).statusCode).toBe(200);
  });

  it('ends a real session planted in the victim\'s browser, and rotates the token at the second factor', async () => {
    // the attacker signs in to their own account and plants that cookie in the victim's browser
    const attacker = new Client(ws.app);
    await attacker.login('locked@example.org', 'definitiva-12345');
    const victim = new Client(ws.app);
    const r = await ws.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: victim.remoteAddress, headers: { cookie: attacker.cookie }, payload: { email: ADMIN.email, password: ADMIN.password } });
    expect(r.statusCode).toBe(200);
    victim.cookie = cookieOf(r);
    victim.csrf = r.json().csrf;
    expect(victim.cookie).not.toBe(attacker.cookie);
    expect((await attacker.req('GET', '/api/v1/session')).statusCode).toBe(401); // the planted session is gone
    // the waiting sign-in's token becomes nothing once the code is given
    const waiting = victim.cookie;
    expect((await secondStep(victim, { code: adminAuth().code() })).statusCode).toBe(200);
    expect(victim.cookie).not.toBe(waiting);
    expect((await ws.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: waiting } })).statusCode).toBe(401);
    expect((await victim.req('GET', '/api/v1/session')).json().user.email).toBe(ADMIN.email);
    advance(30_000);
  });
});

// ——— the admin (enrolled in the first block) ———

let adminSecret = '';
let adminRecovery: string[] = [];
function adminAuth(): Authenticator {
  return new Authenticator(adminSecret);
}
/** A freshly signed-in admin (password and code), so recent enough for sensitive routes. */
async function signedInAdmin(): Promise<Client> {
  const c = new Client(ws.app);
  const r = await c.login();
  if (r.json().stage === 'second_factor') {
    const s = await secondStep(c, { code: adminAuth().code() });
    expect(s.statusCode, s.body).toBe(200);
    advance(30_000);
  }
  return c;
}

/** The routes a stale session may not use without re-authenticating, with a body that succeeds after it. */
function sensitiveRoutes(): ['GET' | 'POST' | 'PUT' | 'DELETE', string, unknown][] {
  return [
    ['PUT', '/api/v1/security/role-policies/viewer', { requireSecondFactor: false }],
    ['POST', '/api/v1/me/second-factor/recovery-codes', undefined],
  ];
}
