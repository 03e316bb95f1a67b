/** Setup's database half: the workspace row, the first organisation and the first admin. */
import { z } from 'zod';
import type { Store } from '../../store/store.js';
import { hashPassword } from '../../crypto/kdf.js';
import { newId } from '../../crypto/random.js';
import { line } from '../../domain/text.js';
import { emailSchema, passwordSchema } from '../users/user-schemas.js';

export const setupSchema = z
  .object({
    workspaceName: line(120, 1),
    organisationName: line(120, 1),
    language: z.enum(['es', 'en']).default('es'),
    passphrase: z.string().min(12, { message: 'must have at least 12 characters' }).max(1024),
    admin: z.object({ email: emailSchema, displayName: line(120, 1), password: passwordSchema }).strict(),
  })
  .strict();
export type SetupInput = z.infer<typeof setupSchema>;

export async function initialiseWorkspace(store: Store, input: SetupInput, now: string): Promise<{ adminId: string; orgId: string }> {
  const passwordHash = await hashPassword(input.admin.password);
  return store.transaction(async (tx) => {
    const orgId = newId();
    const adminId = newId();
    await tx.users.insertWorkspace(newId(), input.workspaceName, input.language, now);
    await tx.users.insertOrganisation(orgId, input.organisationName, now);
    await tx.users.insert({
      id: adminId, email: input.admin.email, display_name: input.admin.displayName, role: 'admin', org_id: orgId, password_hash: passwordHash,
      must_change_password: 0, disabled: 0, lang: input.language, created_at: now, updated_at: now, last_login_at: null, failed_logins: 0, locked_until: null,
    });
    await tx.audit.add({ at: now, userId: adminId, action: 'workspace.setup', targetType: 'user', targetId: adminId });
    return { adminId, orgId };
  });
}
