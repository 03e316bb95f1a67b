/**
 * Encrypted file bytes in a real encrypted workspace: what goes in comes back byte for byte with its
 * SHA-256; no chunk holds the plaintext; a changed, moved, missing or added chunk fails to open; a
 * file over the limit or refused by `inspect` leaves nothing; the sweep removes abandoned writes and
 * files no item uses; shredding the record's key makes its files unreadable.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { Store } from '../store.js';
import { FILE_CHUNK_SIZE, FileMissingError, FileTooLargeError, HEAD_BYTES } from './file-repository.js';
import { StreamIntegrityError } from '../../crypto/stream-aead.js';
import { FieldSealer } from '../repositories/sealed-fields.js';

let ws: TestWorkspace;
let store: Store;
const MARKER = 'QZEVIDENCEMARKER';
const RECORD = 'incident/00000000-0000-4000-8000-000000000001';

/** 2.5 MiB of random bytes with the marker every 4 KiB. */
function content(size = 2.5 * FILE_CHUNK_SIZE): Buffer {
  const b = randomBytes(size);
  for (let i = 0; i + MARKER.length < b.length; i += 4096) b.write(MARKER, i, 'latin1');
  return b;
}
async function* pieces(b: Buffer, size = 10_007): AsyncGenerator<Buffer> {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}
async function readAll(it: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of it) parts.push(p);
  return Buffer.concat(parts);
}
const count = async (table: 'files' | 'file_chunks') => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  ws = await newWorkspace();
  store = ws.vault.runtime().store;
});
afterAll(() => ws.close());

