/**
 * Set, change or remove one's duress code (ADR 0018). Stored only as a keyed digest. Like other
 * sensitive changes to an account, the password is asked again; a wrong one counts toward the
 * account's lockout (as re-authentication does) and is refused naming the field.
 */
import type { ServiceContext } from '../context.js';
import { parseInput } from '../validate.js';
import { ServiceError, tooMany, unauthorised } from '../errors.js';
import { countFailure, withKey, type KeySource } from '../auth/second-factor.js';
import { removeDuressCodeSchema, setDuressCodeSchema, type SetDuressCodeInput } from '../../domain/checkin/plan.js';
import { duressCodeDigest } from '../../crypto/duress.js';
import { verifyPassword } from '../../crypto/kdf.js';

const wrongPassword = () => new ServiceError(400, 'invalid', 'password: the password is not right', [{ path: 'password', message: 'the password is not right', code: 'wrong_password' }]);

async function checkPassword(ctx: ServiceContext, password: string): Promise<void> {
  const now = ctx.now();
  const u = await ctx.store.users.byId(ctx.user.id);
  if (!u || u.disabled) throw unauthorised();
  if (u.locked_until && u.locked_until > now) throw tooMany('too many failed attempts; try again later');
  if (await verifyPassword(u.password_hash, password)) return;
  const locked = await ctx.store.transaction((tx) => countFailure(tx, u, now, 'auth.reauth_failed'));
  throw locked ? tooMany('too many failed attempts; try again later') : wrongPassword();
}

export async function setDuressCode(ctx: ServiceContext, keys: KeySource, raw: SetDuressCodeInput): Promise<{ hasDuressCode: true }> {
  const input = parseInput(setDuressCodeSchema, raw);
  await checkPassword(ctx, input.password);
  const digest = withKey(keys, (k) => duressCodeDigest(k, ctx.user.id, input.code));
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    await tx.checkins.setDuressDigest(ctx.user.id, digest, now);
    await tx.users.update(ctx.user.id, { failed_logins: 0 });
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'checkin.duress_code_set', targetType: 'user', targetId: ctx.user.id });
  });
  return { hasDuressCode: true };
}

export async function removeDuressCode(ctx: ServiceContext, raw: { password: string }): Promise<{ hasDuressCode: false }> {
  const input = parseInput(removeDuressCodeSchema, raw);
  await checkPassword(ctx, input.password);
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    if (await tx.checkins.removeDuressDigest(ctx.user.id))
      await tx.audit.add({ at: now, userId: ctx.user.id, action: 'checkin.duress_code_removed', targetType: 'user', targetId: ctx.user.id });
    await tx.users.update(ctx.user.id, { failed_logins: 0 });
  });
  return { hasDuressCode: false };
}
