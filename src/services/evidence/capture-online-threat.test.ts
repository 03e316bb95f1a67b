/**
 * Online threats captured with the form, on both backends: the record stored as canonical JSON and
 * hashed like any file, sealed in the item too; screenshots as child items with their own copies;
 * custody entries for all; and any refusal (input, a non-image or damaged screenshot, too many)
 * leaving nothing stored.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import { jpegWithGps, minimalPdf, pngWithMetadata, truncatedPng } from '../../../test/helpers/evidence-files.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { captureOnlineThreat } from './capture-online-threat.js';
import type { IncomingFile } from './intake-file.js';
import type { OnlineCaptureInput } from '../../domain/evidence/evidence.js';

let ws: TestWorkspace;
let admin: ServiceContext;
let incidentId = '';
const LIMIT = { maxBytes: 8 * 1024 * 1024 };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const file = (name: string, bytes: Buffer): IncomingFile => ({ name, stream: (async function* () { yield bytes; })() });
const INPUT: OnlineCaptureInput = {
  platform: 'facebook', account: '@vigilantes_qz', url: 'https://facebook.com/posts/123', text: 'Sabemos dónde está el albergue. QZCAPTURETEXT', seenAt: '2026-11-19T22:10', description: 'Publicación borrada después',
};

async function counts(): Promise<number[]> {
  const db = ws.vault.runtime().store.db;
  const n = async (t: string) => Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(db)).rows[0]!.n);
  return [await n('files'), await n('file_chunks'), await n('evidence_items'), await n('audit_events')];
}

async function readAll(fileId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of ws.vault.runtime().store.files.read(fileId)) parts.push(p);
  return Buffer.concat(parts);
}

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, '2026-11-21T12:00:00.000Z');
  const [inc] = await recordIncidents(admin, [{ title: 'Amenazas en redes', date: { start: '2026-11-19' }, place: { precision: 'country', country: 'MX' } }]);
  incidentId = inc!.id;
}, 60_000);
afterAll(async () => { await ws?.close(); });

describe('capturing an online threat', () => {
  it('keeps the record as canonical JSON, hashed and sealed, with each screenshot a child item', async () => {
    const before = await counts();
    const d = await captureOnlineThreat(admin, incidentId, INPUT, [file('captura1.jpg', jpegWithGps()), file('captura2.png', pngWithMetadata())], LIMIT);
    const capture = { platform: 'facebook', account: '@vigilantes_qz', url: 'https://facebook.com/posts/123', text: INPUT.text, seenAt: '2026-11-19T22:10', capturedAt: '2026-11-21T12:00:00.000Z' };
    const json = Buffer.from(JSON.stringify(Object.fromEntries(Object.entries(capture).sort(([a], [b]) => (a < b ? -1 : 1)))), 'utf8');
    expect(d).toMatchObject({ kind: 'online_capture', mediaType: 'application/json', incidentId, parentId: null, capture, description: 'Publicación borrada después', size: json.length, sha256: sha(json), hasViewCopy: false });
    const store = ws.vault.runtime().store;
    const item = (await store.evidence.get(d.id, { open: true }))!;
    expect((await readAll(item.fileId)).equals(json)).toBe(true);
    const children = (await store.evidence.list({ incidentId })).filter((i) => i.parentId === d.id);
    expect(children.map((c) => [c.kind, c.mediaType, c.hasViewCopy])).toEqual([['screenshot', 'image/jpeg', true], ['screenshot', 'image/png', true]]);
    expect(children.map((c) => c.sha256)).toEqual([sha(jpegWithGps()), sha(pngWithMetadata())]);
    expect((await counts()).map((n, i) => n - before[i]!)).toEqual([5, 5, 3, 3]);
    const audit = await store.db.selectFrom('audit_events').select(['action', 'target_id', 'detail']).where('target_type', '=', 'evidence').where('target_id', 'in', [d.id, ...children.map((c) => c.id)]).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'evidence.capture', target_id: d.id, detail: JSON.stringify({ sha256: sha(json) }) },
      { action: 'evidence.receive', target_id: children[0]!.id, detail: JSON.stringify({ sha256: sha(jpegWithGps()) }) },
      { action: 'evidence.receive', target_id: children[1]!.id, detail: JSON.stringify({ sha256: sha(pngWithMetadata()) }) },
    ]);
    // nothing typed is readable in the database
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM evidence_items`.execute(store.db)).rows;
    expect(JSON.stringify(rows)).not.toMatch(/QZCAPTURETEXT|vigilantes|borrada/);
  });

  it('captures with no screenshots, leaving out what was not given', async () => {
    const d = await captureOnlineThreat(admin, incidentId, { platform: 'whatsapp', seenAt: '2026-11-20', text: '  ' }, [], LIMIT);
    expect(d.capture).toEqual({ platform: 'whatsapp', seenAt: '2026-11-20', capturedAt: '2026-11-21T12:00:00.000Z' });
  });

  const refused = async (input: OnlineCaptureInput, shots: IncomingFile[], ctx = admin) => {
    const before = await counts();
    const e = await captureOnlineThreat(ctx, incidentId, input, shots, LIMIT).then(() => undefined, (err: unknown) => err as { status: number; code: string; message: string; problems?: { path: string }[] });
    expect(e, 'was accepted').toBeDefined();
    expect(await counts()).toEqual(before);
    return e!;
  };

  it('refuses screenshots that are not images, or are damaged, naming which one, and keeps nothing', async () => {
    expect(await refused(INPUT, [file('a.jpg', jpegWithGps()), file('b.pdf', minimalPdf())])).toMatchObject({ status: 415, message: 'screenshot[1]: a screenshot must be an image (JPEG, PNG, WebP, GIF, HEIC or TIFF)', problems: [{ path: 'screenshot[1]' }] });
    expect(await refused(INPUT, [file('a.png', truncatedPng())])).toMatchObject({ status: 400, code: 'damaged_image', message: 'screenshot[0]: the image is damaged or cut short' });
    expect(await refused(INPUT, [file('a.jpg', jpegWithGps()), file('../b.jpg', jpegWithGps())])).toMatchObject({ status: 400, problems: [{ path: 'screenshot[1]' }] });
  });

  it('refuses more than ten screenshots', async () => {
    const shots = Array.from({ length: 11 }, (_, i) => file(`c${i}.png`, pngWithMetadata()));
    expect(await refused(INPUT, shots)).toMatchObject({ status: 400, problems: [{ path: 'screenshot', code: 'too_many' }] });
  });

  it('refuses bad input, unknown incidents and people who may not upload', async () => {
    expect(await refused({ ...INPUT, platform: 'myspace' as never }, [])).toMatchObject({ status: 400, problems: [{ path: 'platform' }] });
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd']) expect(await refused({ ...INPUT, url }, [])).toMatchObject({ status: 400, problems: [{ path: 'url', message: 'must be an http or https link' }] });
    expect(await refused({ ...INPUT, seenAt: 'ayer' }, [])).toMatchObject({ status: 400, problems: [{ path: 'seenAt' }] });
    const before = await counts();
    await expect(captureOnlineThreat(admin, '00000000-0000-4000-8000-000000000000', INPUT, [], LIMIT)).rejects.toMatchObject({ status: 404 });
    await expect(captureOnlineThreat({ ...admin, user: { ...admin.user, role: 'viewer' } }, incidentId, INPUT, [], LIMIT)).rejects.toMatchObject({ status: 403 });
    expect(await counts()).toEqual(before);
  });
});
