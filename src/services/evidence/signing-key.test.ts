/**
 * The organisation's bundle-signing key, on both backends: made once on first use (also when
 * several requests ask at the same moment — on PostgreSQL, on separate connections), its making
 * audited with its fingerprint, its private half sealed and bound to its row, and shown only to
 * those who may export bundles.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { getOrCreateSigningKey, readSigningKey } from './signing-key.js';
import { isSealedValue } from '../../crypto/envelope.js';
import { fingerprint, publicPemOf, sign, verify } from '../../crypto/signing.js';
import { newId } from '../../crypto/random.js';

let ws: TestWorkspace;
let admin: ServiceContext;

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws);
});
afterAll(async () => { await ws.close(); });

describe('signing key', () => {
  it('is made once, even when many ask at the same moment, and its making is audited with its fingerprint', async () => {
    expect(await admin.store.signingKeys.current()).toBeUndefined();
    const keys = await Promise.all(Array.from({ length: 6 }, () => getOrCreateSigningKey(admin.store, admin.now(), admin.user.id)));
    expect(new Set(keys.map((k) => k.id)).size).toBe(1);
    const rows = await admin.store.db.selectFrom('signing_keys').selectAll().execute();
    expect(rows).toHaveLength(1);
    const audit = (await admin.store.audit.list(50)).filter((e) => e.action === 'evidence.signing_key_created');
    expect(audit).toHaveLength(1);
    const key = keys[0]!;
    expect(key.fingerprint).toBe(fingerprint(key.publicKeyPem));
    const view = await readSigningKey(admin);
    expect(view).toEqual({ algorithm: 'ed25519', publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint, createdAt: key.createdAt });
  });

  it('keeps the private half sealed, opening it only for its own row', async () => {
    const key = (await admin.store.signingKeys.current())!;
    const row = (await admin.store.db.selectFrom('signing_keys').selectAll().where('id', '=', key.id).executeTakeFirst())!;
    expect(isSealedValue(row.private_key)).toBe(true);
    const der = await admin.store.signingKeys.privateKey(key.id);
    expect(row.private_key).not.toContain(der.toString('base64').slice(20, 40));
    expect(publicPemOf(der)).toBe(key.publicKeyPem);
    expect(verify(key.publicKeyPem, Buffer.from('m'), sign(der, Buffer.from('m')))).toBe(true);
    // the sealed value copied to another row does not open there
    const copy = newId();
    await admin.store.db.insertInto('signing_keys').values({ ...row, id: copy, created_at: '2099-01-01T00:00:00.000Z', retired_at: '2099-01-02T00:00:00.000Z' }).execute();
    await expect(admin.store.signingKeys.privateKey(copy)).rejects.toThrow(/integrity/);
    await admin.store.db.deleteFrom('signing_keys').where('id', '=', copy).execute();
  });

  it('uses the oldest key not retired; a retired key is never used again', async () => {
    const first = (await admin.store.signingKeys.current())!;
    await admin.store.db.updateTable('signing_keys').set({ retired_at: admin.now() }).where('id', '=', first.id).execute();
    const next = await getOrCreateSigningKey(admin.store, admin.now(), admin.user.id);
    expect(next.id).not.toBe(first.id);
    expect(next.fingerprint).not.toBe(first.fingerprint);
    expect((await admin.store.signingKeys.current())!.id).toBe(next.id);
  });

  it('is shown only to those who may export bundles', async () => {
    for (const role of ['documenter', 'analyst', 'viewer'] as const) {
      const e = await readSigningKey({ ...admin, user: { ...admin.user, role } }).catch((x: unknown) => x);
      expect((e as ServiceError).status, role).toBe(403);
    }
    expect((await readSigningKey({ ...admin, user: { ...admin.user, role: 'coordinator' } })).algorithm).toBe('ed25519');
  });
});