describe('file repository', () => {
  it('gives back what went in, byte for byte, with its size and SHA-256; no chunk holds the plaintext', async () => {
    const b = content();
    const f = await store.files.put(RECORD, pieces(b), { maxBytes: 10 * FILE_CHUNK_SIZE });
    expect(f.size).toBe(b.length);
    expect(f.sha256).toBe(createHash('sha256').update(b).digest('hex'));
    expect((await readAll(store.files.read(f.id))).equals(b)).toBe(true);
    expect((await store.files.head(f.id, 100)).equals(b.subarray(0, 100))).toBe(true);
    const chunks = await store.db.selectFrom('file_chunks').select(['idx', 'data']).where('file_id', '=', f.id).orderBy('idx').execute();
    expect(chunks.map((c) => c.idx)).toEqual([0, 1, 2]);
    for (const c of chunks) {
      expect(Buffer.from(c.data).includes(Buffer.from(MARKER, 'latin1'))).toBe(false);
      expect(Buffer.from(c.data).includes(b.subarray(5000, 5032))).toBe(false);
    }
    const row = await store.db.selectFrom('files').selectAll().where('id', '=', f.id).executeTakeFirstOrThrow();
    expect(row.state).toBe('writing');
    expect(row.file_key).not.toMatch(/^[A-Za-z0-9+/]{43}=$/); // the file key is sealed, not stored as it is
    await store.transaction((tx) => tx.files.markStored(f.id));
    expect((await store.files.info(f.id))?.state).toBe('stored');
    await expect(store.transaction((tx) => tx.files.markStored(f.id))).rejects.toBeInstanceOf(FileMissingError);
  });

  it('an empty file and a file of exactly one chunk round-trip too', async () => {
    for (const b of [Buffer.alloc(0), randomBytes(FILE_CHUNK_SIZE)]) {
      const f = await store.files.put(RECORD, pieces(b), { maxBytes: FILE_CHUNK_SIZE });
      expect((await readAll(store.files.read(f.id))).equals(b)).toBe(true);
    }
  });

  it('refuses a changed byte, a chunk from another file, a missing chunk and an added one', async () => {
    const b = content();
    const put = () => store.files.put(RECORD, pieces(b), { maxBytes: 10 * FILE_CHUNK_SIZE });
    const chunk = async (id: string, idx: number) => Buffer.from((await store.db.selectFrom('file_chunks').select('data').where('file_id', '=', id).where('idx', '=', idx).executeTakeFirstOrThrow()).data);

    const changed = await put();
    const c1 = await chunk(changed.id, 1);
    c1[100] = c1[100]! ^ 1;
    await store.db.updateTable('file_chunks').set({ data: c1 }).where('file_id', '=', changed.id).where('idx', '=', 1).execute();
    await expect(readAll(store.files.read(changed.id))).rejects.toBeInstanceOf(StreamIntegrityError);

    const a = await put();
    const other = await put();
    await store.db.updateTable('file_chunks').set({ data: await chunk(other.id, 0) }).where('file_id', '=', a.id).where('idx', '=', 0).execute();
    await expect(readAll(store.files.read(a.id))).rejects.toBeInstanceOf(StreamIntegrityError);

    const cut = await put();
    await store.db.deleteFrom('file_chunks').where('file_id', '=', cut.id).where('idx', '=', 2).execute();
    await expect(readAll(store.files.read(cut.id))).rejects.toBeInstanceOf(StreamIntegrityError);

    const longer = await put();
    await store.db.insertInto('file_chunks').values({ file_id: longer.id, idx: 3, data: await chunk(longer.id, 2) }).execute();
    await expect(readAll(store.files.read(longer.id))).rejects.toBeInstanceOf(StreamIntegrityError);
  });

  it('keeps nothing of a file over the limit or refused on inspection, and shows inspect the first bytes', async () => {
    const files = await count('files');
    const chunks = await count('file_chunks');
    await expect(store.files.put(RECORD, pieces(content()), { maxBytes: FILE_CHUNK_SIZE })).rejects.toBeInstanceOf(FileTooLargeError);
    let seen = 0;
    const b = content();
    await expect(store.files.put(RECORD, pieces(b), {
      maxBytes: 10 * FILE_CHUNK_SIZE,
      inspect: (head) => {
        seen = head.length;
        expect(head.equals(b.subarray(0, HEAD_BYTES))).toBe(true);
        throw new Error('not an allowed type');
      },
    })).rejects.toThrow('not an allowed type');
    expect(seen).toBe(HEAD_BYTES);
    const small = Buffer.from('a short note');
    let shortHead: Buffer | undefined;
    const f = await store.files.put(RECORD, pieces(small, 3), { maxBytes: 100, inspect: (h) => { shortHead = h; } });
    expect(shortHead?.equals(small)).toBe(true);
    await store.files.remove(f.id);
    expect(await count('files')).toBe(files);
    expect(await count('file_chunks')).toBe(chunks);
  });

  it('the sweep removes abandoned writes and stored files no item uses, and keeps the rest', async () => {
    const fresh = await store.files.put(RECORD, pieces(Buffer.from('en curso')), { maxBytes: 100 });
    const abandoned = await store.files.put(RECORD, pieces(Buffer.from('abandonado')), { maxBytes: 100 });
    await store.db.updateTable('files').set({ created_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', abandoned.id).execute();
    const orphan = await store.files.put(RECORD, pieces(Buffer.from('huérfano')), { maxBytes: 100 });
    await store.files.markStored(orphan.id);
    await store.files.sweep(new Date(Date.now() - 3_600_000).toISOString());
    expect(await store.files.info(fresh.id)).toBeDefined();
    expect(await store.files.info(abandoned.id)).toBeUndefined();
    expect(await store.files.info(orphan.id)).toBeUndefined();
    expect(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM file_chunks WHERE file_id IN (${abandoned.id}, ${orphan.id})`.execute(store.db)).rows[0]!.n)).toBe(0);
  });

  it('a file cannot be read once its record\'s key is shredded', async () => {
    const record = 'incident/00000000-0000-4000-8000-000000000002';
    const f = await store.files.put(record, pieces(Buffer.from('testimonio grabado')), { maxBytes: 100 });
    await new FieldSealer(store.db, store.keys).shred(record);
    await expect(readAll(store.files.read(f.id))).rejects.toThrow();
  });

  it('refuses to write inside a transaction (one long write lock)', async () => {
    await expect(store.transaction((tx) => tx.files.put(RECORD, pieces(Buffer.from('x')), { maxBytes: 10 }))).rejects.toThrow('outside a transaction');
  });
});
