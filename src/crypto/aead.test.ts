import { describe, it, expect } from 'vitest';
import { encryptWithNonce, decryptWithNonce, seal, open, DecryptionError } from './aead.js';

const hex = (s: string) => Buffer.from(s, 'hex');

// Known-answer vectors: "The Galois/Counter Mode of Operation (GCM)", McGrew & Viega, test cases 13, 14 and 16 (AES-256).
const vectors = [
  { name: 'TC13', key: '00'.repeat(32), iv: '00'.repeat(12), pt: '', aad: '', ct: '', tag: '530f8afbc74536b9a963b4f1c4cb738b' },
  { name: 'TC14', key: '00'.repeat(32), iv: '00'.repeat(12), pt: '00'.repeat(16), aad: '', ct: 'cea7403d4d606b6e074ec5d3baf39d18', tag: 'd0d1c8a799996bf0265b98b5d48ab919' },
  {
    name: 'TC16',
    key: 'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308',
    iv: 'cafebabefacedbaddecaf888',
    pt: 'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
    aad: 'feedfacedeadbeeffeedfacedeadbeefabaddad2',
    ct: '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662',
    tag: '76fc6ece0f4e1768cddf8853bb2d551b',
  },
];

describe('AES-256-GCM', () => {
  for (const v of vectors) {
    it(`matches known answer ${v.name}`, () => {
      const { ciphertext, tag } = encryptWithNonce(hex(v.key), hex(v.iv), hex(v.pt), hex(v.aad));
      expect(ciphertext.toString('hex')).toBe(v.ct);
      expect(tag.toString('hex')).toBe(v.tag);
      expect(decryptWithNonce(hex(v.key), hex(v.iv), hex(v.ct), hex(v.tag), hex(v.aad)).toString('hex')).toBe(v.pt);
    });
  }

  it('round-trips and rejects a changed byte, a wrong key or a different binding', () => {
    const key = Buffer.alloc(32, 1);
    const packed = seal(key, Buffer.from('hola'), Buffer.from('incident/1/title'));
    expect(open(key, packed, Buffer.from('incident/1/title')).toString()).toBe('hola');
    const tampered = Buffer.from(packed);
    tampered[14] = (tampered[14] ?? 0) ^ 1;
    expect(() => open(key, tampered, Buffer.from('incident/1/title'))).toThrow(DecryptionError);
    expect(() => open(Buffer.alloc(32, 2), packed, Buffer.from('incident/1/title'))).toThrow(DecryptionError);
    expect(() => open(key, packed, Buffer.from('incident/2/title'))).toThrow(DecryptionError);
    expect(() => open(key, packed.subarray(0, 10))).toThrow(DecryptionError);
  });

  it('uses a fresh nonce each time', () => {
    const key = Buffer.alloc(32, 3);
    expect(seal(key, Buffer.from('x')).equals(seal(key, Buffer.from('x')))).toBe(false);
  });
});
