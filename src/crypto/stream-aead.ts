/**
 * Chunked AES-256-GCM for data too large to seal in one piece (backups): the STREAM construction
 * (Hoang, Reyhanitabar, Rogaway, Vizár 2015, as age and Tink use it).
 *
 * The plaintext is cut into chunks of `chunkSize` bytes (the last one shorter, possibly empty);
 * each is sealed on its own with
 *   nonce = noncePrefix (8 random bytes per stream) ‖ chunk index (uint32, big-endian)
 *   AAD   = "bitacora/stream/v1" ‖ SHA-256(header) ‖ chunk index (uint64 BE) ‖ final flag (1 byte)
 * and written as ciphertext ‖ tag (16). Every chunk but the last is exactly chunkSize + 16 bytes.
 * The header (whatever the caller puts before the chunks, stream parameters included) is bound to
 * every chunk, the index makes reordering fail, and the final flag makes truncation at a chunk
 * boundary and anything appended after the last chunk fail.
 *
 * Decryption releases a chunk only after its tag verifies, so no unauthenticated byte ever comes
 * out; but a stream is whole only when the generator finishes without error. Callers write the
 * output to a temporary place and use it only then.
 *
 * Each stream gets its own random content key (`newStreamKey`), wrapped under a long-lived key,
 * so nonces never repeat under one key however many streams there are.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { encryptWithNonce, decryptWithNonce, seal, open, KEY_BYTES, DecryptionError } from './aead.js';
import { randomKey } from './random.js';

export const STREAM_ALG = 'aes-256-gcm-stream-v1';
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
export const MIN_CHUNK_SIZE = 16;
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
const PREFIX_BYTES = 8;
const TAG_BYTES = 16;
const MAX_CHUNKS = 0xffffffff;
const AAD_LABEL = Buffer.from('bitacora/stream/v1', 'utf8');

export const streamParamsSchema = z.object({
  alg: z.literal(STREAM_ALG),
  chunkSize: z.number().int().min(MIN_CHUNK_SIZE).max(MAX_CHUNK_SIZE),
  /** base64 of 8 random bytes */
  noncePrefix: z.string().regex(/^[A-Za-z0-9+/]{11}=$/),
});
export type StreamParams = z.infer<typeof streamParamsSchema>;

/** Raised for any failed check while opening a stream; never yields the failing chunk's bytes. */
export class StreamIntegrityError extends Error {
  constructor(readonly reason: string) {
    super(`integrity check failed: ${reason} (wrong key, or the data was altered, truncated or reordered)`);
    this.name = 'StreamIntegrityError';
  }
}

export function newStreamParams(chunkSize = DEFAULT_CHUNK_SIZE): StreamParams {
  return streamParamsSchema.parse({ alg: STREAM_ALG, chunkSize, noncePrefix: randomKey(PREFIX_BYTES).toString('base64') });
}

function checkKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`the stream key must be ${KEY_BYTES} bytes`);
}

function prefixOf(params: StreamParams): Buffer {
  const p = Buffer.from(streamParamsSchema.parse(params).noncePrefix, 'base64');
  if (p.length !== PREFIX_BYTES) throw new RangeError('the nonce prefix must be 8 bytes');
  return p;
}

export function chunkNonce(prefix: Uint8Array, index: number): Buffer {
  const n = Buffer.alloc(PREFIX_BYTES + 4);
  Buffer.from(prefix).copy(n, 0);
  n.writeUInt32BE(index, PREFIX_BYTES);
  return n;
}

export function chunkAad(headerDigest: Uint8Array, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(BigInt(index), 0);
  tail[8] = final ? 1 : 0;
  return Buffer.concat([AAD_LABEL, headerDigest, tail]);
}

function digest(header: Uint8Array): Buffer {
  return createHash('sha256').update(header).digest();
}

/** Incremental sealer: push plaintext, get whole ciphertext chunks; `end()` returns the final chunk. */
export class StreamSealer {
  private readonly prefix: Buffer;
  private readonly headerDigest: Buffer;
  private readonly chunkSize: number;
  private pending: Buffer = Buffer.alloc(0);
  private index = 0;
  private ended = false;
  /** plaintext bytes taken in */
  bytesIn = 0;

  constructor(private readonly key: Uint8Array, params: StreamParams, header: Uint8Array) {
    checkKey(key);
    this.prefix = prefixOf(params);
    this.chunkSize = params.chunkSize;
    this.headerDigest = digest(header);
  }

  private sealChunk(plain: Uint8Array, final: boolean): Buffer {
    if (this.index > MAX_CHUNKS) throw new RangeError('stream too long');
    const { ciphertext, tag } = encryptWithNonce(this.key, chunkNonce(this.prefix, this.index), plain, chunkAad(this.headerDigest, this.index, final));
    this.index++;
    return Buffer.concat([ciphertext, tag]);
  }

  push(data: Uint8Array): Buffer[] {
    if (this.ended) throw new Error('stream already ended');
    this.bytesIn += data.length;
    this.pending = this.pending.length ? Buffer.concat([this.pending, data]) : Buffer.from(data);
    const out: Buffer[] = [];
    // A chunk goes out only when at least one byte follows it, so the last one can carry the final flag.
    let at = 0;
    while (this.pending.length - at > this.chunkSize) {
      out.push(this.sealChunk(this.pending.subarray(at, at + this.chunkSize), false));
      at += this.chunkSize;
    }
    this.pending = Buffer.from(this.pending.subarray(at));
    return out;
  }

