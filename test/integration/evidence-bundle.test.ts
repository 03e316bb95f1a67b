/**
 * Evidence bundles end to end (ADR 0019), on a real encrypted workspace and over the HTTP route:
 * a bundle exported by a signed-in admin verifies offline — with `verifyBundle` and with the exact
 * `openssl` and `sha256sum` commands docs/evidence-bundles.md gives; one changed byte in any file
 * of it fails verification naming that file; a file removed or added is named; an entry named
 * '../../x' is refused and nothing is written anywhere; a zip bomb is stopped early; consent
 * withdrawn refuses the export naming the item; the export is in each item's chain of custody; the
 * manifest holds no original file names and no staff names.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newWorkspace, adminContext, Client, ADMIN, type TestWorkspace } from '../helpers/api.js';
import { storeTestItem } from '../helpers/evidence-items.js';
import { jpegWithGps, minimalPdf, pngWithMetadata, rawZip } from '../helpers/evidence-files.js';
import { flipOneByte, rawBomb, rawStored, readZip, writeZip, type ZipEntry } from '../helpers/bundle-zips.js';
import type { ServiceContext } from '../../src/services/context.js';
import { NO_CONSENT, type Consent } from '../../src/domain/evidence/evidence.js';
import { readCustody } from '../../src/services/evidence/custody.js';
import { verifyBundle } from '../../src/services/evidence/verify-bundle.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MARKER = 'QZNOMBREORIGINAL';
const consent = (c: Partial<Consent>): Consent => ({ ...NO_CONSENT, ...c });

let ws: TestWorkspace;
let admin: Client;
let ctx: ServiceContext;
let dir: string;
const ids: Record<string, string> = {};
const refs: Record<string, string> = {};
let zip: Buffer;
let entries: ZipEntry[];
let fingerprint: string;
let n = 0;

const file = (bytes: Buffer) => {
  const p = join(dir, `bundle-${n++}.zip`);
  writeFileSync(p, bytes);
  return p;
};
const names = (r: { problems: { path: string }[] }) => r.problems.map((p) => p.path);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bitacora-bundle-'));
  ws = await newWorkspace();
  admin = new Client(ws.app);
  expect((await admin.login()).statusCode).toBe(200);
  const inc = await admin.req('POST', '/api/v1/incidents', { title: 'Soldados frente al albergue', date: { start: '2026-11-27' }, place: { precision: 'country', country: 'MX' } });
  expect(inc.statusCode, inc.body).toBe(201);
  const owner = { incidentId: (inc.json() as { id: string }).id, actorId: null };
  ctx = await adminContext(ws);
  const given = consent({ legal_action: 'given', share_partners: 'given' });
  ids['photo'] = await storeTestItem(ctx, { owner, bytes: jpegWithGps(), originalName: `soldados-${MARKER}.jpg`, description: `Frente al albergue ${MARKER}`, metadata: { takenAt: '2026:11:20 14:35:09', gps: { lat: 16.9, lon: -92.1 } }, consent: given });
  ids['png'] = await storeTestItem(ctx, { owner, bytes: pngWithMetadata(), mediaType: 'image/png', originalName: `captura-${MARKER}.png`, consent: given });
  ids['pdf'] = await storeTestItem(ctx, { owner, bytes: minimalPdf(), kind: 'pdf', mediaType: 'application/pdf', originalName: `denuncia-${MARKER}.pdf`, consent: given });
  ids['withdrawn'] = await storeTestItem(ctx, { owner, bytes: Buffer.from('otra foto'), consent: consent({ legal_action: 'withdrawn', share_partners: 'given' }) });
  for (const item of await ctx.store.evidence.list(owner)) for (const [k, id] of Object.entries(ids)) if (id === item.id) refs[k] = item.ref;

  const r = await admin.req('POST', '/api/v1/evidence/bundles', { itemIds: [ids['photo'], ids['png'], ids['pdf']], purpose: 'legal_action' });
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  expect(r.headers['content-type']).toBe('application/zip');
  expect(r.headers['content-disposition']).toMatch(/^attachment; filename="evidence-bundle-[0-9a-f]{8}\.zip"$/);
  expect(r.headers['cache-control']).toBe('no-store');
  zip = r.rawPayload;
  entries = await readZip(zip);
  const key = await admin.req('GET', '/api/v1/evidence/signing-key');
  expect(key.statusCode).toBe(200);
  fingerprint = (key.json() as { fingerprint: string }).fingerprint;
}, 120_000);
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('evidence bundles', () => {
  it('an exported bundle verifies, signed by the key the API shows', async () => {
    const path = file(zip);
    const r = await verifyBundle(path);
    expect(r).toMatchObject({ ok: true, fingerprint, items: 3, problems: [] });
    expect((await verifyBundle(path, { fingerprint })).ok).toBe(true);
    const key = (await admin.req('GET', '/api/v1/evidence/signing-key')).json() as { publicKeyPem: string; algorithm: string };
    expect(key.algorithm).toBe('ed25519');
    expect((await verifyBundle(path, { publicKeyPem: key.publicKeyPem })).ok).toBe(true);
    expect(entries.map((e) => e.name)).toEqual([`originals/${refs['photo']}.jpg`, `originals/${refs['png']}.png`, `originals/${refs['pdf']}.pdf`, 'SHA256SUMS', 'manifest.json', 'manifest.sig', 'public-key.pem']);
    expect(entries[0]!.data.equals(jpegWithGps())).toBe(true);
  });

  it('one changed byte in any file of the bundle fails verification, naming that file', async () => {
    expect(entries).toHaveLength(7);
    for (const target of entries) {
      const copy = await writeZip(entries.map((e) => (e.name === target.name ? flipOneByte(e) : e)));
      const r = await verifyBundle(file(copy));
      expect(r.ok, target.name).toBe(false);
      expect(names(r), `${target.name}: ${JSON.stringify(r.problems)}`).toContain(target.name);
      if (target.name.startsWith('originals/') || target.name === 'SHA256SUMS') {
        expect(r.problems, target.name).toEqual([{ path: target.name, problem: 'changed', message: expect.stringMatching(/SHA-256/) }]);
      }
    }
  });

  it('names a file removed and a file added', async () => {
    const pdf = `originals/${refs['pdf']}.pdf`;
    const removed = await verifyBundle(file(await writeZip(entries.filter((e) => e.name !== pdf))));
    expect(removed.problems).toEqual([{ path: pdf, problem: 'removed', message: expect.any(String) }]);
    const added = await verifyBundle(file(await writeZip([...entries, { name: 'originals/EV-9999.jpg', data: jpegWithGps() }])));
    expect(added.problems).toEqual([{ path: 'originals/EV-9999.jpg', problem: 'added', message: expect.any(String) }]);
  });

  it('an entry named ../../x is reported unsafe, and nothing is written anywhere', async () => {
    const sub = join(dir, 'a', 'b');
    mkdirSync(sub, { recursive: true });
    const path = join(sub, 'hostile.zip');
    writeFileSync(path, rawZip([...entries.map((e) => rawStored(e.name, e.data)), rawStored('../../x', Buffer.from('escaped'))]));
    const outside = [resolve(sub, '../../x'), resolve(process.cwd(), '../../x'), resolve(sub, 'x'), resolve(process.cwd(), 'x')];
    for (const p of outside) expect(existsSync(p), p).toBe(false);
    const r = await verifyBundle(path);
    expect(r.problems).toEqual([{ path: '../../x', problem: 'unsafe_path', message: expect.stringMatching(/unsafe name/) }]);
    for (const p of outside) expect(existsSync(p), p).toBe(false);
  });

  it('a zip bomb in place of an original is stopped at the size the manifest gives it', async () => {
    const photo = `originals/${refs['photo']}.jpg`;
    const bomb = rawZip(entries.map((e) => (e.name === photo ? rawBomb(photo, 200) : rawStored(e.name, e.data))));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const r = await verifyBundle(file(bomb));
    expect(r.problems).toEqual([{ path: photo, problem: 'changed', message: expect.stringMatching(/larger than manifest.json says/) }]);
    const total = entries.reduce((s, e) => s + e.data.length, 0);
    // 200 MiB inside; read: the real files and about one chunk of zeros
    expect(r.bytesRead).toBeLessThan(total + 1024 * 1024);
  });

  it('with consent for legal action withdrawn, the export is refused naming the item, and nothing is recorded', async () => {
    const before = (await readCustody(ctx, ids['photo']!)).entries.length;
    const r = await admin.req('POST', '/api/v1/evidence/bundles', { itemIds: [ids['photo'], ids['withdrawn']], purpose: 'legal_action' });
    expect(r.statusCode).toBe(409);
    expect((r.json() as { message: string }).message).toContain(`${refs['withdrawn']}: consent for legal action is withdrawn`);
    expect((await readCustody(ctx, ids['photo']!)).entries.length).toBe(before);
  });

  it('the export is in each item\'s chain of custody, with its purpose and the bundle\'s id', async () => {
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as { bundleId: string };
    for (const k of ['photo', 'png', 'pdf']) {
      const exports = (await readCustody(ctx, ids[k]!)).entries.filter((e) => e.action === 'evidence.export');
      expect(exports.map((e) => ({ purpose: e.purpose, use: e.use, bundleId: e.bundleId })), k).toContainEqual({ purpose: 'legal_case', use: 'legal_action', bundleId: manifest.bundleId });
    }
  });

  it('the manifest holds no original file names, descriptions or staff names: account ids only', async () => {
    const text = entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8');
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain(ADMIN.displayName);
    expect(text).not.toContain(ADMIN.email);
    expect(text).toContain(`"user": "${ctx.user.id}"`);
    for (const e of entries) expect(e.name, e.name).not.toContain(MARKER);
  });

  it('verifies with the exact openssl and sha256sum commands of docs/evidence-bundles.md', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'evidence-bundles.md'), 'utf8');
    const command = (start: string) => {
      const line = doc.split('\n').find((l) => l.startsWith(start));
      expect(line, `docs/evidence-bundles.md has no line starting "${start}"`).toBeDefined();
      return line!;
    };
    const verifySig = command('openssl pkeyutl -verify');
    expect(verifySig).toBe('openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig');
    const out = join(dir, 'unpacked');
    mkdirSync(join(out, 'originals'), { recursive: true });
    for (const e of entries) writeFileSync(join(out, e.name), e.data);
    const sh = (line: string) => execFileSync('sh', ['-c', line], { cwd: out, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const failure = (line: string) => {
      try {
        sh(line);
        return { status: 0, stdout: '' };
      } catch (e) {
        return { status: (e as { status: number }).status, stdout: String((e as { stdout: unknown }).stdout) };
      }
    };

    expect(sh(verifySig)).toMatch(/Signature Verified Successfully/);
    const sums = sh(command('sha256sum -c SHA256SUMS'));
    expect(sums.trim().split('\n')).toEqual([`originals/${refs['photo']}.jpg: OK`, `originals/${refs['png']}.png: OK`, `originals/${refs['pdf']}.pdf: OK`]);
    const own = sh(command('sha256sum SHA256SUMS')).split(' ')[0];
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
    expect(manifest.files.find((f) => f.path === 'SHA256SUMS')!.sha256).toBe(own);
    expect(sh(command('openssl pkey -pubin -in public-key.pem')).split(' ')[0]).toBe(fingerprint);

    // and they fail on a changed manifest or original
    writeFileSync(join(out, 'manifest.json'), Buffer.concat([readFileSync(join(out, 'manifest.json')), Buffer.from(' ')]));
    expect(failure(verifySig)).toMatchObject({ status: 1, stdout: expect.stringMatching(/Signature Verification Failure/) });
    const photo = join(out, `originals/${refs['photo']}.jpg`);
    writeFileSync(photo, flipOneByte({ name: 'x', data: readFileSync(photo) }).data);
    expect(failure(command('sha256sum -c SHA256SUMS'))).toMatchObject({ status: 1, stdout: expect.stringContaining(`originals/${refs['photo']}.jpg: FAILED`) });
  });
});
