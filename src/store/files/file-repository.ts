/**
 * Encrypted file bytes in the database (migration 0012, ADR 0019). Each file is streamed in — never
 * whole in memory — through SHA-256 (of the bytes exactly as they arrive, before anything else
 * touches them) and chunked AES-256-GCM (src/crypto/stream-aead.ts) under a fresh key of its own.
 * That key is sealed under the data key of the record the file belongs to ('incident/<id>' or
 * 'actor/<id>'), bound to the files row, so removing the record's key (shredding) makes its files
 * unreadable too. The stream header binds every chunk to the file's id: a chunk moved from another
 * file, reordered, cut off or changed fails to open, and no unverified byte is ever released.
 *
 * Chunks are written one row each in short transactions while the file is `writing` (a slow upload
 * never holds the write lock); the use case marks it `stored` inside the transaction that records
 * the evidence item and its audit entry. A refused or failed write deletes what it wrote; a process
 * that dies mid-write leaves a `writing` file that `sweep` removes later, with files no item uses.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer } from '../repositories/sealed-fields.js';
import { StreamSealer, StreamOpener, StreamIntegrityError, newStreamParams, streamParamsSchema, type StreamParams } from '../../crypto/stream-aead.js';
import { newId, randomKey, wipe } from '../../crypto/random.js';

/** Plaintext bytes per sealed chunk (one row each). */
export const FILE_CHUNK_SIZE = 1024 * 1024;
/** How many first bytes `inspect` sees (content sniffing needs a few KiB; image headers and EXIF fit). */
export const HEAD_BYTES = 256 * 1024;

export interface StoredFile {
  id: string;
  /** plaintext bytes */
  size: number;
  /** SHA-256 of the plaintext, hex */
  sha256: string;
}

export class FileTooLargeError extends Error {
  readonly code = 'file_too_large';
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export class FileMissingError extends Error {
  constructor() {
    super('the file is not stored');
    this.name = 'FileMissingError';
  }
}

export interface PutOptions {
  maxBytes: number;
  /**
   * Called once with the first HEAD_BYTES (or the whole file when shorter), before more than that is
   * stored; throwing refuses the file (nothing kept) — e.g. content that is not an allowed type.
   */
  inspect?: (head: Buffer) => void | Promise<void>;
}

const header = (id: string, params: StreamParams) => Buffer.from(JSON.stringify({ v: 1, id, params }), 'utf8');
const keySlot = (record: string, id: string) => ({ record, table: 'files', row: id, column: 'file_key' });

export class FileRepository {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }

  /**
   * Streams `source` in as a new `writing` file of `record`. Refuses it beyond `maxBytes`
   * (FileTooLargeError) or when `inspect` throws; either way nothing of it stays. Call outside a
   * transaction: each chunk commits on its own.
   */
  async put(record: string, source: AsyncIterable<Uint8Array>, opts: PutOptions): Promise<StoredFile> {
    if (this.db.isTransaction) throw new Error('files are written outside a transaction');
    const id = newId();
    const params = newStreamParams(FILE_CHUNK_SIZE);
    const dk = await this.sealer.dataKey(record, true);
    const key = randomKey(32);
    const now = new Date().toISOString();
    await this.db.insertInto('files').values({
      id, record, state: 'writing', size: 0, sha256: null, params: JSON.stringify(params), chunks: 0, created_at: now, stored_at: null,
      file_key: this.sealer.seal(dk, keySlot(record, id), key.toString('base64'))!,
    }).execute();
    const hash = createHash('sha256');
    const sealer = new StreamSealer(key, params, header(id, params));
    let size = 0;
    let idx = 0;
    let head: Buffer[] | null = [];
    let headLength = 0;
    const write = async (chunks: Buffer[]) => {
      for (const data of chunks) await this.db.insertInto('file_chunks').values({ file_id: id, idx: idx++, data }).execute();
    };
    try {
      for await (const piece of source) {
        size += piece.length;
        if (size > opts.maxBytes) throw new FileTooLargeError(opts.maxBytes);
        hash.update(piece);
        if (head) {
          head.push(Buffer.from(piece));
          headLength += piece.length;
          if (headLength >= HEAD_BYTES) {
            const h = Buffer.concat(head).subarray(0, HEAD_BYTES);
            head = null;
            await opts.inspect?.(h);
          }
        }
        await write(sealer.push(piece));
      }
      if (head) {
        const h = Buffer.concat(head);
        head = null;
        await opts.inspect?.(h);
      }
      await write([sealer.end()]);
      const sha256 = hash.digest('hex');
      await this.db.updateTable('files').set({ size, sha256, chunks: idx }).where('id', '=', id).execute();
      return { id, size, sha256 };
    } catch (e) {
      await this.db.deleteFrom('files').where('id', '=', id).execute();
      throw e;
    } finally {
      wipe(key);
    }
  }

