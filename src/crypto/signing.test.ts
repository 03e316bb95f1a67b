import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { fingerprint, generateSigningKeyPair, privateDerFromSeed, publicPemOf, rawPublicKey, sign, verify } from './signing.js';

const hex = (s: string) => Buffer.from(s, 'hex');

// RFC 8032 §7.1, Ed25519 TEST 1, 2 and 3 (secret key = 32-byte seed)
const VECTORS = [
  {
    name: 'TEST 1 (empty message)',
    seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    name: 'TEST 2 (one byte)',
    seed: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    name: 'TEST 3 (two bytes)',
    seed: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    publicKey: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    message: 'af82',
    signature: '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
];

describe('Ed25519 signatures', () => {
  for (const v of VECTORS) {
    it(`matches RFC 8032 §7.1 ${v.name}: public key and signature bytes`, () => {
      const der = privateDerFromSeed(hex(v.seed));
      expect(der.toString('hex')).toBe(`302e020100300506032b657004220420${v.seed}`);
      const pem = publicPemOf(der);
      expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);
      expect(rawPublicKey(pem)!.toString('hex')).toBe(v.publicKey);
      const sig = sign(der, hex(v.message));
      expect(sig).toHaveLength(64);
      expect(sig.toString('hex')).toBe(v.signature);
      expect(verify(pem, hex(v.message), hex(v.signature))).toBe(true);
      expect(fingerprint(pem)).toBe(createHash('sha256').update(hex(v.publicKey)).digest('hex'));
    });
  }

  it('a fingerprint is a known answer: SHA-256 of the raw key of TEST 1', () => {
    const pem = publicPemOf(privateDerFromSeed(hex(VECTORS[0]!.seed)));
    // computed independently: printf d75a98…511a | xxd -r -p | sha256sum
    expect(fingerprint(pem)).toBe('21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9');
  });

  it('any flipped bit of the message or the signature, or another key, fails to verify', () => {
    const v = VECTORS[2]!;
    const pem = publicPemOf(privateDerFromSeed(hex(v.seed)));
    const sig = hex(v.signature);
    const msg = hex(v.message);
    for (let i = 0; i < sig.length; i++) {
      for (const bit of [0, 5]) {
        const t = Buffer.from(sig);
        t[i]! ^= 1 << bit;
        expect(verify(pem, msg, t), `signature byte ${i} bit ${bit}`).toBe(false);
      }
    }
    for (let i = 0; i < msg.length; i++) {
      const t = Buffer.from(msg);
      t[i]! ^= 0x01;
      expect(verify(pem, t, sig)).toBe(false);
    }
    expect(verify(pem, Buffer.concat([msg, Buffer.from([0])]), sig)).toBe(false);
    const other = publicPemOf(privateDerFromSeed(hex(VECTORS[1]!.seed)));
    expect(verify(other, msg, sig)).toBe(false);
  });

  it('garbage keys and signatures verify as false, never a throw', () => {
    const v = VECTORS[0]!;
    const pem = publicPemOf(privateDerFromSeed(hex(v.seed)));
    const sig = hex(v.signature);
    expect(verify(pem, Buffer.alloc(0), sig.subarray(0, 63))).toBe(false);
    expect(verify(pem, Buffer.alloc(0), Buffer.concat([sig, Buffer.from([0])]))).toBe(false);
    expect(verify(pem, Buffer.alloc(0), Buffer.alloc(0))).toBe(false);
    expect(verify('not a key', Buffer.alloc(0), sig)).toBe(false);
    expect(verify('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n', Buffer.alloc(0), sig)).toBe(false);
    expect(verify('', Buffer.alloc(0), sig)).toBe(false);
    // a private key offered as the public one is refused too
    const privatePem = `-----BEGIN PRIVATE KEY-----\n${privateDerFromSeed(hex(v.seed)).toString('base64')}\n-----END PRIVATE KEY-----\n`;
    expect(verify(privatePem, Buffer.alloc(0), sig)).toBe(false);
    expect(fingerprint('not a key')).toBeUndefined();
    expect(fingerprint(privatePem)).toBeUndefined();
  });

  it('makes fresh key pairs that sign and verify, each with its own fingerprint', () => {
    const a = generateSigningKeyPair();
    const b = generateSigningKeyPair();
    expect(a.privateDer).toHaveLength(48);
    expect(publicPemOf(a.privateDer)).toBe(a.publicPem);
    expect(fingerprint(a.publicPem)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint(a.publicPem)).not.toBe(fingerprint(b.publicPem));
    const m = Buffer.from('manifest', 'utf8');
    expect(verify(a.publicPem, m, sign(a.privateDer, m))).toBe(true);
    expect(verify(b.publicPem, m, sign(a.privateDer, m))).toBe(false);
    expect(() => sign(Buffer.from('not a key'), m)).toThrow();
  });
});
