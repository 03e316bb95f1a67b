import { describe, it, expect } from 'vitest';
import { argon2id, hkdf, hashPassword, verifyPassword } from './kdf.js';

describe('Argon2id', () => {
  it('matches the reference implementation known answer (m=64 MiB, t=2, p=1)', async () => {
    // phc-winner-argon2 test vector: password "password", salt "somesalt", v=0x13
    const out = await argon2id('password', Buffer.from('somesalt'), { m: 65536, t: 2, p: 1 });
    expect(out.toString('hex')).toBe('09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7');
  });

  it('refuses short salts', async () => {
    await expect(argon2id('x', Buffer.alloc(4), { m: 65536, t: 1, p: 1 })).rejects.toThrow(/salt/);
  });

  it('hashes and verifies passwords in PHC format', async () => {
    const phc = await hashPassword('correct horse battery');
    expect(phc.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(await verifyPassword(phc, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(phc, 'wrong')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});

describe('HKDF-SHA-256', () => {
  it('matches RFC 5869 test case 1', () => {
    const okm = hkdf(Buffer.alloc(22, 0x0b), Buffer.from('000102030405060708090a0b0c', 'hex'), Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex'), 42);
    expect(okm.toString('hex')).toBe('3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
  });
});
