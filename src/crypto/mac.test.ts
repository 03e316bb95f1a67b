import { describe, it, expect } from 'vitest';
import { hmacSha256, macEqual } from './mac.js';

const hex = (s: string) => Buffer.from(s, 'hex');
const ascii = (s: string) => Buffer.from(s, 'ascii');

// RFC 4231 §4.2–4.8, the HMAC-SHA-256 rows
const VECTORS: { name: string; key: Buffer; data: Buffer; mac: string; truncate?: number }[] = [
  { name: 'test case 1', key: Buffer.alloc(20, 0x0b), data: ascii('Hi There'), mac: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7' },
  { name: 'test case 2 (key shorter than the output)', key: ascii('Jefe'), data: ascii('what do ya want for nothing?'), mac: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843' },
  { name: 'test case 3 (50 bytes of data)', key: Buffer.alloc(20, 0xaa), data: Buffer.alloc(50, 0xdd), mac: '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe' },
  { name: 'test case 4 (25-byte key)', key: hex('0102030405060708090a0b0c0d0e0f10111213141516171819'), data: Buffer.alloc(50, 0xcd), mac: '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b' },
  { name: 'test case 5 (truncated to 128 bits)', key: Buffer.alloc(20, 0x0c), data: ascii('Test With Truncation'), mac: 'a3b6167473100ee06e0c796c2955552b', truncate: 16 },
  { name: 'test case 6 (key larger than a block)', key: Buffer.alloc(131, 0xaa), data: ascii('Test Using Larger Than Block-Size Key - Hash Key First'), mac: '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54' },
  {
    name: 'test case 7 (key and data larger than a block)', key: Buffer.alloc(131, 0xaa),
    data: ascii('This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.'),
    mac: '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
  },
];

describe('HMAC-SHA256', () => {
  for (const v of VECTORS) {
    it(`matches RFC 4231 ${v.name}`, () => {
      const mac = hmacSha256(v.key, v.data);
      expect(mac).toHaveLength(32);
      expect(mac.subarray(0, v.truncate ?? 32).toString('hex')).toBe(v.mac);
    });
  }

  it('MACs the concatenation of its parts, strings as UTF-8', () => {
    const key = Buffer.alloc(32, 7);
    expect(hmacSha256(key, 'Hi ', Buffer.from('There'))).toEqual(hmacSha256(key, 'Hi There'));
    expect(hmacSha256(key, 'año')).toEqual(hmacSha256(key, Buffer.from('año', 'utf8')));
    expect(hmacSha256(key, 'a')).not.toEqual(hmacSha256(Buffer.alloc(32, 8), 'a'));
  });

  it('refuses an empty key', () => {
    expect(() => hmacSha256(Buffer.alloc(0), 'x')).toThrow(/empty/);
  });

  it('compares tags in constant time, unequal lengths included', () => {
    const a = hmacSha256(Buffer.alloc(32, 1), 'x');
    expect(macEqual(a, Buffer.from(a))).toBe(true);
    const b = Buffer.from(a);
    b.writeUInt8(b.readUInt8(31) ^ 1, 31);
    expect(macEqual(a, b)).toBe(false);
    expect(macEqual(a, a.subarray(0, 16))).toBe(false);
  });
});
