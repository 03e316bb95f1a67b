/** What every use case receives: the store, the live vocabularies, who is acting, and the clock. */
import type { Store } from '../store/store.js';
import type { VocabularyIndex } from '../domain/vocabulary/vocabulary.js';
import type { Role, Permission } from '../domain/user/roles.js';
import { can } from '../domain/user/roles.js';
import { forbidden } from './errors.js';

export interface CurrentUser {
  id: string;
  role: Role;
  orgId: string;
  displayName: string;
}

export interface ServiceContext {
  store: Store;
  vocab: VocabularyIndex;
  user: CurrentUser;
  now: () => string;
}

export function requirePermission(ctx: { user: CurrentUser }, p: Permission): void {
  if (!can(ctx.user.role, p)) throw forbidden();
}

export const systemClock = () => new Date().toISOString();
