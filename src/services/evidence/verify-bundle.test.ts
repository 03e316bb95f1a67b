/**
 * The offline verifier on bundles made here with a test key (no database): what it accepts, the
 * expected key, and its limits against hostile zips. The whole path — a bundle exported through
 * the API, every file tampered with in turn — is in test/integration/evidence-bundle.test.ts.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBundle, VERIFY_LIMITS, WHOLE_BUNDLE, type BundleVerification } from './verify-bundle.js';
import { ServiceError } from '../errors.js';
import { generateSigningKeyPair, fingerprint } from '../../crypto/signing.js';
import { rawZip } from '../../../test/helpers/evidence-files.js';
import { rawBomb, rawStored, signedTestBundle, writeZip, type TestOriginal } from '../../../test/helpers/bundle-zips.js';

const dir = mkdtempSync(join(tmpdir(), 'bitacora-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (bytes: Buffer) => {
  const p = join(dir, `b${n++}.zip`);
  writeFileSync(p, bytes);
  return p;
};
const named = (r: BundleVerification) => r.problems.map((p) => `${p.problem} ${p.path}`).sort();

const ORIGINALS: TestOriginal[] = [
  { ref: 'EV-0001', mediaType: 'image/jpeg', data: Buffer.from('\xff\xd8\xff\xe0 photo bytes '.repeat(500), 'latin1') },
  { ref: 'EV-0002', mediaType: 'application/pdf', data: Buffer.from('%PDF-1.4 test document '.repeat(300), 'latin1') },
];

describe('verifyBundle', () => {
  it('verifies a good bundle, with or without the expected key or fingerprint (any case, colons allowed)', async () => {
    const b = await signedTestBundle(ORIGINALS);
    const path = file(b.zip);
    const r = await verifyBundle(path);
    expect(r).toMatchObject({ ok: true, fingerprint: b.fingerprint, items: 2, problems: [] });
    expect(r.bytesRead).toBeGreaterThan(ORIGINALS[0]!.data.length + ORIGINALS[1]!.data.length);
    expect((await verifyBundle(path, { fingerprint: b.fingerprint.toUpperCase().match(/../g)!.join(':') })).ok).toBe(true);
    expect((await verifyBundle(path, { publicKeyPem: b.publicPem })).ok).toBe(true);
  });

  it('names a key that is not the one expected', async () => {
    const b = await signedTestBundle(ORIGINALS);
    const path = file(b.zip);
    const other = generateSigningKeyPair().publicPem;
    for (const opts of [{ publicKeyPem: other }, { fingerprint: fingerprint(other)! }]) {
      const r = await verifyBundle(path, opts);
      expect(r.ok).toBe(false);
      expect(r.problems).toEqual([{ path: 'public-key.pem', problem: 'key_mismatch', message: expect.stringContaining(b.fingerprint) }]);
    }
  });

  it('refuses a malformed expected key or fingerprint, naming the option', async () => {
    const path = file((await signedTestBundle(ORIGINALS)).zip);
    for (const [opts, field] of [[{ fingerprint: 'abc' }, 'fingerprint'], [{ publicKeyPem: 'not a key' }, 'publicKeyPem']] as const) {
      const e = await verifyBundle(path, opts).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ServiceError);
      expect((e as ServiceError).problems?.[0]?.path).toBe(field);
    }
  });

  it('says a file that is not a zip cannot be read', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('this is not a zip file at all, just text'.repeat(10))]) {
      const r = await verifyBundle(file(bytes));
      expect(r.ok).toBe(false);
      expect(r.problems).toEqual([{ path: WHOLE_BUNDLE, problem: 'manifest', message: expect.stringMatching(/not a zip file/) }]);
    }
  });

  it('stops at more than 10,000 entries without reading any', async () => {
    const many = rawZip(Array.from({ length: VERIFY_LIMITS.entries + 1 }, (_, i) => rawStored(`f${i}`, Buffer.alloc(0))));
    const r = await verifyBundle(file(many));
    expect(r.problems).toEqual([{ path: WHOLE_BUNDLE, problem: 'too_large', message: expect.stringContaining('10000') }]);
    expect(r.bytesRead).toBe(0);
  });

  it('does not read a manifest over 16 MiB (a bomb in its place)', async () => {
    const b = await signedTestBundle(ORIGINALS);
    const entries = b.entries.filter((e) => e.name !== 'manifest.json').map((e) => rawStored(e.name, e.data));
    const r = await verifyBundle(file(rawZip([...entries, rawBomb('manifest.json', 17)])));
    expect(named(r)).toContain('too_large manifest.json');
    expect(r.bytesRead).toBeLessThan(4096);
  });

  it('never decompresses an entry the manifest does not list, and stops a listed one at its size', async () => {
    const b = await signedTestBundle(ORIGINALS);
    const clean = await verifyBundle(file(b.zip));
    const kept = b.entries.map((e) => rawStored(e.name, e.data));
    const added = await verifyBundle(file(rawZip([...kept, rawBomb('originals/EV-0003.jpg', 64)])));
    expect(named(added)).toEqual(['added originals/EV-0003.jpg']);
    expect(added.bytesRead).toBe(clean.bytesRead);
    const replaced = kept.map((e) => (e.name === 'originals/EV-0001.jpg' ? rawBomb(e.name, 64) : e));
    const bomb = await verifyBundle(file(rawZip(replaced)));
    expect(named(bomb)).toEqual(['changed originals/EV-0001.jpg']);
    expect(bomb.problems[0]!.message).toMatch(/larger than manifest.json says/);
    expect(bomb.bytesRead).toBeLessThan(clean.bytesRead + 2 * 1024 * 1024);
  });

  it('names entries with unsafe names (backslash, absolute, climbing) and a second entry of the same name, without reading them', async () => {
    const b = await signedTestBundle(ORIGINALS);
    const kept = b.entries.filter((e) => e.name !== 'originals/EV-0002.pdf').map((e) => rawStored(e.name, e.data));
    const pdf = ORIGINALS[1]!.data;
    const r = await verifyBundle(file(rawZip([...kept, rawStored('originals\\EV-0002.pdf', pdf), rawStored('/etc/cron.d/x', pdf), rawStored('a/../../x', pdf), rawStored('SHA256SUMS', Buffer.from('x'))])));
    expect(named(r)).toEqual([
      'added SHA256SUMS', 'removed originals/EV-0002.pdf', 'unsafe_path /etc/cron.d/x', 'unsafe_path a/../../x', 'unsafe_path originals\\EV-0002.pdf',
    ]);
  });

  it('a signed SHA256SUMS that does not list the manifest\'s items is a manifest problem', async () => {
    const b = await signedTestBundle(ORIGINALS, (_m, sums) => { sums.text = sums.text.split('\n')[0]! + '\n'; });
    const r = await verifyBundle(file(b.zip));
    expect(r.problems).toEqual([{ path: 'SHA256SUMS', problem: 'manifest', message: expect.stringMatching(/does not list the items/) }]);
  });

  it('a bundle without its signing files names each one missing', async () => {
    const b = await signedTestBundle(ORIGINALS);
    const r = await verifyBundle(file(await writeZip(b.entries.filter((e) => !['manifest.sig', 'public-key.pem'].includes(e.name)))));
    expect(named(r)).toEqual(['removed manifest.sig', 'removed public-key.pem']);
    expect(r.fingerprint).toBeNull();
  });
});
