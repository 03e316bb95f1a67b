/**
 * Encrypted file storage for evidence (issue 7, first part): each file is written once, streamed —
 * never whole in memory — through SHA-256 (of the bytes as they arrive, before anything else
 * touches them) and chunked AES-256-GCM (src/crypto/stream-aead.ts) under a key of its own, wrapped
 * by the caller's key and bound to the file's id; the header binds every chunk to the id too, so a
 * file copied over another's name fails to open. Bytes land first in the data folder's tmp/ as
 * ciphertext only, and are renamed into place when complete; a refused or failed write leaves
 * nothing behind. Reading releases a chunk only after its tag verifies.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, existsSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { decryptStream, encryptStream, newStreamKey, newStreamParams, unwrapStreamKey, type StreamParams } from '../../crypto/stream-aead.js';
import { newId, wipe } from '../../crypto/random.js';

export interface StoredFile {
  id: string;
  /** plaintext bytes */
  size: number;
  /** SHA-256 of the plaintext, hex */
  sha256: string;
  /** the file's own key, wrapped by the caller's key and bound to the id */
  wrappedKey: string;
  params: StreamParams;
}

export class FileTooLargeError extends Error {
  readonly code = 'file_too_large';
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const binding = (id: string) => `bitacora/file/v1/${id}`;
const header = (id: string, params: StreamParams) => Buffer.from(JSON.stringify({ v: 1, id, params }), 'utf8');

export class EncryptedFiles {
  /** `dir`: where finished files live; `tmpDir`: where they are written until complete (same file system). */
  constructor(private readonly dir: string, private readonly tmpDir: string) {}

  private pathOf(id: string): string {
    if (!ID.test(id)) throw new Error('not a file id');
    return join(this.dir, id.slice(0, 2), id);
  }

  /** Streams `source` in; refuses it (FileTooLargeError, nothing kept) beyond `maxBytes`. */
  async put(source: AsyncIterable<Uint8Array>, wrappingKey: Uint8Array, opts: { maxBytes: number }): Promise<StoredFile> {
    const id = newId();
    const params = newStreamParams();
    const { key, wrapped } = newStreamKey(wrappingKey, binding(id));
    mkdirSync(this.tmpDir, { recursive: true, mode: 0o700 });
    const tmp = join(this.tmpDir, `${id}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const counted = async function* (): AsyncGenerator<Uint8Array> {
      for await (const chunk of source) {
        size += chunk.length;
        if (size > opts.maxBytes) throw new FileTooLargeError(opts.maxBytes);
        hash.update(chunk);
        yield chunk;
      }
    };
    const out = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
    try {
      for await (const sealed of encryptStream(key, params, header(id, params), counted())) {
        if (!out.write(sealed)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'close');
      const target = this.pathOf(id);
      mkdirSync(join(this.dir, id.slice(0, 2)), { recursive: true, mode: 0o700 });
      renameSync(tmp, target);
    } catch (e) {
      out.destroy();
      rmSync(tmp, { force: true });
      throw e;
    } finally {
      wipe(key);
    }
    return { id, size, sha256: hash.digest('hex'), wrappedKey: wrapped, params };
  }

  /** The plaintext, chunk by chunk, each verified before it is released (StreamIntegrityError otherwise). */
  async *get(file: Pick<StoredFile, 'id' | 'wrappedKey' | 'params'>, wrappingKey: Uint8Array): AsyncGenerator<Buffer> {
    const key = unwrapStreamKey(wrappingKey, file.wrappedKey, binding(file.id));
    try {
      yield* decryptStream(key, file.params, header(file.id, file.params), createReadStream(this.pathOf(file.id)));
    } finally {
      wipe(key);
    }
  }

  exists(id: string): boolean {
    return existsSync(this.pathOf(id));
  }

  remove(id: string): void {
    rmSync(this.pathOf(id), { force: true });
  }
}
