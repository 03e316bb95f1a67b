/**
 * Workspace rules the repositories apply on every write, loaded when the vault is unsealed and
 * changed by an admin: the free-text fields marked identifying (sealed like names and testimonies).
 * One object is shared by the Store and every transaction it opens.
 */
import type { MarkableField } from '../domain/incident/identifying.js';

export interface StorePolicy {
  marked: Set<MarkableField>;
}

export function defaultStorePolicy(): StorePolicy {
  return { marked: new Set() };
}
