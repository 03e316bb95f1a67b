import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { ZipFile } from 'yazl';
import { checkZip, checkStoredZipDocument, unsafeEntryName, ZIP_LIMITS } from './inspect-container.js';
import { docxLike, rawZip, stored, zipBombDocx, zipWithTraversal, type RawEntry } from '../../../test/helpers/evidence-files.js';
import { newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';

const MiB = 1024 * 1024;
const refusal = async (buf: Buffer) => {
  try {
    await checkZip(buf);
  } catch (e) {
    return e as { status: number; code: string; message: string };
  }
  throw new Error('was accepted');
};
const content = stored('[Content_Types].xml', '<Types/>');
/** An entry whose central directory declares `size` unpacked bytes from `packed` packed ones (the data itself is a few bytes). */
const declared = (name: string, size: number, packed: number): RawEntry => ({ ...stored(name, 'x'), size, declaredCompressed: packed });

describe('office document zips', () => {
  it('accepts a real document', async () => {
    await expect(checkZip(await docxLike())).resolves.toBeUndefined();
  });

  it('refuses a zip bomb by its ratio, without unpacking it', async () => {
    const before = process.memoryUsage().rss;
    expect(await refusal(zipBombDocx())).toMatchObject({ status: 400, code: 'zip_bomb', message: 'file: a part of the document unpacks to more than 200 times its size' });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MiB);
  });

  it('allows a high ratio for small parts, and up to 200:1 for large ones', async () => {
    await expect(checkZip(rawZip([content, declared('word/document.xml', MiB, 10)]))).resolves.toBeUndefined();
    await expect(checkZip(rawZip([content, declared('word/media/a.bmp', 200 * 2 * MiB, 2 * MiB)]))).resolves.toBeUndefined();
    expect(await refusal(rawZip([content, declared('word/media/a.bmp', 200 * 2 * MiB + 1, 2 * MiB)]))).toMatchObject({ code: 'zip_bomb' });
  });

  it('refuses more than 512 MB declared in all, even at modest ratios', async () => {
    const parts = [0, 1, 2].map((i) => declared(`word/media/${i}.bin`, 180 * MiB, 2 * MiB));
    expect(await refusal(rawZip([content, ...parts]))).toMatchObject({ status: 400, code: 'zip_bomb', message: 'file: the document unpacks to more than 512 MB' });
    await expect(checkZip(rawZip([content, ...parts.slice(0, 2)]))).resolves.toBeUndefined();
  });

  it('refuses more than 10,000 parts', async () => {
    const zip = new ZipFile();
    for (let i = 0; i <= ZIP_LIMITS.maxEntries; i++) zip.addBuffer(Buffer.alloc(0), `word/p${i}.xml`, { compress: false, mtime: new Date('2026-01-01T00:00:00Z') });
    zip.end();
    const parts: Buffer[] = [];
    for await (const p of zip.outputStream as AsyncIterable<Buffer>) parts.push(p);
    expect(await refusal(Buffer.concat(parts))).toMatchObject({ status: 400, code: 'zip_bomb', message: 'file: the document holds more than 10000 parts' });
  });

  it('refuses entries whose names escape the archive', async () => {
    expect(await refusal(zipWithTraversal())).toMatchObject({ status: 400, code: 'zip_path', message: 'file: a part of the document climbs out of the archive (..)' });
    expect(await refusal(rawZip([content, stored('/etc/cron.d/x', 'x')]))).toMatchObject({ code: 'zip_path', message: 'file: a part of the document is an absolute path' });
    expect(await refusal(rawZip([content, stored('word\\..\\..\\x', 'x')]))).toMatchObject({ code: 'zip_path', message: 'file: a part of the document holds a backslash' });
    expect(await refusal(rawZip([content, stored('C:x', 'x')]))).toMatchObject({ code: 'zip_path' });
  });

  it('refuses a damaged zip', async () => {
    const good = await docxLike();
    expect(await refusal(good.subarray(0, good.length - 30))).toMatchObject({ status: 400, code: 'damaged_document' });
    expect(await refusal(Buffer.from('PK\u0003\u0004 not really a zip at all, no central directory'))).toMatchObject({ code: 'damaged_document' });
  });

  it('names unsafe entry names', () => {
    expect(unsafeEntryName('word/document.xml')).toBeUndefined();
    expect(unsafeEntryName('a..b/c..')).toBeUndefined();
    expect(unsafeEntryName('a/../../b')).toBe('climbs out of the archive (..)');
    expect(unsafeEntryName('x\u0000y')).toBe('holds control characters');
  });
});

describe('stored office documents', () => {
  let ws: TestWorkspace;
  beforeAll(async () => { ws = await newWorkspace(); }, 60_000);
  afterAll(async () => { await ws?.close(); });

  const put = async (buf: Buffer) => {
    const store = ws.vault.runtime().store;
    async function* once() { yield buf; }
    return store.files.put('incident/00000000-0000-4000-8000-000000000001', once(), { maxBytes: 10 * MiB });
  };

  it('reads the stored document and checks it', async () => {
    const store = ws.vault.runtime().store;
    const ok = await put(await docxLike());
    await expect(checkStoredZipDocument(store, ok.id, ok.size)).resolves.toBeUndefined();
    const bomb = await put(zipBombDocx());
    await expect(checkStoredZipDocument(store, bomb.id, bomb.size)).rejects.toMatchObject({ code: 'zip_bomb' });
  });

  it('refuses documents over 100 MB before reading them', async () => {
    const store = ws.vault.runtime().store;
    const ok = await put(await docxLike());
    await expect(checkStoredZipDocument(store, ok.id, 100 * MiB + 1)).rejects.toMatchObject({ status: 413, code: 'document_too_large', message: expect.stringMatching(/^file: office documents larger than 100 MB/) });
  });
});
