import { describe, it, expect } from 'vitest';
import { createKeyring, unwrapWithPassphrase, unwrapWithRecoveryKey, withCustodian, WrongSecretError, keyringFileSchema, deriveSubkey } from './keyring.js';
import { decodeRecoveryKey, encodeRecoveryKey } from './random.js';

describe('keyring', () => {
  it('wraps a random master key under the passphrase and the recovery key', async () => {
    const { file, masterKey, recoveryKey } = await createKeyring('una frase de paso larga');
    expect(keyringFileSchema.parse(JSON.parse(JSON.stringify(file)))).toEqual(file);
    expect(file.custodians[0]?.kdf.m).toBeGreaterThanOrEqual(65536);
    const text = JSON.stringify(file);
    expect(text).not.toContain(masterKey.toString('base64'));
    expect(text).not.toContain(masterKey.toString('hex'));
    expect((await unwrapWithPassphrase(file, 'una frase de paso larga')).equals(masterKey)).toBe(true);
    expect(unwrapWithRecoveryKey(file, recoveryKey).equals(masterKey)).toBe(true);
    expect(unwrapWithRecoveryKey(file, recoveryKey.toLowerCase().replace(/-/g, ' ')).equals(masterKey)).toBe(true);
  });

  it('rejects a wrong passphrase or recovery key', async () => {
    const { file } = await createKeyring('una frase de paso larga');
    await expect(unwrapWithPassphrase(file, 'otra frase de paso larga')).rejects.toBeInstanceOf(WrongSecretError);
    expect(() => unwrapWithRecoveryKey(file, 'AAAA-BBBB')).toThrow(WrongSecretError);
    expect(() => unwrapWithRecoveryKey(file, encodeRecoveryKey(Buffer.alloc(32, 9)))).toThrow(WrongSecretError);
  });

  it('binds each slot to its keyring: a slot moved into another keyring does not open', async () => {
    const a = await createKeyring('una frase de paso larga');
    const b = await createKeyring('una frase de paso larga');
    const forged = { ...b.file, custodians: a.file.custodians };
    await expect(unwrapWithPassphrase(forged, 'una frase de paso larga')).rejects.toBeInstanceOf(WrongSecretError);
  });

  it('adds a second custodian', async () => {
    const { file, masterKey } = await createKeyring('una frase de paso larga');
    const two = await withCustodian(file, masterKey, 'custodian-2', 'segunda frase de paso');
    expect(two.custodians).toHaveLength(2);
    expect((await unwrapWithPassphrase(two, 'segunda frase de paso')).equals(masterKey)).toBe(true);
  });

  it('refuses short passphrases', async () => {
    await expect(createKeyring('corta')).rejects.toThrow(/12/);
  });

  it('derives distinct sub-keys per purpose', () => {
    const mk = Buffer.alloc(32, 5);
    expect(deriveSubkey(mk, 'sqlite', 'k').equals(deriveSubkey(mk, 'cookie', 'k'))).toBe(false);
    expect(deriveSubkey(mk, 'sqlite', 'k').equals(deriveSubkey(mk, 'sqlite', 'k'))).toBe(true);
  });

  it('recovery key encoding round-trips and rejects junk', () => {
    const k = Buffer.alloc(32, 0xa7);
    expect(decodeRecoveryKey(encodeRecoveryKey(k))?.equals(k)).toBe(true);
    expect(decodeRecoveryKey('not a key!')).toBeNull();
    expect(decodeRecoveryKey('')).toBeNull();
  });
});