  end(): Buffer {
    if (this.ended) throw new Error('stream already ended');
    this.ended = true;
    const last = this.sealChunk(this.pending, true);
    this.pending = Buffer.alloc(0);
    return last;
  }

  get chunks(): number {
    return this.index;
  }
}

/** Incremental opener: push ciphertext, get verified plaintext chunks; `end()` checks the final chunk. */
export class StreamOpener {
  private readonly prefix: Buffer;
  private readonly headerDigest: Buffer;
  private readonly sealedChunk: number;
  private pending: Buffer = Buffer.alloc(0);
  private index = 0;
  private ended = false;
  private failed = false;

  constructor(private readonly key: Uint8Array, params: StreamParams, header: Uint8Array) {
    checkKey(key);
    const parsed = streamParamsSchema.safeParse(params);
    if (!parsed.success) throw new StreamIntegrityError('unknown stream parameters');
    this.prefix = prefixOf(parsed.data);
    this.sealedChunk = parsed.data.chunkSize + TAG_BYTES;
    this.headerDigest = digest(header);
  }

  private openChunk(sealed: Buffer, final: boolean): Buffer {
    if (this.index > MAX_CHUNKS) throw this.fail('too many chunks');
    try {
      const plain = decryptWithNonce(
        this.key, chunkNonce(this.prefix, this.index),
        sealed.subarray(0, sealed.length - TAG_BYTES), sealed.subarray(sealed.length - TAG_BYTES),
        chunkAad(this.headerDigest, this.index, final),
      );
      this.index++;
      return plain;
    } catch (e) {
      if (e instanceof DecryptionError) throw this.fail(`chunk ${this.index} does not verify`);
      throw e;
    }
  }

  private fail(reason: string): StreamIntegrityError {
    this.failed = true;
    this.pending = Buffer.alloc(0);
    return new StreamIntegrityError(reason);
  }

  push(data: Uint8Array): Buffer[] {
    if (this.ended || this.failed) throw new Error('stream already ended');
    this.pending = this.pending.length ? Buffer.concat([this.pending, data]) : Buffer.from(data);
    const out: Buffer[] = [];
    let at = 0;
    // Only a chunk followed by more bytes is a non-final one.
    while (this.pending.length - at > this.sealedChunk) {
      out.push(this.openChunk(this.pending.subarray(at, at + this.sealedChunk), false));
      at += this.sealedChunk;
    }
    this.pending = Buffer.from(this.pending.subarray(at));
    return out;
  }

  end(): Buffer {
    if (this.ended || this.failed) throw new Error('stream already ended');
    this.ended = true;
    if (this.pending.length < TAG_BYTES) throw this.fail(this.index === 0 && this.pending.length === 0 ? 'no data' : 'truncated');
    const last = this.openChunk(this.pending, true);
    this.pending = Buffer.alloc(0);
    return last;
  }

  get chunks(): number {
    return this.index;
  }
}

/** Seals an async byte source chunk by chunk. */
export async function* encryptStream(key: Uint8Array, params: StreamParams, header: Uint8Array, source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const s = new StreamSealer(key, params, header);
  for await (const data of source) yield* s.push(data);
  yield s.end();
}

/**
 * Opens an async byte source chunk by chunk. Each yielded piece has been authenticated; the stream
 * as a whole (nothing cut off or appended) only once the generator returns without throwing.
 */
export async function* decryptStream(key: Uint8Array, params: StreamParams, header: Uint8Array, source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const o = new StreamOpener(key, params, header);
  for await (const data of source) yield* o.push(data);
  yield o.end();
}

/** Whole-buffer helpers (tests, small data). */
export function encryptBuffer(key: Uint8Array, params: StreamParams, header: Uint8Array, plaintext: Uint8Array): Buffer {
  const s = new StreamSealer(key, params, header);
  return Buffer.concat([...s.push(plaintext), s.end()]);
}

export function decryptBuffer(key: Uint8Array, params: StreamParams, header: Uint8Array, ciphertext: Uint8Array): Buffer {
  const o = new StreamOpener(key, params, header);
  return Buffer.concat([...o.push(ciphertext), o.end()]);
}

/**
 * A fresh random content key for one stream, and that key wrapped (AES-256-GCM) under a
 * long-lived key, bound to `binding` (e.g. the backup's id), to store in the stream's header.
 */
export function newStreamKey(wrappingKey: Uint8Array, binding: string): { key: Buffer; wrapped: string } {
  const key = randomKey(KEY_BYTES);
  return { key, wrapped: seal(wrappingKey, key, Buffer.from(`bitacora/stream-key/v1/${binding}`, 'utf8')).toString('base64') };
}

/** Unwraps a stream's content key; throws DecryptionError for a wrong key, binding or altered value. */
export function unwrapStreamKey(wrappingKey: Uint8Array, wrapped: string, binding: string): Buffer {
  const key = open(wrappingKey, Buffer.from(wrapped, 'base64'), Buffer.from(`bitacora/stream-key/v1/${binding}`, 'utf8'));
  if (key.length !== KEY_BYTES) throw new DecryptionError();
  return key;
}
