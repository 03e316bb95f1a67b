/**
 * The second step of signing in: a TOTP code (or a one-time recovery code) after the right
 * password. Wrong codes count toward the account lockout like wrong passwords; a code is used
 * once (its time step is remembered). On success the waiting sign-in becomes a session under a
 * new token, so no value the browser held before this step is ever a signed-in session.
 */
import { z } from 'zod';
import type { Store } from '../../store/store.js';
import type { UserRow } from '../../store/repositories/user-repository.js';
import { randomToken, tokenDigest, wipe } from '../../crypto/random.js';
import { openTotpSecret, verifyTotp, normaliseRecoveryCode, recoveryCodeDigest } from '../../crypto/totp.js';
import { ServiceError, conflict, tooMany } from '../errors.js';
import { sessionExpiry, MAX_FAILED_LOGINS, LOCKOUT_MS } from './sessions.js';

/** Gives the 'totp' sub-key of the master key; the service wipes it after use. */
export type KeySource = () => Buffer;

export function withKey<T>(source: KeySource, fn: (key: Buffer) => T): T {
  const key = source();
  try {
    return fn(key);
  } finally {
    wipe(key);
  }
}

export const codeSchema = z.string().trim().min(1, { message: 'is required' }).max(20);
export const recoveryCodeSchema = z.string().trim().min(1, { message: 'is required' }).max(40);
export const secondFactorSchema = z.union([z.object({ code: codeSchema }).strict(), z.object({ recoveryCode: recoveryCodeSchema }).strict()]);
export type SecondFactorInput = z.infer<typeof secondFactorSchema>;

export function isEnrolled(u: UserRow): u is UserRow & { totp_secret: string } {
  return u.totp_secret !== null && u.totp_enrolled_at !== null;
}

/** The step a TOTP code matches for this user (not a replay), or null. */
export function matchTotp(key: Buffer, u: UserRow & { totp_secret: string }, code: string, now: string): number | null {
  const secret = openTotpSecret(key, u.id, u.totp_secret);
  try {
    return verifyTotp(secret, code, Date.parse(now), u.totp_last_step);
  } finally {
    wipe(secret);
  }
}

/**
 * Checks and uses a code inside the caller's transaction: records the TOTP step (only if it is
 * later than the last one, so two requests racing with one code cannot both pass) or marks the
 * recovery code used. Answers how the user proved it, or null if the code is not right.
 */
export async function useSecondFactor(tx: Store, key: Buffer, u: UserRow & { totp_secret: string }, input: SecondFactorInput, now: string): Promise<'totp' | 'recovery_code' | null> {
  if ('code' in input) {
    const step = matchTotp(key, u, input.code, now);
    if (step === null) return null;
    return (await tx.secondFactor.advanceTotpStep(u.id, step)) ? 'totp' : null;
  }
  const normalised = normaliseRecoveryCode(input.recoveryCode);
  if (!normalised) return null;
  return (await tx.secondFactor.useRecoveryCode(u.id, recoveryCodeDigest(key, u.id, normalised), now)) ? 'recovery_code' : null;
}

/** Counts a wrong password or code toward the lockout; answers whether the account is now locked. */
export async function countFailure(tx: Store, u: UserRow, now: string, action: string): Promise<boolean> {
  const failed = u.failed_logins + 1;
  const locked = failed >= MAX_FAILED_LOGINS;
  await tx.users.update(u.id, { failed_logins: locked ? 0 : failed, locked_until: locked ? new Date(Date.parse(now) + LOCKOUT_MS).toISOString() : u.locked_until });
  await tx.audit.add({ at: now, userId: u.id, action, targetType: 'user', targetId: u.id, ...(locked ? { detail: { locked: true } } : {}) });
  return locked;
}

export const badCode = () => new ServiceError(401, 'bad_code', 'the code is not right');

export interface SecondFactorResult {
  token: string;
  csrf: string;
  /** recovery codes still unused (so the app can warn when few are left) */
  recoveryCodesLeft: number;
  method: 'totp' | 'recovery_code';
}

export async function completeSecondFactor(store: Store, keys: KeySource, sessionId: string, input: SecondFactorInput, now: string): Promise<SecondFactorResult> {
  const pending = await store.sessions.byId(sessionId);
  if (!pending || pending.stage !== 'second_factor') throw conflict('this session is not waiting for a second factor');
  const u = await store.users.byId(pending.user_id);
  if (!u || u.disabled || !isEnrolled(u)) {
    await store.sessions.delete(sessionId);
    throw new ServiceError(401, 'unauthorised', 'sign in again');
  }
  if (u.locked_until && u.locked_until > now) {
    await store.sessions.delete(sessionId);
    throw tooMany('too many failed sign-ins; try again later');
  }
  const key = keys();
  try {
    const token = randomToken();
    const csrf = randomToken();
    const outcome = await store.transaction(async (tx) => {
      const method = await useSecondFactor(tx, key, u, input, now);
      if (!method) return null;
      // a new token (and CSRF token) for the signed-in session: the waiting one's value is dropped
      await tx.sessions.delete(sessionId);
      await tx.sessions.insert({
        id: tokenDigest(token), handle: pending.handle, user_id: u.id, csrf, stage: 'complete', created_at: now, last_seen_at: now,
        expires_at: sessionExpiry(now, now), user_agent: pending.user_agent, second_factor_at: now, reauth_at: now,
      });
      await tx.users.update(u.id, { failed_logins: 0, locked_until: null, last_login_at: now });
      await tx.audit.add({ at: now, userId: u.id, action: 'auth.login', targetType: 'user', targetId: u.id, detail: { secondFactor: method } });
      if (method === 'recovery_code') await tx.audit.add({ at: now, userId: u.id, action: 'auth.recovery_code_used', targetType: 'user', targetId: u.id });
      return { method, left: await tx.secondFactor.unusedRecoveryCodes(u.id) };
    });
    if (!outcome) {
      const locked = await store.transaction(async (tx) => {
        const l = await countFailure(tx, u, now, 'auth.second_factor_failed');
        if (l) await tx.sessions.delete(sessionId);
        return l;
      });
      if (locked) throw tooMany('too many failed sign-ins; try again later');
      throw badCode();
    }
    return { token, csrf, recoveryCodesLeft: outcome.left, method: outcome.method };
  } finally {
    wipe(key);
  }
}
