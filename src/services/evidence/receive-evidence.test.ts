/**
 * Receiving evidence through the use case, on both backends: a photo with GPS kept byte for byte
 * (its SHA-256 the original's), its metadata sealed with it and a viewing copy without any; the kind
 * chosen only between photo and screenshot; PDFs, office documents and text kept without copies;
 * every refusal (name, type, contradiction, damage, zip bomb, size, source, who, where) leaving
 * nothing stored and the incoming stream stopped; the custody entry with the hash.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import { fullIncident } from '../../../test/helpers/fixtures.js';
import {
  ALL_METADATA_MARKERS, JPEG_EXIF, MARKERS, containsMarker, docxLike, htmlFile, jpegWithGps, minimalPdf, pngWithMetadata, truncatedJpeg, truncatedPng, zipBombDocx, zipWithTraversal,
} from '../../../test/helpers/evidence-files.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { createActor } from '../actors/manage-actors.js';
import { receiveEvidence } from './receive-evidence.js';
import type { IncomingFile } from './intake-file.js';

let ws: TestWorkspace;
let admin: ServiceContext;
const ids: Record<string, string> = {};
const MiB = 1024 * 1024;
const LIMIT = { maxBytes: 8 * MiB };

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A file arriving in pieces, recording how much was read and whether the reader stopped it before its end. */
function incoming(name: string, bytes: Buffer, piece = 1000): IncomingFile & { read: () => number; stopped: () => boolean; ended: () => boolean } {
  let at = 0;
  let stopped = false;
  const iterator: AsyncIterator<Uint8Array> = {
    async next() {
      if (stopped || at >= bytes.length) return { done: true, value: undefined };
      const p = bytes.subarray(at, at + piece);
      at += p.length;
      return { done: false, value: p };
    },
    async return() {
      if (at < bytes.length) stopped = true;
      return { done: true, value: undefined };
    },
  };
  return { name, stream: { [Symbol.asyncIterator]: () => iterator }, read: () => at, stopped: () => stopped, ended: () => at >= bytes.length };
}

async function counts(): Promise<number[]> {
  const db = ws.vault.runtime().store.db;
  const n = async (t: string) => Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(db)).rows[0]!.n);
  return [await n('files'), await n('file_chunks'), await n('evidence_items')];
}

async function readAll(fileId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of ws.vault.runtime().store.files.read(fileId)) parts.push(p);
  return Buffer.concat(parts);
}

const as = (role: ServiceContext['user']['role']): ServiceContext => ({ ...admin, user: { ...admin.user, role } });

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, '2026-11-21T10:00:00.000Z');
  const [inc, other] = await recordIncidents(admin, [fullIncident('QZEVRECV'), fullIncident('QZEVOTHER')]);
  ids['incident'] = inc!.id;
  ids['source'] = inc!.sources[0]!.id;
  ids['otherSource'] = other!.sources[0]!.id;
  ids['actor'] = (await createActor(admin, { kind: 'person', pseudonym: 'Defensora EV' } as never)).id;
}, 60_000);
afterAll(async () => { await ws?.close(); });

