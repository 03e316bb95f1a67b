import { describe, it, expect } from 'vitest';
import {
  BUNDLE_FORMAT, bundleCapture, bundleManifestSchema, bundleMetadata, consentRefusal, isSafeBundlePath, isUnsafeEntryName, manifestBytes, originalPath, sha256sums,
  type BundleManifest,
} from './bundle-manifest.js';

const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);

function sample(): BundleManifest {
  return {
    format: BUNDLE_FORMAT,
    bundleId: '6f1c2a9e-3b7d-4c1e-9a2b-0d4e5f6a7b8c',
    createdAt: '2026-11-29T10:00:00.000Z',
    purpose: 'legal_action',
    workspace: { name: 'Red de prueba' },
    organisation: { name: 'Casa del Migrante' },
    signer: { algorithm: 'ed25519', fingerprint: 'c'.repeat(64) },
    files: [
      { path: 'originals/EV-0001.jpg', sha256: H1, size: 10 },
      { path: 'SHA256SUMS', sha256: H2, size: 88 },
    ],
    items: [{
      ref: 'EV-0001', kind: 'photo', mediaType: 'image/jpeg', size: 10, sha256: H1, path: 'originals/EV-0001.jpg', receivedAt: '2026-11-28T09:00:00.000Z',
      captureMetadata: { takenAt: '2026:11:27 18:02:11', gps: { lat: 25.43, lon: -101 } }, onlineCapture: null, parentRef: null,
      custody: [{ at: '2026-11-28T09:00:00.000Z', action: 'evidence.receive', user: '11111111-1111-4111-8111-111111111111' }],
    }],
  };
}

describe('evidence bundle manifest', () => {
  it('has canonical bytes: keys sorted at every level, 2-space indent, a final newline, whatever the order they were built in', () => {
    const m = sample();
    const reversed = (o: object) => Object.fromEntries(Object.entries(o).reverse());
    const reordered = reversed(m) as BundleManifest;
    const shuffled: BundleManifest = { ...reordered, items: m.items.map((it) => reversed(it) as BundleManifest['items'][number]), signer: { fingerprint: m.signer.fingerprint, algorithm: 'ed25519' } };
    const bytes = manifestBytes(m);
    expect(manifestBytes(shuffled).equals(bytes)).toBe(true);
    const text = bytes.toString('utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "bundleId": "6f1c2a9e')).toBe(true);
    expect(text).toContain('\n      "captureMetadata": {\n        "gps": {\n          "lat": 25.43,\n          "lon": -101\n        },\n        "takenAt"');
    expect(JSON.parse(text)).toEqual(m);
    expect(bundleManifestSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('writes SHA256SUMS exactly as sha256sum does', () => {
    expect(sha256sums([{ path: 'originals/EV-0001.jpg', sha256: H1 }, { path: 'originals/EV-0002.pdf', sha256: H2 }]))
      .toBe(`${H1}  originals/EV-0001.jpg\n${H2}  originals/EV-0002.pdf\n`);
    expect(sha256sums([])).toBe('');
  });

  it('names originals by reference and type, never by their original name', () => {
    expect(originalPath('EV-0001', 'image/jpeg')).toBe('originals/EV-0001.jpg');
    expect(originalPath('EV-0123', 'application/pdf')).toBe('originals/EV-0123.pdf');
    expect(originalPath('EV-10000', 'application/x-unknown')).toBe('originals/EV-10000.bin');
    expect(() => originalPath('../EV-1', 'image/jpeg')).toThrow(/reference/);
    expect(() => originalPath('foto de Juan.jpg', 'image/jpeg')).toThrow(/reference/);
  });

  it('accepts only plain relative paths', () => {
    for (const ok of ['SHA256SUMS', 'originals/EV-0001.jpg', 'a/b-c_d.e']) expect(isSafeBundlePath(ok), ok).toBe(true);
    for (const bad of ['', '/etc/passwd', '../x', 'originals/../../x', 'a\\b', 'a//b', './a', 'a/', 'foto ñ.jpg', 'C:x', 'a\nb', 'x'.repeat(256)]) expect(isSafeBundlePath(bad), bad).toBe(false);
  });

  it('tells zip entry names that must never be read: absolute, climbing, backslash, control characters', () => {
    for (const bad of ['/x', '../../x', 'a/../../x', '..', 'C:/x', 'c:x', 'a\\b', '..\\x', 'a\u0000b', 'a\nb', '']) expect(isUnsafeEntryName(bad), JSON.stringify(bad)).toBe(true);
    for (const ok of ['x', 'originals/EV-0001.jpg', 'foto ñ.jpg', 'a..b', '...']) expect(isUnsafeEntryName(ok), ok).toBe(false);
  });

  it('refuses manifests whose items and files disagree, that list a file twice, a signing file or an unsafe path', () => {
    const bad = (f: (m: BundleManifest) => void) => {
      const m = sample();
      f(m);
      return bundleManifestSchema.safeParse(m);
    };
    expect(bad(() => undefined).success).toBe(true);
    expect(bad((m) => { m.items[0]!.sha256 = H2; }).success).toBe(false);
    expect(bad((m) => { m.items[0]!.size = 11; }).success).toBe(false);
    expect(bad((m) => { m.files.push({ ...m.files[0]! }); }).success).toBe(false);
    expect(bad((m) => { m.files.push({ path: 'manifest.json', sha256: H1, size: 1 }); }).success).toBe(false);
    expect(bad((m) => { m.files[0]!.path = '../EV-0001.jpg'; m.items[0]!.path = '../EV-0001.jpg'; }).success).toBe(false);
    expect(bad((m) => { m.files.splice(1, 1); }).success).toBe(false);
    expect(bad((m) => { (m as { format: string }).format = 'bitacora-evidence-bundle/2'; }).success).toBe(false);
    expect(bad((m) => { (m.items[0]!.custody[0] as Record<string, unknown>)['name'] = 'Rosa'; }).success).toBe(false);
    expect(bad((m) => { (m as Record<string, unknown>)['extra'] = 1; }).success).toBe(false);
  });

  it('carries only the known parts of metadata and captures', () => {
    expect(bundleMetadata(undefined)).toBeNull();
    expect(bundleMetadata({})).toBeNull();
    const odd = { make: 'Apple', width: 4032, gps: { lat: 25.4, lon: Number.NaN }, height: -1, secret: 'x' } as unknown as Parameters<typeof bundleMetadata>[0];
    expect(bundleMetadata(odd)).toEqual({ make: 'Apple', width: 4032 });
    expect(bundleCapture(undefined)).toBeNull();
    const c = { platform: 'facebook', seenAt: '2026-11-28', capturedAt: '2026-11-28T10:00:00.000Z', text: 'amenaza', extra: 'x' } as unknown as Parameters<typeof bundleCapture>[0];
    expect(bundleCapture(c)).toEqual({ platform: 'facebook', seenAt: '2026-11-28', capturedAt: '2026-11-28T10:00:00.000Z', text: 'amenaza' });
  });

  it('says why consent keeps an item out', () => {
    expect(consentRefusal('EV-0003', 'legal_action', 'withdrawn')).toBe('EV-0003: consent for legal action is withdrawn');
    expect(consentRefusal('EV-0004', 'share_partners', 'not_asked')).toBe('EV-0004: consent for sharing with partners was never asked');
  });
});
