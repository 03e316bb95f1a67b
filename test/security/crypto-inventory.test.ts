/**
 * The crypto inventory: ciphers, MACs and KDFs are touched only in src/crypto; the only cipher is
 * an AEAD (AES-256-GCM) — no CBC, CTR, ECB or other unauthenticated mode anywhere in the source;
 * KDF parameters are at or above their floors; every primitive module has known-answer tests beside
 * it; non-ASCII passphrases are encoded one way (UTF-8, NFC) whatever form they are typed in.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { argon2id, CUSTODIAN_ARGON2, PASSWORD_ARGON2 } from '../../src/crypto/kdf.js';
import { createKeyring, unwrapWithPassphrase, keyringFileSchema } from '../../src/crypto/keyring.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
const source = files(join(ROOT, 'src')).filter((f) => !/\.test\.tsx?$/.test(f));
const rel = (f: string) => relative(ROOT, f);

describe('crypto inventory', () => {
  it('ciphers, MACs, KDFs and Web Crypto appear only in src/crypto', () => {
    const primitive = /\b(createCipheriv|createDecipheriv|createHmac|hkdfSync|hkdf\(|pbkdf2|scrypt|createSign|createVerify|publicEncrypt|privateDecrypt|generateKeyPair|subtle\.|webcrypto)\b|from '@node-rs\/argon2'|from 'otpauth'/;
    const outside = source.filter((f) => !rel(f).startsWith('src/crypto/') && primitive.test(readFileSync(f, 'utf8'))).map(rel);
    expect(outside).toEqual([]);
  });

  it('the only cipher is AES-256-GCM; no unauthenticated mode is named anywhere in the source', () => {
    const modes = new Set<string>();
    for (const f of source) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/create(?:De)?[cC]ipheriv\(\s*'([^']+)'/g)) modes.add(m[1]!);
      // OpenSSL cipher names: family-bits-mode (aes-128-cbc, camellia-256-ctr …), DES variants, RC2/4, Blowfish, CAST, ChaCha20
      for (const m of text.matchAll(/'((?:aes|aria|camellia|sm4)-\d{3}-[a-z0-9-]+|(?:id-)?aes\d{3}-[a-z0-9-]+|des(?:3|-ede3?)?(?:-[a-z0-9]+)?|rc[24](?:-[a-z0-9]+)?|bf-[a-z0-9]+|cast5?-[a-z0-9]+|chacha20(?:-poly1305)?|sm4|aes)'/gi)) {
        if (!/^aes-256-gcm(-stream-v1)?$/.test(m[1]!)) modes.add(`${m[1]} in ${rel(f)}`);
      }
    }
    expect([...modes]).toEqual(['aes-256-gcm']);
  });

  it('every module in src/crypto that wraps a primitive has its tests beside it', () => {
    const dir = join(ROOT, 'src', 'crypto');
    const modules = readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));
    // random.ts only draws random bytes and hashes tokens (covered through keyring and session tests)
    const wraps = modules.filter((n) => /createCipheriv|createHmac|hkdfSync|from '@node-rs\/argon2'|from 'otpauth'|from '\.\/aead\.js'/.test(readFileSync(join(dir, n), 'utf8')) && n !== 'random.ts');
    expect(wraps.length).toBeGreaterThanOrEqual(7);
    for (const n of wraps) {
      const test = join(dir, n.replace(/\.ts$/, '.test.ts'));
      expect(existsSync(test), `${n} has no test beside it`).toBe(true);
      expect(readFileSync(test, 'utf8'), `${n}'s test has no known answer`).toMatch(/known[- ]answer|RFC \d+|test vector|independent/i);
    }
  });

  it('KDF parameters are at or above their floors', () => {
    // custodian passphrases guard the data at rest against offline guessing: Argon2id ≥ 64 MiB
    expect(CUSTODIAN_ARGON2.m).toBeGreaterThanOrEqual(64 * 1024);
    expect(CUSTODIAN_ARGON2.t).toBeGreaterThanOrEqual(3);
    // account passwords are verified online only (their hashes live inside the encrypted store, and
    // sign-in is rate-limited and locks): OWASP's Argon2id minimum, m = 19 MiB, t = 2
    expect(PASSWORD_ARGON2.m).toBeGreaterThanOrEqual(19 * 1024);
    expect(PASSWORD_ARGON2.t).toBeGreaterThanOrEqual(2);
    // a keyring file asking for less than the floor is refused, whoever wrote it
    const slot = { id: 'c1', kdf: { alg: 'argon2id', m: 32 * 1024, t: 3, p: 1, salt: 'AAAA' }, wrapped: 'AAAA' };
    const file = { format: 'bitacora-keyring', version: 1, id: 'k', createdAt: 'x', custodians: [slot], recovery: { kdf: { alg: 'hkdf-sha256', salt: 'AAAA' }, wrapped: 'AAAA' } };
    expect(keyringFileSchema.safeParse(file).success).toBe(false);
    expect(keyringFileSchema.safeParse({ ...file, custodians: [{ ...slot, kdf: { ...slot.kdf, m: 64 * 1024 } }] }).success).toBe(true);
  });

  it('non-ASCII passphrases: one known answer (UTF-8, NFC), and any Unicode form opens the keyring', async () => {
    const phrase = 'contraseña ñandú 🌵 — Ünïcödé';
    // the primitive itself is checked against the reference vector in src/crypto/kdf.test.ts; this pins
    // how text becomes bytes (UTF-8 of the NFC form), so a change of encoding cannot pass unnoticed
    const out = await argon2id(phrase.normalize('NFC'), Buffer.from('bitacora-salt-16'), { m: 65536, t: 3, p: 1 });
    expect(out.toString('hex')).toBe('7648a4b12f825b7e2eaa572e6a9079496717d9e1d470c7da359e4e5126ec58e1');
    const bytes = await argon2id(Buffer.from(phrase.normalize('NFC'), 'utf8'), Buffer.from('bitacora-salt-16'), { m: 65536, t: 3, p: 1 });
    expect(bytes.equals(out)).toBe(true);
    const { file, masterKey } = await createKeyring(phrase.normalize('NFD'), CUSTODIAN_ARGON2);
    expect((await unwrapWithPassphrase(file, phrase.normalize('NFC'))).equals(masterKey)).toBe(true);
    expect((await unwrapWithPassphrase(file, phrase.normalize('NFKD').normalize('NFC'))).equals(masterKey)).toBe(true);
  });
});
