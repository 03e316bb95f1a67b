/**
 * Exporting evidence bundles through the use case, on both backends: who may, what input is
 * refused, consent per purpose (a refused bundle writes nothing), a capture's screenshots going
 * with it, the custody entry of this export inside the signed manifest, account ids and never
 * names or original file names, and a stored original that no longer matches its hash ending the
 * stream. The HTTP route, tampering and the offline verifier: test/integration/evidence-bundle.test.ts.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import { storeTestItem } from '../../../test/helpers/evidence-items.js';
import { jpegWithGps, pngWithMetadata } from '../../../test/helpers/evidence-files.js';
import { readZip } from '../../../test/helpers/bundle-zips.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { createUser } from '../users/manage-users.js';
import { NO_CONSENT, type Consent, type OnlineCapture } from '../../domain/evidence/evidence.js';
import { bundleManifestSchema, type BundleManifest } from '../../domain/evidence/bundle-manifest.js';
import { evidenceRecord } from '../../store/repositories/evidence-repository.js';
import { newId } from '../../crypto/random.js';
import { verify } from '../../crypto/signing.js';
import { exportBundle } from './export-bundle.js';
import { custodyOf, recordCustody } from './custody.js';

let ws: TestWorkspace;
let admin: ServiceContext;
let incidentId: string;
const ids: Record<string, string> = {};
const MARKER = 'QZBUNDLEMARK';
const consent = (c: Partial<Consent>): Consent => ({ ...NO_CONSENT, ...c });

async function bytesOf(it: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of it) parts.push(p);
  return Buffer.concat(parts);
}

/** A capture with screenshots, stored as the capture form stores them (the record's JSON as the capture's file). */
async function storeCapture(ctx: ServiceContext, owner: { incidentId: string; actorId: null }, c: Consent, shotConsent: Consent): Promise<{ id: string; shots: string[] }> {
  const record = evidenceRecord(owner);
  const capture: OnlineCapture = { platform: 'facebook', account: '@amenazas', url: 'https://example.org/p/1', text: 'Te vamos a encontrar', seenAt: '2026-11-27', capturedAt: ctx.now() };
  const json = Buffer.from(JSON.stringify(capture));
  const put = (b: Buffer) => ctx.store.files.put(record, (async function* () { yield b; })(), { maxBytes: 1 << 20 });
  const file = await put(json);
  const shotFiles = [await put(pngWithMetadata()), await put(jpegWithGps())];
  const id = newId();
  const shots = shotFiles.map(() => newId());
  await ctx.store.transaction(async (tx) => {
    await tx.files.markStored(file.id);
    await tx.evidence.insert({ id, ref: await tx.evidence.nextRef(), ...owner, kind: 'online_capture', mediaType: 'application/json', fileId: file.id, size: file.size, sha256: file.sha256, capture, consent: c, receivedAt: ctx.now(), receivedBy: ctx.user.id });
    await recordCustody(tx, ctx.now(), ctx.user.id, 'evidence.capture', id, { sha256: file.sha256 });
    for (const [i, f] of shotFiles.entries()) {
      await tx.files.markStored(f.id);
      await tx.evidence.insert({
        id: shots[i]!, ref: await tx.evidence.nextRef(), ...owner, parentId: id, kind: 'screenshot', mediaType: i === 0 ? 'image/png' : 'image/jpeg',
        fileId: f.id, size: f.size, sha256: f.sha256, originalName: `captura-${MARKER}-${i}.png`, consent: shotConsent, receivedAt: ctx.now(), receivedBy: ctx.user.id,
      });
      await recordCustody(tx, ctx.now(), ctx.user.id, 'evidence.receive', shots[i]!, { sha256: f.sha256 });
    }
  });
  return { id, shots };
}

async function manifestOf(zip: Buffer): Promise<{ manifest: BundleManifest; raw: Buffer; names: string[]; entries: Map<string, Buffer> }> {
  const entries = await readZip(zip);
  const raw = entries.find((e) => e.name === 'manifest.json')!.data;
  return { manifest: bundleManifestSchema.parse(JSON.parse(raw.toString('utf8'))), raw, names: entries.map((e) => e.name), entries: new Map(entries.map((e) => [e.name, e.data])) };
}

