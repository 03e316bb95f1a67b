/** Who can be named as a contact of a check-in plan: the active accounts other than oneself (display names only). */
import type { ServiceContext } from '../context.js';

export async function possibleContacts(ctx: ServiceContext): Promise<{ items: { id: string; displayName: string }[] }> {
  const users = await ctx.store.users.list();
  return { items: users.filter((u) => !u.disabled && u.id !== ctx.user.id).map((u) => ({ id: u.id, displayName: u.display_name })) };
}