describe('receiving a photo', () => {
  it('keeps the original byte for byte, reads its metadata and makes a copy without any', async () => {
    const photo = jpegWithGps();
    const before = await counts();
    const d = await receiveEvidence(admin, { incidentId: ids['incident']! }, { description: '  Soldados frente al albergue  ', sourceId: ids['source'], consent: { legal_action: 'given' } }, incoming('soldados.jpg', photo), LIMIT);
    expect(d).toMatchObject({
      ref: 'EV-0001', kind: 'photo', mediaType: 'image/jpeg', size: photo.length, sha256: sha(photo), incidentId: ids['incident'], actorId: null, sourceId: ids['source'], parentId: null,
      receivedAt: '2026-11-21T10:00:00.000Z', receivedBy: { id: admin.user.id }, hasViewCopy: true, restricted: false, originalName: 'soldados.jpg', description: 'Soldados frente al albergue',
      consent: { legal_action: 'given', internal_analysis: 'not_asked', share_partners: 'not_asked', anonymous_publication: 'not_asked', named_publication: 'not_asked' },
      metadata: { takenAt: '2026-11-20T14:35:09', make: MARKERS.make, model: MARKERS.model, gps: { lat: JPEG_EXIF.lat, lon: JPEG_EXIF.lon, alt: JPEG_EXIF.alt }, width: JPEG_EXIF.width, height: JPEG_EXIF.height },
    });
    expect((await counts()).map((n, i) => n - before[i]!)).toEqual([2, 2, 1]);
    const item = (await ws.vault.runtime().store.evidence.get(d.id, { open: true }))!;
    expect((await readAll(item.fileId)).equals(photo)).toBe(true);
    const copy = await readAll(item.viewFileId!);
    for (const m of ALL_METADATA_MARKERS) expect(containsMarker(copy, m)).toBe(false);
    const files = await ws.vault.runtime().store.db.selectFrom('files').select(['id', 'state']).where('id', 'in', [item.fileId, item.viewFileId!]).execute();
    expect(files.map((f) => f.state)).toEqual(['stored', 'stored']);
    // the custody entry holds the hash taken on arrival, nothing typed
    const audit = await ws.vault.runtime().store.db.selectFrom('audit_events').select(['action', 'target_type', 'target_id', 'detail', 'user_id']).where('target_id', '=', d.id).execute();
    expect(audit).toEqual([{ action: 'evidence.receive', target_type: 'evidence', target_id: d.id, detail: JSON.stringify({ sha256: sha(photo) }), user_id: admin.user.id }]);
  });

  it('files an image as a screenshot when asked, and any other kind by its content', async () => {
    const d = await receiveEvidence(admin, { incidentId: ids['incident']! }, { kind: 'screenshot' }, incoming('captura.png', pngWithMetadata()), LIMIT);
    expect(d).toMatchObject({ kind: 'screenshot', mediaType: 'image/png', hasViewCopy: true, metadata: { width: 40, height: 30 } });
    const pdf = await receiveEvidence(admin, { incidentId: ids['incident']! }, { kind: 'screenshot' }, incoming('denuncia.pdf', minimalPdf()), LIMIT);
    expect(pdf).toMatchObject({ kind: 'pdf', mediaType: 'application/pdf', hasViewCopy: false, sha256: sha(minimalPdf()) });
    expect(pdf.metadata).toBeUndefined();
  });

  it('keeps office documents and text files, without copies', async () => {
    const docx = await docxLike();
    expect(await receiveEvidence(admin, { incidentId: ids['incident']! }, {}, incoming('acta.docx', docx), LIMIT)).toMatchObject({ kind: 'document', sha256: sha(docx), hasViewCopy: false });
    const text = Buffer.from('Mensaje: «sabemos dónde vives»\n'.repeat(50), 'utf8');
    expect(await receiveEvidence(admin, { incidentId: ids['incident']! }, {}, incoming('mensaje.txt', text, 7), LIMIT)).toMatchObject({ kind: 'document', mediaType: 'text/plain' });
  });

  it('receives evidence of a person or organisation', async () => {
    const d = await receiveEvidence(admin, { actorId: ids['actor']! }, {}, incoming('foto.jpg', jpegWithGps()), LIMIT);
    expect(d).toMatchObject({ incidentId: null, actorId: ids['actor'], kind: 'photo' });
  });
});