const statusOf = (p: Promise<unknown>) => p.then(() => 0, (e: unknown) => (e instanceof ServiceError ? e.status : -1));

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws);
  const [open] = await recordIncidents(admin, [{ title: 'Soldados frente al albergue', date: { start: '2026-11-27' }, place: { precision: 'country', country: 'MX' } }]);
  incidentId = open!.id;
  const owner = { incidentId, actorId: null };
  ids['photo'] = await storeTestItem(admin, {
    owner, bytes: jpegWithGps(), originalName: `foto-${MARKER}.jpg`, description: `Descripción ${MARKER}`,
    metadata: { takenAt: '2026:11:20 14:35:09', make: 'Marca', gps: { lat: 16.9, lon: -92.1, alt: 521 } }, consent: consent({ legal_action: 'given', share_partners: 'given' }),
  });
  ids['pdf'] = await storeTestItem(admin, { owner, bytes: Buffer.from(`%PDF-1.4 ${MARKER}\n`.repeat(2000)), kind: 'pdf', mediaType: 'application/pdf', originalName: `denuncia-${MARKER}.pdf`, consent: consent({ legal_action: 'given' }) });
  ids['withdrawn'] = await storeTestItem(admin, { owner, bytes: pngWithMetadata(), mediaType: 'image/png', consent: consent({ legal_action: 'withdrawn', share_partners: 'given' }) });
  ids['notAsked'] = await storeTestItem(admin, { owner, bytes: Buffer.from('audio'), kind: 'audio', mediaType: 'audio/mpeg' });
  const cap = await storeCapture(admin, owner, consent({ legal_action: 'given' }), consent({ legal_action: 'given' }));
  ids['capture'] = cap.id;
  ids['shot0'] = cap.shots[0]!;
  ids['shot1'] = cap.shots[1]!;
});
afterAll(async () => { await ws.close(); });

