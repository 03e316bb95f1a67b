/**
 * Enrolling a TOTP second factor, turning it off, new recovery codes; and an admin's reset for a
 * person who lost both their phone and their codes. The secret is sealed before it is stored
 * (src/crypto/totp.ts); recovery codes are shown once and kept only as keyed digests. Every
 * change writes its audit event (ids only) in the same transaction.
 */
import type { Store } from '../../store/store.js';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { newTotpSecret, sealTotpSecret, openTotpSecret, totpSecretText, totpUri, verifyTotp, newRecoveryCodes, normaliseRecoveryCode, recoveryCodeDigest } from '../../crypto/totp.js';
import { wipe } from '../../crypto/random.js';
import { ServiceError, conflict, notFound } from '../errors.js';
import { isEnrolled, withKey, type KeySource } from './second-factor.js';

export const TOTP_ISSUER = 'Bitácora';

export interface SecondFactorStatus {
  enrolled: boolean;
  enrolledAt: string | null;
  /** the user's role must have a second factor */
  required: boolean;
  recoveryCodesLeft: number;
}

export async function secondFactorStatus(store: Store, userId: string): Promise<SecondFactorStatus> {
  const u = await store.users.byId(userId);
  if (!u) throw notFound('user');
  const enrolled = isEnrolled(u);
  return {
    enrolled, enrolledAt: enrolled ? u.totp_enrolled_at : null, required: await store.secondFactor.roleRequiresTotp(u.role),
    recoveryCodesLeft: enrolled ? await store.secondFactor.unusedRecoveryCodes(u.id) : 0,
  };
}

/** Draws a secret and keeps it (sealed) until a first code confirms it; answers what the app shows: the QR code's URI and the secret as text. */
export async function startEnrolment(store: Store, keys: KeySource, userId: string, now: string): Promise<{ secret: string; uri: string }> {
  const u = await store.users.byId(userId);
  if (!u) throw notFound('user');
  if (isEnrolled(u)) throw conflict('a second factor is already set up; turn it off first to set up a new one');
  const secret = newTotpSecret();
  try {
    const sealed = withKey(keys, (key) => sealTotpSecret(key, u.id, secret));
    await store.transaction(async (tx) => {
      await tx.users.update(u.id, { totp_pending: sealed, updated_at: now });
      await tx.audit.add({ at: now, userId: u.id, action: 'auth.totp_enrolment_started', targetType: 'user', targetId: u.id });
    });
    return { secret: totpSecretText(secret), uri: totpUri(secret, TOTP_ISSUER, u.email) };
  } finally {
    wipe(secret);
  }
}

/**
 * A first right code turns the second factor on. Answers ten recovery codes, shown this once.
 * Other sessions of the user end (they were signed in without it); this one stays.
 */
export async function confirmEnrolment(store: Store, keys: KeySource, userId: string, sessionId: string, code: string, now: string): Promise<{ recoveryCodes: string[] }> {
  const u = await store.users.byId(userId);
  if (!u) throw notFound('user');
  if (isEnrolled(u)) throw conflict('a second factor is already set up');
  if (!u.totp_pending) throw conflict('start setting up the second factor first');
  const pending = u.totp_pending;
  const codes = newRecoveryCodes();
  const { step, digests } = withKey(keys, (key) => {
    const secret = openTotpSecret(key, u.id, pending);
    try {
      return { step: verifyTotp(secret, code, Date.parse(now), null), digests: codes.map((c) => recoveryCodeDigest(key, u.id, normaliseRecoveryCode(c)!)) };
    } finally {
      wipe(secret);
    }
  });
  if (step === null) throw new ServiceError(400, 'invalid', 'code: the code is not right', [{ path: 'code', message: 'the code is not right', code: 'wrong_code' }]);
  await store.transaction(async (tx) => {
    await tx.users.update(u.id, { totp_secret: pending, totp_pending: null, totp_enrolled_at: now, totp_last_step: step, updated_at: now });
    await tx.secondFactor.replaceRecoveryCodes(u.id, digests, now);
    const ended = await tx.sessions.deleteForUserExcept(u.id, sessionId);
    await tx.audit.add({ at: now, userId: u.id, action: 'auth.totp_enrolled', targetType: 'user', targetId: u.id, detail: { otherSessionsEnded: ended } });
  });
  return { recoveryCodes: codes };
}

/** Turns one's own second factor off (a role that requires it will then ask to set it up again). */
export async function disableSecondFactor(store: Store, userId: string, now: string): Promise<void> {
  await store.transaction(async (tx) => {
    const u = await tx.users.byId(userId);
    if (!u) throw notFound('user');
    if (!isEnrolled(u) && !u.totp_pending) throw conflict('no second factor is set up');
    await tx.users.update(userId, { totp_secret: null, totp_pending: null, totp_enrolled_at: null, totp_last_step: null, updated_at: now });
    await tx.secondFactor.deleteRecoveryCodes(userId);
    await tx.audit.add({ at: now, userId, action: 'auth.totp_disabled', targetType: 'user', targetId: userId });
  });
}

/** Ten new recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(store: Store, keys: KeySource, userId: string, now: string): Promise<{ recoveryCodes: string[] }> {
  const u = await store.users.byId(userId);
  if (!u) throw notFound('user');
  if (!isEnrolled(u)) throw conflict('set up the second factor first');
  const codes = newRecoveryCodes();
  const digests = withKey(keys, (key) => codes.map((c) => recoveryCodeDigest(key, u.id, normaliseRecoveryCode(c)!)));
  await store.transaction(async (tx) => {
    await tx.secondFactor.replaceRecoveryCodes(u.id, digests, now);
    await tx.audit.add({ at: now, userId: u.id, action: 'auth.recovery_codes_regenerated', targetType: 'user', targetId: u.id });
  });
  return { recoveryCodes: codes };
}

/**
 * An admin removes someone's second factor (lost phone and codes) and ends their sessions. Also
 * what `bitacora user reset-2fa` does on the machine itself, for an admin locked out of their own.
 */
export async function resetSecondFactor(ctx: ServiceContext, userId: string): Promise<void> {
  requirePermission(ctx, 'users.admin');
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    const u = await tx.users.byId(userId);
    if (!u) throw notFound('user');
    await tx.users.update(userId, { totp_secret: null, totp_pending: null, totp_enrolled_at: null, totp_last_step: null, updated_at: now });
    await tx.secondFactor.deleteRecoveryCodes(userId);
    const ended = await tx.sessions.deleteForUser(userId);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'user.second_factor_reset', targetType: 'user', targetId: userId, detail: { sessionsEnded: ended } });
  });
}