  /** Marks a written file as kept (inside the transaction that records what uses it). */
  async markStored(id: string, at = new Date().toISOString()): Promise<void> {
    const r = await this.db.updateTable('files').set({ state: 'stored', stored_at: at }).where('id', '=', id).where('state', '=', 'writing').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new FileMissingError();
  }

  async info(id: string): Promise<(StoredFile & { record: string; state: 'writing' | 'stored' }) | undefined> {
    const r = await this.db.selectFrom('files').select(['id', 'record', 'state', 'size', 'sha256']).where('id', '=', id).executeTakeFirst();
    return r && r.sha256 ? { id: r.id, record: r.record, state: r.state, size: Number(r.size), sha256: r.sha256 } : undefined;
  }

  /**
   * The plaintext, one verified chunk at a time (StreamIntegrityError if anything was changed,
   * moved, cut off or added; FileMissingError if there is no such complete file).
   */
  async *read(id: string): AsyncGenerator<Buffer> {
    const row = await this.db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.sha256 === null) throw new FileMissingError();
    const parsed = streamParamsSchema.safeParse(JSON.parse(row.params));
    if (!parsed.success) throw new StreamIntegrityError('unknown stream parameters');
    const dk = await this.sealer.dataKey(row.record, false);
    const key = Buffer.from(this.sealer.open(dk, keySlot(row.record, id), row.file_key)!, 'base64');
    try {
      const opener = new StreamOpener(key, parsed.data, header(id, parsed.data));
      const chunks = Number(row.chunks);
      for (let i = 0; i < chunks; i++) {
        const c = await this.db.selectFrom('file_chunks').select('data').where('file_id', '=', id).where('idx', '=', i).executeTakeFirst();
        if (!c) throw new StreamIntegrityError(`chunk ${i} is missing`);
        for (const out of opener.push(Buffer.from(c.data))) yield out;
      }
      const extra = await this.db
        .selectFrom('file_chunks')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('file_id', '=', id)
        .where('idx', '>=', chunks)
        .executeTakeFirstOrThrow();
      if (Number(extra.n) > 0) throw new StreamIntegrityError('chunks were added');
      const last = opener.end();
      if (last.length) yield last;
    } finally {
      wipe(key);
    }
  }

  /** The first `n` plaintext bytes (verified), or the whole file when shorter. */
  async head(id: string, n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let got = 0;
    for await (const p of this.read(id)) {
      parts.push(p);
      got += p.length;
      if (got >= n) break;
    }
    return Buffer.concat(parts).subarray(0, n);
  }

  /** The whole plaintext in memory: only for files known to be small (RangeError beyond `limit`). */
  async readAll(id: string, limit: number): Promise<Buffer> {
    const info = await this.info(id);
    if (!info) throw new FileMissingError();
    if (info.size > limit) throw new RangeError('the file is too large to read whole');
    const parts: Buffer[] = [];
    for await (const p of this.read(id)) parts.push(p);
    return Buffer.concat(parts);
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('files').where('id', '=', id).execute();
  }

  /**
   * Removes files left `writing` since before `writingBefore` (a process died mid-upload) and
   * stored files no evidence item uses any more (their item or its incident was removed).
   */
  async sweep(writingBefore: string): Promise<number> {
    const stale = await this.db.deleteFrom('files').where('state', '=', 'writing').where('created_at', '<', writingBefore).executeTakeFirst();
    const orphans = await this.db
      .deleteFrom('files')
      .where('state', '=', 'stored')
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM evidence_items e WHERE e.file_id = files.id OR e.view_file_id = files.id)`)
      .executeTakeFirst();
    return Number(stale.numDeletedRows) + Number(orphans.numDeletedRows);
  }
}
