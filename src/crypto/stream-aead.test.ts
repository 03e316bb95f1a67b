import { describe, it, expect } from 'vitest';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import {
  encryptBuffer, decryptBuffer, encryptStream, decryptStream, newStreamParams, newStreamKey, unwrapStreamKey,
  StreamIntegrityError, StreamOpener, STREAM_ALG, type StreamParams,
} from './stream-aead.js';
import { decryptWithNonce, DecryptionError } from './aead.js';
import { createHash } from 'node:crypto';

const hex = (s: string) => Buffer.from(s, 'hex');
const KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const HEADER = Buffer.from('cabecera de prueba — bitácora', 'utf8');
const PARAMS24: StreamParams = { alg: STREAM_ALG, chunkSize: 24, noncePrefix: Buffer.from('a0a1a2a3a4a5a6a7', 'hex').toString('base64') };
const TEXT = Buffer.from('Señora García vio a dos hombres frente al albergue; KAT 2026.', 'utf8'); // 63 bytes: chunks of 24, 24, 15

// Known answers computed independently with Python's `cryptography` (AESGCM), following the layout
// documented in stream-aead.ts: nonce = prefix ‖ u32 index, AAD = label ‖ SHA-256(header) ‖ u64 index ‖ final.
const KAT_3_CHUNKS = 'ad3c2d193e401305901ea8fa4fdb548ad0fc01dcdaaf39f1e926355c738b84487f3e5c1741b7cec340a33f4b19321ab4b090d74b0fe37ac7f4754140aee5ca2f8447a5892b7b53e410357e499341894aa4f7d0e49d444ac36dda5511d3ede875ef34b90beefacbc777cbde0e657bb1';
const KAT_EXACT_2_CHUNKS = 'ad3c2d193e401305901ea8fa4fdb548ad0fc01dcdaaf39f1e926355c738b84487f3e5c1741b7cec340a33f4b19321ab4b090d74b0fe37ac7f4754140aee5ca2fc7c3f9babee23b02d3214c134bf1fd01';
const KAT_EMPTY = 'a442d1f69b3dc4b7b37b2fa9362ed286';

function expectIntegrityError(fn: () => unknown): void {
  expect(fn).toThrow(StreamIntegrityError);
}

/** Feeds ciphertext to an opener in small pieces, collecting what it releases before failing. */
function released(ct: Buffer, params: StreamParams = PARAMS24, header: Buffer = HEADER, key: Buffer = KEY): { out: Buffer; error: unknown } {
  const pieces: Buffer[] = [];
  try {
    const o = new StreamOpener(key, params, header);
    for (let i = 0; i < ct.length; i += 7) pieces.push(...o.push(ct.subarray(i, i + 7)));
    pieces.push(o.end());
    return { out: Buffer.concat(pieces), error: null };
  } catch (e) {
    return { out: Buffer.concat(pieces), error: e };
  }
}