describe('exportBundle', () => {
  it('needs evidence.export: a documenter may not, whatever they may read', async () => {
    const doc = { ...admin, user: { ...admin.user, role: 'documenter' as const } };
    expect(await statusOf(exportBundle(doc, { itemIds: [ids['photo']], purpose: 'legal_action' }))).toBe(403);
  });

  it('refuses bad input naming the field: no items, too many, repeated, not ids, an unknown purpose', async () => {
    const cases: [unknown, string][] = [
      [{ itemIds: [], purpose: 'legal_action' }, 'itemIds'],
      [{ itemIds: Array.from({ length: 201 }, () => newId()), purpose: 'legal_action' }, 'itemIds'],
      [{ itemIds: [ids['photo'], ids['photo']], purpose: 'legal_action' }, 'itemIds'],
      [{ itemIds: ['EV-0001'], purpose: 'legal_action' }, 'itemIds[0]'],
      [{ itemIds: [ids['photo']], purpose: 'named_publication' }, 'purpose'],
      [{ itemIds: [ids['photo']], purpose: 'legal_action', extra: 1 }, ''],
    ];
    for (const [input, path] of cases) {
      const e = await exportBundle(admin, input).catch((x: unknown) => x);
      expect(e, JSON.stringify(input).slice(0, 80)).toBeInstanceOf(ServiceError);
      expect((e as ServiceError).status).toBe(400);
      expect((e as ServiceError).problems?.map((p) => p.path)).toContain(path);
    }
  });

  it('an unknown item is 404 naming nothing, and nothing is recorded', async () => {
    const before = (await custodyOf(admin.store, ids['photo']!)).length;
    const e = await exportBundle(admin, { itemIds: [ids['photo'], newId()], purpose: 'legal_action' }).catch((x: unknown) => x);
    expect((e as ServiceError).status).toBe(404);
    expect((e as ServiceError).message).toBe('evidence not found');
    expect((await custodyOf(admin.store, ids['photo']!)).length).toBe(before);
  });

  it('an item on an incident the user cannot see is 404 too', async () => {
    const u = await createUser(admin, { email: 'coord@example.org', displayName: 'Coordinadora', role: 'coordinator', password: 'contraseña-larga-2026' });
    const coord: ServiceContext = { ...admin, user: { id: u.id, role: 'coordinator', orgId: u.orgId, displayName: 'Coordinadora' } };
    const [hidden] = await recordIncidents(admin, [{ title: 'Restringido', date: { start: '2026-11-27' }, place: { precision: 'country', country: 'MX' }, confidentiality: 'restricted' }]);
    const item = await storeTestItem(admin, { owner: { incidentId: hidden!.id, actorId: null }, bytes: Buffer.from('x'), consent: consent({ legal_action: 'given' }) });
    expect(await statusOf(exportBundle(coord, { itemIds: [item], purpose: 'legal_action' }))).toBe(404);
    expect(await statusOf(exportBundle(admin, { itemIds: [item], purpose: 'legal_action' }))).toBe(0);
  });

  it('takes only items whose consent for the purpose is given: 409 naming each refused item and why, nothing recorded', async () => {
    const refs = new Map((await admin.store.evidence.list({ incidentId })).map((i) => [i.id, i.ref]));
    const before = (await custodyOf(admin.store, ids['photo']!)).length;
    const e = (await exportBundle(admin, { itemIds: [ids['photo'], ids['withdrawn'], ids['notAsked']], purpose: 'legal_action' }).catch((x: unknown) => x)) as ServiceError;
    expect(e.status).toBe(409);
    expect(e.message).toContain(`${refs.get(ids['withdrawn']!)}: consent for legal action is withdrawn`);
    expect(e.message).toContain(`${refs.get(ids['notAsked']!)}: consent for legal action was never asked`);
    expect(e.message).not.toContain(refs.get(ids['photo']!));
    expect(e.problems).toHaveLength(2);
    expect((await custodyOf(admin.store, ids['photo']!)).length).toBe(before);
    // for partners, the withdrawn one is allowed (consent is per use)
    expect(await statusOf(exportBundle(admin, { itemIds: [ids['withdrawn']], purpose: 'share_partners' }).then((b) => bytesOf(b.stream)))).toBe(0);
    expect(await statusOf(exportBundle(admin, { itemIds: [ids['pdf']], purpose: 'share_partners' }))).toBe(409);
  });

  it('streams a signed zip: originals by reference, SHA256SUMS, manifest, signature, key; the manifest records this export', async () => {
    const bundle = await exportBundle(admin, { itemIds: [ids['photo'], ids['pdf']], purpose: 'legal_action' });
    expect(bundle.fileName).toBe(`evidence-bundle-${bundle.bundleId.slice(0, 8)}.zip`);
    const zip = await bytesOf(bundle.stream);
    const { manifest, raw, names, entries } = await manifestOf(zip);
    const [photo, pdf] = manifest.items;
    expect(names).toEqual([photo!.path, pdf!.path, 'SHA256SUMS', 'manifest.json', 'manifest.sig', 'public-key.pem']);
    expect(photo!.path).toMatch(/^originals\/EV-\d{4}\.jpg$/);
    expect(pdf!.path).toMatch(/^originals\/EV-\d{4}\.pdf$/);
    expect(entries.get(photo!.path)!.equals(jpegWithGps())).toBe(true);
    expect(photo!.sha256).toBe(createHash('sha256').update(jpegWithGps()).digest('hex'));
    expect(photo!.captureMetadata).toEqual({ takenAt: '2026:11:20 14:35:09', make: 'Marca', gps: { lat: 16.9, lon: -92.1, alt: 521 } });
    expect(manifest).toMatchObject({ bundleId: bundle.bundleId, purpose: 'legal_action', workspace: { name: 'Red de prueba' }, organisation: { name: 'Casa de prueba' } });
    expect(entries.get('SHA256SUMS')!.toString()).toBe(`${photo!.sha256}  ${photo!.path}\n${pdf!.sha256}  ${pdf!.path}\n`);
    expect(verify(entries.get('public-key.pem')!.toString(), raw, entries.get('manifest.sig')!)).toBe(true);
    for (const item of manifest.items) {
      expect(item.custody[0]).toMatchObject({ action: 'evidence.receive', user: admin.user.id });
      expect(item.custody.at(-1)).toEqual({ at: expect.any(String), action: 'evidence.export', user: admin.user.id, purpose: 'legal_case', use: 'legal_action', bundleId: bundle.bundleId });
    }
    const text = raw.toString('utf8');
    expect(text).not.toContain(MARKER); // no original name, no description
    expect(text).not.toContain(admin.user.displayName);
    expect(text).not.toContain('"name": "Rosa');
    // the export is in the chain of custody
    const custody = await custodyOf(admin.store, ids['pdf']!);
    expect(custody.at(-1)).toMatchObject({ action: 'evidence.export', purpose: 'legal_case', use: 'legal_action', bundleId: bundle.bundleId });
  });

  it('an original of several chunks comes out whole, byte for byte', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024 + 12_345);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
    const id = await storeTestItem(admin, { owner: { incidentId, actorId: null }, bytes: big, kind: 'video', mediaType: 'video/mp4', consent: consent({ share_partners: 'given' }) });
    const bundle = await exportBundle(admin, { itemIds: [id], purpose: 'share_partners' });
    const { manifest, entries } = await manifestOf(await bytesOf(bundle.stream));
    expect(manifest.items[0]!.path).toMatch(/^originals\/EV-\d{4}\.mp4$/);
    expect(entries.get(manifest.items[0]!.path)!.equals(big)).toBe(true);
  });

  it('a capture takes its screenshots with it, each with its own custody entry', async () => {
    const bundle = await exportBundle(admin, { itemIds: [ids['capture']], purpose: 'legal_action' });
    const { manifest, names } = await manifestOf(await bytesOf(bundle.stream));
    const [cap, s0, s1] = manifest.items;
    expect(manifest.items).toHaveLength(3);
    expect(cap).toMatchObject({ kind: 'online_capture', parentRef: null, onlineCapture: { platform: 'facebook', account: '@amenazas', text: 'Te vamos a encontrar', seenAt: '2026-11-27' } });
    expect(cap!.path).toMatch(/\.json$/);
    expect(s0).toMatchObject({ kind: 'screenshot', mediaType: 'image/png', parentRef: cap!.ref });
    expect(s1).toMatchObject({ kind: 'screenshot', mediaType: 'image/jpeg', parentRef: cap!.ref });
    expect(names).toContain(s1!.path);
    for (const id of [ids['capture']!, ids['shot0']!, ids['shot1']!]) expect((await custodyOf(admin.store, id)).at(-1)).toMatchObject({ action: 'evidence.export', bundleId: bundle.bundleId });
    // asked for with the capture, a screenshot is not taken twice
    const again = await exportBundle(admin, { itemIds: [ids['shot1'], ids['capture']], purpose: 'legal_action' });
    expect((await manifestOf(await bytesOf(again.stream))).manifest.items.map((i) => i.ref)).toEqual([s1!.ref, cap!.ref, s0!.ref]);
  });

  it('a screenshot whose own consent is not given keeps its capture out', async () => {
    const cap = await storeCapture(admin, { incidentId, actorId: null }, consent({ legal_action: 'given' }), consent({ legal_action: 'refused' }));
    const e = (await exportBundle(admin, { itemIds: [cap.id], purpose: 'legal_action' }).catch((x: unknown) => x)) as ServiceError;
    expect(e.status).toBe(409);
    expect(e.problems).toHaveLength(2);
    expect(e.message).toMatch(/EV-\d{4}: consent for legal action is refused/);
  });

  it('ends the stream, never completing the file, when a stored original no longer matches the hash taken on arrival', async () => {
    const id = await storeTestItem(admin, { owner: { incidentId, actorId: null }, bytes: Buffer.alloc(3 * 1024 * 1024, 7), consent: consent({ legal_action: 'given' }) });
    await admin.store.db.updateTable('evidence_items').set({ sha256: 'f'.repeat(64) }).where('id', '=', id).execute();
    const bundle = await exportBundle(admin, { itemIds: [id], purpose: 'legal_action' });
    const got: Buffer[] = [];
    const e = await (async () => { for await (const p of bundle.stream) got.push(p as Buffer); })().catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/EV-\d{4}: the stored original does not match the SHA-256 taken on arrival/);
    // the last chunk was held back: the file never went out whole
    expect(Buffer.concat(got).length).toBeLessThan(3 * 1024 * 1024);

    // a changed chunk in the database: the store's own check ends it
    const other = await storeTestItem(admin, { owner: { incidentId, actorId: null }, bytes: Buffer.alloc(100_000, 9), consent: consent({ legal_action: 'given' }) });
    const fileId = (await admin.store.evidence.get(other, { open: false }))!.fileId;
    await sql`UPDATE file_chunks SET data = ${Buffer.alloc(100_050, 1)} WHERE file_id = ${fileId} AND idx = 0`.execute(admin.store.db);
    const broken = await exportBundle(admin, { itemIds: [other], purpose: 'legal_action' });
    await expect(bytesOf(broken.stream)).rejects.toThrow();
  });
});
