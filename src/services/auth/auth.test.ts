/**
 * Sign-in, sessions and the second factor against the real encrypted store, with an injected
 * clock (every function takes `now`): idle and absolute timeouts, the waiting sign-in, codes used
 * once, lockout, re-authentication, sessions ending on a password change.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { DataFolder } from '../../store/embedded/data-folder.js';
import { Vault, type Runtime } from '../vault.js';
import { backendFor, dropBackend } from '../../../test/helpers/backend.js';
import { tokenDigest } from '../../crypto/random.js';
import { totpCode, totpSecretFromText, totpStep } from '../../crypto/totp.js';
import { authenticate } from './authenticate.js';
import { login } from './login.js';
import { completeSecondFactor } from './second-factor.js';
import { reauthenticate } from './reauth.js';
import { changePassword } from './change-password.js';
import { startEnrolment, confirmEnrolment, regenerateRecoveryCodes, disableSecondFactor, secondFactorStatus } from './enrolment.js';
import { listOwnSessions, endOwnSession, endOtherSessions } from './manage-sessions.js';
import { coarseUserAgent, isRecentAuth, sessionExpiry, SESSION_IDLE_MS, SESSION_ABSOLUTE_MS } from './sessions.js';

const PASSWORD = 'contraseña-larga-1';
const EMAIL = 'a@example.org';
const T0 = Date.parse('2026-12-01T08:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const MIN = 60_000;

let dir: string;
let vault: Vault;
let rt: Runtime;
let userId: string;
const keys = () => rt.deriveKey('totp');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bitacora-auth-'));
  vault = new Vault(new DataFolder(dir), { backend: backendFor(new DataFolder(dir)) });
  await vault.setup({ workspaceName: 'Red', organisationName: 'Casa', language: 'es', passphrase: 'frase de paso de prueba', admin: { email: EMAIL, displayName: 'A', password: PASSWORD } });
  rt = vault.runtime();
  userId = (await rt.store.users.byEmail(EMAIL))!.id;
});
afterAll(async () => {
  await vault.seal();
  await vault.backend.shutdown();
  await dropBackend(dir);
  rmSync(dir, { recursive: true, force: true });
});

const signIn = (now: string, presentedToken?: string) => login(rt.store, { email: EMAIL, password: PASSWORD }, 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', now, { presentedToken });
const auditActions = async () => (await rt.store.audit.list(200)).map((e) => e.action);

describe('session lifetimes', () => {
  it('slides the idle timeout (2 h) while used, and ends a session left idle longer', async () => {
    const { token } = await signIn(at(0));
    expect(await authenticate(rt.store, token, at(119 * MIN))).not.toBeNull(); // used just before 2 h: slides
    expect(await authenticate(rt.store, token, at(119 * MIN + SESSION_IDLE_MS - MIN))).not.toBeNull();
    expect(await authenticate(rt.store, token, at(119 * MIN + SESSION_IDLE_MS - MIN + SESSION_IDLE_MS + 1000))).toBeNull();
    expect(await rt.store.sessions.byId(tokenDigest(token))).toBeUndefined(); // and it is deleted
  });

  it('ends a session 12 h after sign-in however busy it is', async () => {
    const { token } = await signIn(at(0));
    for (let h = 1; h < 12; h++) expect(await authenticate(rt.store, token, at(h * 60 * MIN)), `hour ${h}`).not.toBeNull();
    expect(await authenticate(rt.store, token, at(SESSION_ABSOLUTE_MS - MIN))).not.toBeNull();
    expect(await authenticate(rt.store, token, at(SESSION_ABSOLUTE_MS))).toBeNull();
  });

  it('a status check (touch: false) does not keep a session alive', async () => {
    const { token } = await signIn(at(0));
    expect(await authenticate(rt.store, token, at(90 * MIN), { touch: false })).not.toBeNull();
    expect(await authenticate(rt.store, token, at(SESSION_IDLE_MS + MIN))).toBeNull();
  });

  it('computes expiry as the earlier of idle and absolute limits', () => {
    expect(sessionExpiry(at(0), at(0))).toBe(at(SESSION_IDLE_MS));
    expect(sessionExpiry(at(0), at(11 * 60 * MIN))).toBe(at(SESSION_ABSOLUTE_MS));
  });

  it('counts a re-authentication as recent for 5 minutes only', () => {
    expect(isRecentAuth(at(0), at(5 * MIN))).toBe(true);
    expect(isRecentAuth(at(0), at(5 * MIN + 1))).toBe(false);
    expect(isRecentAuth(null, at(0))).toBe(false);
    expect(isRecentAuth(at(MIN), at(0))).toBe(false); // from the future: not trusted
  });

  it('keeps only a coarse device name, never the User-Agent string', async () => {
    expect(coarseUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox · Linux');
    expect(coarseUserAgent('Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36')).toBe('Chrome · Android');
    expect(coarseUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1')).toBe('Safari · iOS');
    expect(coarseUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0')).toBe('Edge · Windows');
    expect(coarseUserAgent(undefined)).toBeNull();
    expect(coarseUserAgent('something else')).toBeNull();
    const { token } = await signIn(at(0));
    expect((await rt.store.sessions.byId(tokenDigest(token)))!.user_agent).toBe('Firefox · Linux');
  });

  it('drops the session a browser presented when it signs in (fixation)', async () => {
    const old = await signIn(at(0));
    const fresh = await signIn(at(MIN), old.token);
    expect(fresh.token).not.toBe(old.token);
    expect(await authenticate(rt.store, old.token, at(MIN))).toBeNull();
    expect(await authenticate(rt.store, fresh.token, at(MIN))).not.toBeNull();
  });
});

describe('second factor', () => {
  let secretText = '';
  let recovery: string[] = [];
  let current = ''; // a signed-in session token
  const code = (now: string, stepOffset = 0) => totpCode(totpSecretFromText(secretText), Date.parse(now) + stepOffset * 30_000);

  it('enrols: the secret is stored sealed until a first code confirms it, then recovery codes come once', async () => {
    const s = await signIn(at(0));
    current = s.token;
    const other = await signIn(at(0));
    const started = await startEnrolment(rt.store, keys, userId, at(MIN));
    secretText = started.secret;
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    const row = (await rt.store.users.byId(userId))!;
    expect(row.totp_pending).not.toBeNull();
    expect(row.totp_secret).toBeNull();
    // what the database holds is not the secret, in any encoding
    const secretBytes = totpSecretFromText(secretText);
    expect(Buffer.from(row.totp_pending!, 'base64').includes(secretBytes)).toBe(false);
    expect(row.totp_pending).not.toContain(secretText);
    expect((await secondFactorStatus(rt.store, userId)).enrolled).toBe(false);

    await expect(confirmEnrolment(rt.store, keys, userId, tokenDigest(current), '000000' === code(at(MIN)) ? '111111' : '000000', at(MIN))).rejects.toMatchObject({ status: 400 });
    const confirmed = await confirmEnrolment(rt.store, keys, userId, tokenDigest(current), code(at(MIN)), at(MIN));
    recovery = confirmed.recoveryCodes;
    expect(recovery).toHaveLength(10);
    const after = (await rt.store.users.byId(userId))!;
    expect(after.totp_secret).toBe(row.totp_pending);
    expect(after.totp_pending).toBeNull();
    expect(after.totp_last_step).toBe(totpStep(Date.parse(at(MIN))));
    // only digests are stored
    const stored = await sql<{ digest: string }>`SELECT digest FROM recovery_codes WHERE user_id = ${userId}`.execute(rt.store.db);
    expect(stored.rows).toHaveLength(10);
    for (const c of recovery) expect(stored.rows.some((r) => r.digest.includes(c.replace(/-/g, '')))).toBe(false);
    // the other session (signed in without the second factor) ended; this one stays
    expect(await authenticate(rt.store, other.token, at(MIN))).toBeNull();
    expect(await authenticate(rt.store, current, at(MIN))).not.toBeNull();
    expect(await secondFactorStatus(rt.store, userId)).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });
    expect(await auditActions()).toEqual(expect.arrayContaining(['auth.totp_enrolment_started', 'auth.totp_enrolled']));
  });

  it('a right password now opens only a waiting sign-in, for 5 minutes', async () => {
    const s = await signIn(at(10 * MIN));
    expect(s.stage).toBe('second_factor');
    expect(await authenticate(rt.store, s.token, at(10 * MIN))).toBeNull();
    expect((await authenticate(rt.store, s.token, at(10 * MIN), { allowPending: true }))!.stage).toBe('second_factor');
    expect(await authenticate(rt.store, s.token, at(15 * MIN + 1000), { allowPending: true })).toBeNull();
  });

  it('a right code completes it under a new token; the code cannot be used again', async () => {
    const now = at(20 * MIN);
    const s = await signIn(now);
    const done = await completeSecondFactor(rt.store, keys, tokenDigest(s.token), { code: code(now) }, now);
    expect(done.token).not.toBe(s.token);
    expect(done.csrf).not.toBe(s.csrf);
    expect(await authenticate(rt.store, s.token, now, { allowPending: true })).toBeNull();
    const a = await authenticate(rt.store, done.token, now);
    expect(a).toMatchObject({ stage: 'complete', reauthAt: now });
    // the same code again (a replay), in another waiting sign-in
    const again = await signIn(now);
    await expect(completeSecondFactor(rt.store, keys, tokenDigest(again.token), { code: code(now) }, now)).rejects.toMatchObject({ status: 401, code: 'bad_code' });
    // the next step's code works
    const later = at(20 * MIN + 30_000);
    expect((await completeSecondFactor(rt.store, keys, tokenDigest(again.token), { code: code(later) }, later)).method).toBe('totp');
  });

  it('a recovery code works once', async () => {
    const now = at(30 * MIN);
    const s = await signIn(now);
    const r = await completeSecondFactor(rt.store, keys, tokenDigest(s.token), { recoveryCode: recovery[0]!.toLowerCase() }, now);
    expect(r).toMatchObject({ method: 'recovery_code', recoveryCodesLeft: 9 });
    const s2 = await signIn(now);
    await expect(completeSecondFactor(rt.store, keys, tokenDigest(s2.token), { recoveryCode: recovery[0]! }, now)).rejects.toMatchObject({ code: 'bad_code' });
    expect(await auditActions()).toContain('auth.recovery_code_used');
  });

  it('re-authentication needs the password and a fresh code, and stamps the session', async () => {
    const now = at(40 * MIN);
    const sid = tokenDigest(current);
    await expect(reauthenticate(rt.store, keys, { sessionId: sid, userId }, { password: 'not it' }, now)).rejects.toMatchObject({ status: 400, problems: [{ path: 'password', code: 'wrong_password' }] });
    await expect(reauthenticate(rt.store, keys, { sessionId: sid, userId }, { password: PASSWORD }, now)).rejects.toMatchObject({ problems: [{ path: 'code', code: 'code_required' }] });
    expect(await reauthenticate(rt.store, keys, { sessionId: sid, userId }, { password: PASSWORD, code: code(now) }, now)).toEqual({ reauthAt: now });
    expect((await rt.store.sessions.byId(sid))!.reauth_at).toBe(now);
    await expect(reauthenticate(rt.store, keys, { sessionId: sid, userId }, { password: PASSWORD, code: code(now) }, now)).rejects.toMatchObject({ problems: [{ path: 'code', code: 'wrong_code' }] });
  });

  it('new recovery codes replace the old ones', async () => {
    const { recoveryCodes } = await regenerateRecoveryCodes(rt.store, keys, userId, at(50 * MIN));
    const now = at(50 * MIN);
    const s = await signIn(now);
    await expect(completeSecondFactor(rt.store, keys, tokenDigest(s.token), { recoveryCode: recovery[1]! }, now)).rejects.toMatchObject({ code: 'bad_code' });
    expect((await completeSecondFactor(rt.store, keys, tokenDigest(s.token), { recoveryCode: recoveryCodes[0]! }, now)).recoveryCodesLeft).toBe(9);
    recovery = recoveryCodes.slice(1);
  });

  it('wrong codes count toward the lockout: the tenth locks the account and ends the waiting sign-in', async () => {
    const now = at(60 * MIN);
    await rt.store.users.update(userId, { failed_logins: 0, locked_until: null });
    const s = await signIn(now);
    const good = code(now);
    const bad = good === '123456' ? '654321' : '123456';
    for (let i = 1; i < 10; i++) await expect(completeSecondFactor(rt.store, keys, tokenDigest(s.token), { code: bad }, now), `try ${i}`).rejects.toMatchObject({ status: 401 });
    await expect(completeSecondFactor(rt.store, keys, tokenDigest(s.token), { code: bad }, now)).rejects.toMatchObject({ status: 429 });
    expect(await rt.store.sessions.byId(tokenDigest(s.token))).toBeUndefined();
    await expect(signIn(now)).rejects.toMatchObject({ status: 429 });
    expect((await rt.store.users.byId(userId))!.locked_until).toBe(at(75 * MIN));
    await rt.store.users.update(userId, { failed_logins: 0, locked_until: null });
  });

  it('turning it off signs in with the password alone again', async () => {
    await disableSecondFactor(rt.store, userId, at(70 * MIN));
    const row = (await rt.store.users.byId(userId))!;
    expect([row.totp_secret, row.totp_pending, row.totp_enrolled_at, row.totp_last_step]).toEqual([null, null, null, null]);
    expect((await signIn(at(70 * MIN))).stage).toBe('complete');
    expect(await auditActions()).toContain('auth.totp_disabled');
  });
});

describe('sessions a person sees', () => {
  it('lists own sessions by handle, ends one, ends all others; a password change ends the others too', async () => {
    const now = at(80 * MIN);
    await rt.store.sessions.deleteForUser(userId);
    const a = await signIn(now);
    const b = await signIn(now);
    const c = await signIn(now);
    const list = await listOwnSessions(rt.store, userId, tokenDigest(a.token), now);
    expect(list).toHaveLength(3);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    for (const s of list) {
      expect(s.handle).not.toBe(tokenDigest(a.token));
      expect(JSON.stringify(s)).not.toContain(tokenDigest(b.token));
      expect(s.device).toBe('Firefox · Linux');
    }
    const bHandle = (await rt.store.sessions.byId(tokenDigest(b.token)))!.handle;
    expect(await endOwnSession(rt.store, userId, tokenDigest(a.token), bHandle, now)).toEqual({ current: false });
    expect(await authenticate(rt.store, b.token, now)).toBeNull();
    await expect(endOwnSession(rt.store, userId, tokenDigest(a.token), bHandle, now)).rejects.toMatchObject({ status: 404 });
    expect(await endOtherSessions(rt.store, userId, tokenDigest(a.token), now)).toEqual({ ended: 1 });
    expect(await authenticate(rt.store, c.token, now)).toBeNull();
    expect(await authenticate(rt.store, a.token, now)).not.toBeNull();

    const d = await signIn(now);
    const e = await signIn(now);
    expect(await changePassword(rt.store, userId, tokenDigest(d.token), PASSWORD, 'otra-contraseña-2', now)).toEqual({ otherSessionsEnded: 2 });
    expect(await authenticate(rt.store, a.token, now)).toBeNull();
    expect(await authenticate(rt.store, e.token, now)).toBeNull();
    expect(await authenticate(rt.store, d.token, now)).not.toBeNull();
    expect(await auditActions()).toEqual(expect.arrayContaining(['auth.session_ended', 'auth.other_sessions_ended', 'user.password_changed']));
    await changePassword(rt.store, userId, tokenDigest(d.token), 'otra-contraseña-2', PASSWORD, now);
  });
});
