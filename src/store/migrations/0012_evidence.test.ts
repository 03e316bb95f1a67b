/**
 * 0012 on both engines: chunks are bytes (a NUL and every byte value round-trip) keyed by file and
 * index; a file's chunks go with it; an item belongs to an incident or a person (never neither) and
 * goes with it, a capture's screenshots with the capture; a file in use cannot be removed from under
 * its item; references are unique; the signing key's algorithm is checked.
 */
import { describe, it, expect, afterAll } from 'vitest';
import type { Kysely } from 'kysely';
import { closeDatabases, postgresDatabase, sqliteDatabase } from '../../../test/helpers/databases.js';

afterAll(closeDatabases);

const NOW = '2026-01-01T00:00:00Z';
const file = (id: string) => ({ id, record: 'incident/i', state: 'stored', size: 3, sha256: 'h', file_key: 'sealed', params: '{}', chunks: 1, created_at: NOW, stored_at: NOW });
const item = (id: string, ref: string, owner: { incident_id?: string | null; actor_id?: string | null; parent_id?: string | null }, fileId = 'f1') => ({
  id, ref, incident_id: null, actor_id: null, parent_id: null, ...owner, kind: 'photo', media_type: 'image/jpeg', file_id: fileId, size: 3, sha256: 'h',
  consent: '{}', received_at: NOW, received_by: 'u', updated_at: NOW, version: 1,
});

async function seed(db: Kysely<any>): Promise<void> {
  await db.insertInto('organisations').values({ id: 'o', name: 'o', created_at: NOW }).execute();
  await db.insertInto('incidents').values({ id: 'i', org_id: 'o', title: 't', date_approx: 0, place_precision: 'unknown', status: 'reported', follow_up: 'open', confidentiality: 'organisation', created_at: NOW, created_by: 'u', updated_at: NOW, updated_by: 'u', version: 1 }).execute();
  await db.insertInto('actors').values({ id: 'a', org_id: 'o', kind: 'person', pseudonym: 'a', created_at: NOW, created_by: 'u', updated_at: NOW, updated_by: 'u', version: 1 }).execute();
  await db.insertInto('files').values([file('f1'), file('f2'), file('f3')]).execute();
}

const ids = async (db: Kysely<any>, table: string) => (await db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);

describe.each([['sqlite', () => sqliteDatabase()], ['postgres', () => postgresDatabase()]] as const)('migration 0012_evidence on %s', (_name, open) => {
  it('stores chunks as bytes, one per file and index, removed with their file', async () => {
    const db = await open();
    await seed(db);
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await db.insertInto('file_chunks').values([{ file_id: 'f1', idx: 0, data: bytes }, { file_id: 'f1', idx: 1, data: Buffer.alloc(0) }]).execute();
    await expect(db.insertInto('file_chunks').values({ file_id: 'f1', idx: 0, data: bytes }).execute()).rejects.toThrow();
    await expect(db.insertInto('file_chunks').values({ file_id: 'nope', idx: 0, data: bytes }).execute()).rejects.toThrow();
    const back = await db.selectFrom('file_chunks').select('data').where('file_id', '=', 'f1').where('idx', '=', 0).executeTakeFirstOrThrow();
    expect(Buffer.from(back.data).equals(bytes)).toBe(true);
    await expect(db.insertInto('files').values({ ...file('f9'), state: 'kept' }).execute()).rejects.toThrow();
    await db.deleteFrom('files').where('id', '=', 'f1').execute();
    expect(await db.selectFrom('file_chunks').selectAll().execute()).toEqual([]);
  });

  it('keeps items with their incident or person, screenshots with their capture, and their files in place', async () => {
    const db = await open();
    await seed(db);
    await db.insertInto('evidence_items').values([
      item('e1', 'EV-0001', { incident_id: 'i' }), item('e2', 'EV-0002', { incident_id: 'i', parent_id: 'e1' }, 'f2'), item('e3', 'EV-0003', { actor_id: 'a' }, 'f3'),
    ]).execute();
    await expect(db.insertInto('evidence_items').values(item('e4', 'EV-0004', {})).execute()).rejects.toThrow();
    await expect(db.insertInto('evidence_items').values(item('e5', 'EV-0001', { incident_id: 'i' })).execute()).rejects.toThrow();
    await expect(db.insertInto('evidence_items').values(item('e6', 'EV-0006', { incident_id: 'i' }, 'nope')).execute()).rejects.toThrow();
    await expect(db.deleteFrom('files').where('id', '=', 'f3').execute()).rejects.toThrow();
    await db.deleteFrom('evidence_items').where('id', '=', 'e1').execute();
    expect(await ids(db, 'evidence_items')).toEqual(['e3']);
    await db.deleteFrom('actors').where('id', '=', 'a').execute();
    expect(await ids(db, 'evidence_items')).toEqual([]);
    expect(await ids(db, 'files')).toEqual(['f1', 'f2', 'f3']);
  });

  it('holds signing keys of a known algorithm only', async () => {
    const db = await open();
    await db.insertInto('signing_keys').values({ id: 'k', algorithm: 'ed25519', public_key: 'p', private_key: 's', created_at: NOW }).execute();
    await expect(db.insertInto('signing_keys').values({ id: 'k2', algorithm: 'rsa', public_key: 'p', private_key: 's', created_at: NOW }).execute()).rejects.toThrow();
  });
});
