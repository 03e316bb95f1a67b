/**
 * `bitacora verify-bundle` through the real built command (needs `npm run build`), with no data
 * folder and no passphrase: a bundle made by the exporter verifies (exit 0 and its line), one with
 * a changed file is named (exit 1), a key that is not the expected one is named (exit 1), and usage
 * errors exit 2.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/server-process.js';
import { adminContext, newWorkspace, type TestWorkspace } from '../helpers/api.js';
import { storeTestItem } from '../helpers/evidence-items.js';
import { jpegWithGps, minimalPdf } from '../helpers/evidence-files.js';
import { flipOneByte, readZip, writeZip } from '../helpers/bundle-zips.js';
import { NO_CONSENT } from '../../src/domain/evidence/evidence.js';
import { exportBundle } from '../../src/services/evidence/export-bundle.js';
import { recordIncidents } from '../../src/services/incidents/record-incidents.js';
import { generateSigningKeyPair, fingerprint as fingerprintOf } from '../../src/crypto/signing.js';

// no workspace, no passphrase: the command needs neither
const ENV = { BITACORA_DATA_DIR: '', BITACORA_PASSPHRASE: '' };

let ws: TestWorkspace;
let dir: string;
let good: string;
let changed: string;
let photoPath: string;
let keyFile: string;
let fingerprint: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bitacora-verify-cli-'));
  ws = await newWorkspace();
  const ctx = await adminContext(ws);
  const [inc] = await recordIncidents(ctx, [{ title: 'Amenaza', date: { start: '2026-11-27' }, place: { precision: 'country', country: 'MX' } }]);
  const owner = { incidentId: inc!.id, actorId: null };
  const consent = { ...NO_CONSENT, share_partners: 'given' as const };
  const a = await storeTestItem(ctx, { owner, bytes: jpegWithGps(), consent });
  const b = await storeTestItem(ctx, { owner, bytes: minimalPdf(), kind: 'pdf', mediaType: 'application/pdf', consent });
  const bundle = await exportBundle(ctx, { itemIds: [a, b], purpose: 'share_partners' });
  const parts: Buffer[] = [];
  for await (const p of bundle.stream) parts.push(p as Buffer);
  const zip = Buffer.concat(parts);
  good = join(dir, bundle.fileName);
  writeFileSync(good, zip);
  const entries = await readZip(zip);
  photoPath = entries[0]!.name;
  changed = join(dir, 'changed.zip');
  writeFileSync(changed, await writeZip(entries.map((e, i) => (i === 0 ? flipOneByte(e) : e))));
  const key = (await ctx.store.signingKeys.current())!;
  fingerprint = key.fingerprint;
  keyFile = join(dir, 'organisation-key.pem');
  writeFileSync(keyFile, key.publicKeyPem);
}, 120_000);
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bitacora verify-bundle', () => {
  it('says a good bundle is verified, with its items and signer; also against the expected key or fingerprint', async () => {
    const r = await runCli(['verify-bundle', good], ENV);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`bundle verified: 2 items, signed by ${fingerprint}\n`);
    expect(r.stderr).toMatch(/compare that fingerprint/);
    const byKey = await runCli(['verify-bundle', good, '--public-key', keyFile], ENV);
    expect(byKey.code, byKey.stderr).toBe(0);
    expect(byKey.stderr).toBe('');
    const byFingerprint = await runCli(['verify-bundle', good, '--fingerprint', fingerprint.toUpperCase()], ENV);
    expect(byFingerprint.code, byFingerprint.stderr).toBe(0);
  }, 60_000);

  it('names a changed file and exits 1', async () => {
    const r = await runCli(['verify-bundle', changed], ENV);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${photoPath}: its SHA-256 is [0-9a-f]{64}; manifest.json says [0-9a-f]{64}$`, 'm'));
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('names a key that is not the expected one and exits 1', async () => {
    const other = fingerprintOf(generateSigningKeyPair().publicPem)!;
    const r = await runCli(['verify-bundle', good, '--fingerprint', other], ENV);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`public-key.pem: the bundle is signed by key ${fingerprint}, not by the expected ${other}\n`);
  }, 60_000);

  it('exits 2 for usage errors: no file, a missing file, a malformed fingerprint, an unreadable key, an unknown option', async () => {
    const cases: [string[], RegExp][] = [
      [['verify-bundle'], /missing required argument/],
      [['verify-bundle', join(dir, 'nothing.zip')], /cannot read/],
      [['verify-bundle', good, '--fingerprint', 'xyz'], /--fingerprint must be 64 hexadecimal digits/],
      [['verify-bundle', good, '--public-key', join(dir, 'nothing.pem')], /cannot read the public key file/],
      [['verify-bundle', good, '--public-key', good], /--public-key is not an Ed25519 public key/],
      [['verify-bundle', good, '--no-such-option'], /unknown option/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, ENV);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout).toBe('');
    }
  }, 120_000);
});