describe('refusals keep nothing', () => {
  const refused = async (ctx: ServiceContext, owner: { incidentId: string } | { actorId: string }, input: Record<string, unknown>, file: ReturnType<typeof incoming>, limit = LIMIT) => {
    const before = await counts();
    let error: { status: number; code: string; message: string; problems?: { path: string; code?: string }[] } | undefined;
    try {
      await receiveEvidence(ctx, owner, input as never, file, limit);
    } catch (e) {
      error = e as never;
    }
    expect(error, 'was accepted').toBeDefined();
    expect(await counts()).toEqual(before);
    // the stream was read to its end or stopped: never left hanging
    expect(file.stopped() || file.ended()).toBe(true);
    return error!;
  };
  const inc = () => ({ incidentId: ids['incident']! });

  it('refuses bad names before reading a byte', async () => {
    for (const name of ['../../x.jpg', '', 'a/b.jpg', 'foto\u0000.jpg', 'x'.repeat(300)]) {
      const f = incoming(name, jpegWithGps());
      const e = await refused(admin, inc(), {}, f);
      expect(e).toMatchObject({ status: 400, code: 'invalid', problems: [{ path: 'file' }] });
      expect(f.read()).toBe(0);
    }
  });

  it('refuses content that contradicts its name, web pages and unknown content, without reading the rest', async () => {
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(2 * MiB, 0x20)]);
    const f = incoming('foto.jpg', big, 64 * 1024);
    expect(await refused(admin, inc(), {}, f)).toMatchObject({ status: 415, code: 'unsupported_type', message: 'file: the content is a PDF but the name ends in .jpg' });
    expect(f.read()).toBeLessThan(big.length);
    expect(f.stopped()).toBe(true);
    expect(await refused(admin, inc(), {}, incoming('pagina.html', htmlFile()))).toMatchObject({ status: 415 });
    expect(await refused(admin, inc(), {}, incoming('datos.bin', Buffer.from([1, 2, 3, 4, 5, 250])))).toMatchObject({ status: 415 });
    expect(await refused(admin, inc(), {}, incoming('vacio.jpg', Buffer.alloc(0)))).toMatchObject({ status: 400, code: 'empty_file' });
  });

  it('refuses images cut short', async () => {
    expect(await refused(admin, inc(), {}, incoming('foto.jpg', truncatedJpeg()))).toMatchObject({ status: 400, code: 'damaged_image', message: 'file: the image is damaged or cut short' });
    expect(await refused(admin, inc(), {}, incoming('captura.png', truncatedPng()))).toMatchObject({ status: 400, code: 'damaged_image' });
  });

  it('refuses zip bombs and zips whose entries escape', async () => {
    expect(await refused(admin, inc(), {}, incoming('informe.docx', zipBombDocx(), 64 * 1024))).toMatchObject({ status: 400, code: 'zip_bomb' });
    expect(await refused(admin, inc(), {}, incoming('informe.docx', zipWithTraversal()))).toMatchObject({ status: 400, code: 'zip_path' });
  });

  it('refuses files over the limit as they arrive', async () => {
    const f = incoming('grande.pdf', Buffer.concat([minimalPdf(), Buffer.alloc(3 * MiB)]), 256 * 1024);
    expect(await refused(admin, inc(), {}, f, { maxBytes: 2 * MiB })).toMatchObject({ status: 413, code: 'file_too_large', message: 'file: larger than the limit of 2 MB' });
    expect(f.read()).toBeLessThanOrEqual(2 * MiB + 256 * 1024);
    expect(f.stopped()).toBe(true);
    expect((await refused(admin, inc(), {}, incoming('g.pdf', Buffer.concat([minimalPdf(), Buffer.alloc(4000)])), { maxBytes: 2048 })).message).toBe('file: larger than the limit of 2 KB');
  });

  it('refuses a source that is not the incident\'s, and bad fields, naming them', async () => {
    expect(await refused(admin, inc(), { sourceId: ids['otherSource'] }, incoming('f.jpg', jpegWithGps()))).toMatchObject({ status: 400, problems: [{ path: 'sourceId', code: 'not_part_of_record' }] });
    expect(await refused(admin, { actorId: ids['actor']! }, { sourceId: ids['source'] }, incoming('f.jpg', jpegWithGps()))).toMatchObject({ status: 400, problems: [{ path: 'sourceId' }] });
    expect(await refused(admin, inc(), { description: 'x'.repeat(5001) }, incoming('f.jpg', jpegWithGps()))).toMatchObject({ status: 400, problems: [{ path: 'description' }] });
    expect(await refused(admin, inc(), { kind: 'online_capture' }, incoming('f.jpg', jpegWithGps()))).toMatchObject({ status: 400, problems: [{ path: 'kind' }] });
    expect(await refused(admin, inc(), { consent: { legal_action: 'maybe' } }, incoming('f.jpg', jpegWithGps()))).toMatchObject({ status: 400, problems: [{ path: 'consent.legal_action' }] });
    expect(await refused(admin, inc(), { extra: 1 }, incoming('f.jpg', jpegWithGps()))).toMatchObject({ status: 400, problems: [{ code: 'unknown_field' }] });
  });

  it('refuses unknown owners and people who may not upload', async () => {
    expect(await refused(admin, { incidentId: '00000000-0000-4000-8000-000000000000' }, {}, incoming('f.jpg', jpegWithGps()))).toMatchObject({ status: 404 });
    expect(await refused(admin, { actorId: '00000000-0000-4000-8000-000000000000' }, {}, incoming('f.jpg', jpegWithGps()))).toMatchObject({ status: 404 });
    for (const role of ['viewer', 'analyst'] as const) expect(await refused(as(role), inc(), {}, incoming('f.jpg', jpegWithGps()))).toMatchObject({ status: 403 });
    await expect(receiveEvidence(as('documenter'), inc(), {}, incoming('f.jpg', jpegWithGps()), LIMIT)).resolves.toMatchObject({ kind: 'photo' });
  });
});