describe('stream AEAD (chunked AES-256-GCM)', () => {
  it('matches independently computed known answers (3 chunks, exact multiple, empty)', () => {
    expect(encryptBuffer(KEY, PARAMS24, HEADER, TEXT).toString('hex')).toBe(KAT_3_CHUNKS);
    expect(encryptBuffer(KEY, PARAMS24, HEADER, TEXT.subarray(0, 48)).toString('hex')).toBe(KAT_EXACT_2_CHUNKS);
    expect(encryptBuffer(KEY, PARAMS24, HEADER, Buffer.alloc(0)).toString('hex')).toBe(KAT_EMPTY);
    expect(decryptBuffer(KEY, PARAMS24, HEADER, hex(KAT_3_CHUNKS)).equals(TEXT)).toBe(true);
    expect(decryptBuffer(KEY, PARAMS24, HEADER, hex(KAT_EXACT_2_CHUNKS)).equals(TEXT.subarray(0, 48))).toBe(true);
    expect(decryptBuffer(KEY, PARAMS24, HEADER, hex(KAT_EMPTY)).length).toBe(0);
  });

  it('lays out nonce and AAD as documented (chunk 1 opens with plain AES-GCM)', () => {
    const ct = hex(KAT_3_CHUNKS);
    const chunk1 = ct.subarray(40, 80);
    const nonce = Buffer.concat([hex('a0a1a2a3a4a5a6a7'), hex('00000001')]);
    const aad = Buffer.concat([Buffer.from('bitacora/stream/v1'), createHash('sha256').update(HEADER).digest(), hex('0000000000000001'), hex('00')]);
    expect(decryptWithNonce(KEY, nonce, chunk1.subarray(0, 24), chunk1.subarray(24), aad).equals(TEXT.subarray(24, 48))).toBe(true);
  });

  it('round-trips every size around chunk boundaries, fed in odd pieces', () => {
    const params = newStreamParams(64);
    const key = randomBytes(32);
    for (const n of [0, 1, 63, 64, 65, 127, 128, 129, 64 * 5 + 3]) {
      const data = randomBytes(n);
      const ct = encryptBuffer(key, params, HEADER, data);
      expect(ct.length).toBe(n + 16 * Math.max(1, Math.ceil(n / 64)));
      const r = released(ct, params, HEADER, key);
      expect(r.error).toBeNull();
      expect(r.out.equals(data)).toBe(true);
    }
  });

  it('streams a multi-megabyte source through async generators with 64 KiB chunks', async () => {
    const params = newStreamParams();
    expect(params.chunkSize).toBe(65536);
    const key = randomBytes(32);
    const data = randomBytes(3 * 1024 * 1024 + 12345);
    const pieces = (buf: Buffer) => Readable.from((function* () { for (let i = 0; i < buf.length; i += 10_000) yield buf.subarray(i, i + 10_000); })());
    const ct: Buffer[] = [];
    for await (const c of encryptStream(key, params, HEADER, pieces(data))) ct.push(c);
    const sealed = Buffer.concat(ct);
    expect(sealed.includes(data.subarray(1000, 1032))).toBe(false);
    const out: Buffer[] = [];
    for await (const c of decryptStream(key, params, HEADER, pieces(sealed))) out.push(c);
    expect(Buffer.concat(out).equals(data)).toBe(true);
  });

  it('a flipped bit anywhere — header, chunk, tag, nonce prefix — is an integrity error, never garbage', () => {
    const ct = hex(KAT_3_CHUNKS);
    // every bit of the ciphertext, tags included
    for (let byte = 0; byte < ct.length; byte++) {
      for (const bit of [0, 7]) {
        const t = Buffer.from(ct);
        t[byte] = t[byte]! ^ (1 << bit);
        const r = released(t);
        expect(r.error, `byte ${byte} bit ${bit}`).toBeInstanceOf(StreamIntegrityError);
        // what came out before the failure is exactly the genuine plaintext of the chunks before it
        expect(TEXT.subarray(0, r.out.length).equals(r.out)).toBe(true);
        expect(r.out.length).toBeLessThanOrEqual(Math.floor(byte / 40) * 24);
      }
    }
    // every bit of the header
    for (let byte = 0; byte < HEADER.length; byte++) {
      const h = Buffer.from(HEADER);
      h[byte] = h[byte]! ^ 1;
      const r = released(ct, PARAMS24, h);
      expect(r.error).toBeInstanceOf(StreamIntegrityError);
      expect(r.out.length).toBe(0);
    }
    // the nonce prefix
    const prefix = hex('a0a1a2a3a4a5a6a7');
    prefix[3] = prefix[3]! ^ 0x10;
    expect(released(ct, { ...PARAMS24, noncePrefix: prefix.toString('base64') }).error).toBeInstanceOf(StreamIntegrityError);
    // the key
    const key = Buffer.from(KEY);
    key[31] = key[31]! ^ 1;
    expect(released(ct, PARAMS24, HEADER, key).error).toBeInstanceOf(StreamIntegrityError);
    // another chunk size
    expect(released(ct, { ...PARAMS24, chunkSize: 32 }).error).toBeInstanceOf(StreamIntegrityError);
  });

  it('detects truncation (at a chunk boundary, mid-chunk, to nothing), reordering, duplication and appended data', () => {
    const ct = hex(KAT_3_CHUNKS);
    const c0 = ct.subarray(0, 40);
    const c1 = ct.subarray(40, 80);
    const c2 = ct.subarray(80);
    expectIntegrityError(() => decryptBuffer(KEY, PARAMS24, HEADER, Buffer.concat([c0, c1]))); // last chunk dropped
    expectIntegrityError(() => decryptBuffer(KEY, PARAMS24, HEADER, c0)); // two dropped
    expectIntegrityError(() => decryptBuffer(KEY, PARAMS24, HEADER, ct.subarray(0, ct.length - 1))); // tag cut
    expectIntegrityError(() => decryptBuffer(KEY, PARAMS24, HEADER, ct.subarray(0, 50))); // mid-chunk
    expectIntegrityError(() => decryptBuffer(KEY, PARAMS24, HEADER, ct.subarray(0, 10))); // shorter than a tag
    expectIntegrityError(() => decryptBuffer(KEY, PARAMS24, HEADER, Buffer.alloc(0))); // nothing at all
    expectIntegrityError(() => decryptBuffer(KEY, PARAMS24, HEADER, Buffer.concat([c1, c0, c2]))); // swapped
    expectIntegrityError(() => decryptBuffer(KEY, PARAMS24, HEADER, Buffer.concat([c0, c0, c1, c2]))); // duplicated
    expectIntegrityError(() => decryptBuffer(KEY, PARAMS24, HEADER, Buffer.concat([ct, Buffer.from([0])]))); // one byte appended
    expectIntegrityError(() => decryptBuffer(KEY, PARAMS24, HEADER, Buffer.concat([ct, c2]))); // a chunk appended
    // an exact-multiple stream cut at its last boundary
    const exact = hex(KAT_EXACT_2_CHUNKS);
    expectIntegrityError(() => decryptBuffer(KEY, PARAMS24, HEADER, exact.subarray(0, 40)));
    // the same chunks from another stream (other header) do not splice in
    const other = encryptBuffer(KEY, PARAMS24, Buffer.from('otra cabecera'), TEXT);
    expectIntegrityError(() => decryptBuffer(KEY, PARAMS24, HEADER, Buffer.concat([c0, other.subarray(40, 80), c2])));
  });

  it('async decryption throws the integrity error instead of yielding a bad chunk', async () => {
    const ct = Buffer.from(hex(KAT_3_CHUNKS));
    ct[45] = ct[45]! ^ 4;
    const out: Buffer[] = [];
    await expect((async () => { for await (const c of decryptStream(KEY, PARAMS24, HEADER, Readable.from([ct]))) out.push(c); })()).rejects.toBeInstanceOf(StreamIntegrityError);
    expect(Buffer.concat(out).equals(TEXT.subarray(0, 24)) || out.length === 0).toBe(true);
  });

  it('refuses unknown parameters and uses fresh random prefixes', () => {
    expect(() => new StreamOpener(KEY, { ...PARAMS24, alg: 'aes-128-ctr' as typeof STREAM_ALG }, HEADER)).toThrow(StreamIntegrityError);
    expect(() => new StreamOpener(KEY, { ...PARAMS24, chunkSize: 0 }, HEADER)).toThrow(StreamIntegrityError);
    expect(() => new StreamOpener(Buffer.alloc(16), PARAMS24, HEADER)).toThrow(RangeError);
    expect(newStreamParams().noncePrefix).not.toBe(newStreamParams().noncePrefix);
  });

  it('wraps a fresh content key per stream, bound to its binding', () => {
    const wrapping = randomBytes(32);
    const a = newStreamKey(wrapping, 'backup/1');
    const b = newStreamKey(wrapping, 'backup/1');
    expect(a.key.equals(b.key)).toBe(false);
    expect(unwrapStreamKey(wrapping, a.wrapped, 'backup/1').equals(a.key)).toBe(true);
    expect(() => unwrapStreamKey(wrapping, a.wrapped, 'backup/2')).toThrow(DecryptionError);
    expect(() => unwrapStreamKey(randomBytes(32), a.wrapped, 'backup/1')).toThrow(DecryptionError);
    const t = Buffer.from(a.wrapped, 'base64');
    t[20] = t[20]! ^ 1;
    expect(() => unwrapStreamKey(wrapping, t.toString('base64'), 'backup/1')).toThrow(DecryptionError);
  });
});
