/**
 * The alert channels' secrets (ADR 0018) — the e-mail server's password and each webhook's signing
 * secret — sealed under the data key of the record 'settings/alerts', each bound to its place
 * (the password, or one webhook's id), so a sealed value copied to another webhook does not open.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import type { Store } from '../store.js';
import { FieldSealer, recordName } from './sealed-fields.js';
import type { FieldSlot } from '../../crypto/envelope.js';

const RECORD = recordName('settings', 'alerts');
export type AlertSecretSlot = { kind: 'email_password' } | { kind: 'webhook_secret'; webhookId: string };

function slot(s: AlertSecretSlot): FieldSlot {
  return s.kind === 'email_password'
    ? { record: RECORD, table: 'workspace', row: 'alerts', column: 'email.password' }
    : { record: RECORD, table: 'workspace', row: 'alerts', column: `webhooks.${s.webhookId}.secret` };
}

export class AlertSecrets {
  private readonly sealer: FieldSealer;
  constructor(db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }

  async seal(s: AlertSecretSlot, value: string): Promise<string> {
    const dk = await this.sealer.dataKey(RECORD, true);
    return this.sealer.seal(dk, slot(s), value)!;
  }

  /** The secret in clear; throws when it does not open (altered, or moved from another slot). */
  async open(s: AlertSecretSlot, sealed: string): Promise<string> {
    const dk = await this.sealer.dataKey(RECORD, false);
    return this.sealer.open(dk, slot(s), sealed)!;
  }
}

/** The secrets of the store's database (or transaction). */
export function alertSecretsOf(store: Store): AlertSecrets {
  return new AlertSecrets(store.db, store.keys);
}
