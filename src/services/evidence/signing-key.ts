/**
 * The organisation's bundle-signing key (ADR 0019): made on first use (its making is an audit
 * entry with its fingerprint), then the same key signs every bundle. Its public half and
 * fingerprint are shown to whoever may export bundles, so they can give the fingerprint to a
 * prosecutor or a commission by another channel before sending a bundle.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import type { Store } from '../../store/store.js';
import type { SigningKeyInfo } from '../../store/repositories/signing-key-repository.js';

export async function getOrCreateSigningKey(store: Store, now: string, userId: string | null = null): Promise<SigningKeyInfo> {
  const existing = await store.signingKeys.current();
  if (existing) return existing;
  return store.transaction(async (tx) => {
    const { key, created } = await tx.signingKeys.create(now);
    if (created) await tx.audit.add({ at: now, userId, action: 'evidence.signing_key_created', targetType: 'signing_key', targetId: key.id, detail: { fingerprint: key.fingerprint } });
    return key;
  });
}

export interface SigningKeyView {
  algorithm: 'ed25519';
  publicKeyPem: string;
  fingerprint: string;
  createdAt: string;
}

/** The key bundles are signed with (made now if there is none yet). */
export async function readSigningKey(ctx: ServiceContext): Promise<SigningKeyView> {
  requirePermission(ctx, 'evidence.export');
  const key = await getOrCreateSigningKey(ctx.store, ctx.now(), ctx.user.id);
  return { algorithm: key.algorithm, publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint, createdAt: key.createdAt };
}
