/**
 * The encrypted file store on real files: what goes in comes back byte for byte with its SHA-256;
 * nothing on disk holds the plaintext; a changed byte, a file put in another's place or the wrong
 * key fails to open; a file over the limit is refused with nothing left behind.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EncryptedFiles, FileTooLargeError } from './encrypted-files.js';
import { StreamIntegrityError } from '../../crypto/stream-aead.js';

let root: string;
let files: EncryptedFiles;
const KEY = randomBytes(32);
const MARKER = 'QZEVIDENCEMARKER';

/** 1 MiB and a bit of random bytes with the marker every 4 KiB, fed in uneven pieces. */
function content(): Buffer {
  const b = randomBytes(1024 * 1024 + 123);
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
function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bitacora-files-'));
  files = new EncryptedFiles(join(root, 'files'), join(root, 'tmp'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('encrypted files', () => {
  it('give back what went in, byte for byte, with its size and SHA-256, and keep no plaintext on disk', async () => {
    const b = content();
    const f = await files.put(pieces(b), KEY, { maxBytes: 10 * 1024 * 1024 });
    expect(f.size).toBe(b.length);
    expect(f.sha256).toBe(createHash('sha256').update(b).digest('hex'));
    expect((await readAll(files.get(f, KEY))).equals(b)).toBe(true);
    const onDisk = allFiles(root);
    expect(onDisk).toHaveLength(1);
    const raw = readFileSync(onDisk[0]!);
    expect(raw.length).toBeGreaterThan(b.length);
    expect(raw.includes(Buffer.from(MARKER, 'latin1'))).toBe(false);
    expect(raw.includes(b.subarray(5000, 5032))).toBe(false);
  });

  it('refuse a changed byte, a file put in another one\'s place, and the wrong key', async () => {
    const a = await files.put(pieces(content()), KEY, { maxBytes: 10 * 1024 * 1024 });
    const b = await files.put(pieces(Buffer.from('otro archivo')), KEY, { maxBytes: 1024 });
    const pathOf = (id: string) => allFiles(root).find((p) => p.endsWith(id))!;
    await expect(readAll(files.get(a, randomBytes(32)))).rejects.toThrow();
    copyFileSync(pathOf(a.id), pathOf(b.id));
    await expect(readAll(files.get(b, KEY))).rejects.toBeInstanceOf(StreamIntegrityError);
    const raw = readFileSync(pathOf(a.id));
    raw[700_000] = raw[700_000]! ^ 1;
    writeFileSync(pathOf(a.id), raw);
    await expect(readAll(files.get(a, KEY))).rejects.toBeInstanceOf(StreamIntegrityError);
  });

  it('refuse a file over the limit and keep nothing of it', async () => {
    await expect(files.put(pieces(content()), KEY, { maxBytes: 512 * 1024 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(allFiles(root)).toEqual([]);
    const empty = await files.put(pieces(Buffer.alloc(0)), KEY, { maxBytes: 0 });
    expect(empty).toMatchObject({ size: 0, sha256: createHash('sha256').digest('hex') });
    expect((await readAll(files.get(empty, KEY))).length).toBe(0);
    files.remove(empty.id);
    expect(files.exists(empty.id)).toBe(false);
  });
});
