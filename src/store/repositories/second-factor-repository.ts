/** Recovery-code digests (each usable once) and which roles must use a second factor. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';

export class SecondFactorRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Records the TOTP step a code matched, only if it is later than the last one recorded; answers
   * false otherwise, so of two requests racing with one code only one passes.
   */
  async advanceTotpStep(userId: string, step: number): Promise<boolean> {
    const r = await this.db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Replaces a user's recovery codes with new digests. */
  async replaceRecoveryCodes(userId: string, digests: string[], at: string): Promise<void> {
    await this.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    if (digests.length) await this.db.insertInto('recovery_codes').values(digests.map((digest) => ({ user_id: userId, digest, created_at: at, used_at: null }))).execute();
  }
  async deleteRecoveryCodes(userId: string): Promise<void> {
    await this.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  }
  /** Marks an unused code as used; answers false if there is no such unused code (so each works once, even under races). */
  async useRecoveryCode(userId: string, digest: string, at: string): Promise<boolean> {
    const r = await this.db.updateTable('recovery_codes').set({ used_at: at }).where('user_id', '=', userId).where('digest', '=', digest).where('used_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
  async unusedRecoveryCodes(userId: string): Promise<number> {
    const r = await this.db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Whether a role must use a second factor (false for a role with no policy row). */
  async roleRequiresTotp(role: string): Promise<boolean> {
    const r = await this.db.selectFrom('role_policies').select('require_totp').where('role', '=', role).executeTakeFirst();
    return r?.require_totp === 1;
  }
  async rolePolicies(): Promise<{ role: string; require_totp: number; updated_at: string; updated_by: string | null }[]> {
    return this.db.selectFrom('role_policies').selectAll().execute();
  }
  async setRoleRequiresTotp(role: string, require: boolean, at: string, by: string): Promise<void> {
    await this.db
      .insertInto('role_policies')
      .values({ role, require_totp: require ? 1 : 0, updated_at: at, updated_by: by })
      .onConflict((oc) => oc.column('role').doUpdateSet({ require_totp: require ? 1 : 0, updated_at: at, updated_by: by }))
      .execute();
  }
}
