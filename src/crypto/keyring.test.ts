import { describe, it, expect } from 'vitest';
import { createKeyring, unwrapWithPassphrase, unwrapWithRecoveryKey, withCustodian, WrongSecretError, keyringFileSchema, deriveSubkey } from './keyring.js';
import { decodeRecoveryKey, encodeRecoveryKey } from './random.js';

describe('keyring', () => {
  it('opens a keyring written by version 1 (known answer: the same master key, by passphrase and by recovery key, and the same sub-keys)', async () => {
    // written once by createKeyring('frase de prueba ñandú 2026'); a change of format, KDF or encoding fails here
    const file = keyringFileSchema.parse({"format": "bitacora-keyring", "version": 1, "id": "4bd29d46-3017-4717-bbc6-109639a47211", "createdAt": "2026-11-28T16:24:51.719Z", "custodians": [{"id": "custodian-1", "kdf": {"alg": "argon2id", "m": 65536, "t": 3, "p": 1, "salt": "YwO9evDs2HZa9OU7YJqMmw=="}, "wrapped": "Pe6QS0AsIcEmoOZO73YlCMG2BOpJOx0NSIF85rMx6/1RZoWe6ABdFrSamgHPnhb0ZKcZB5XoAoWmH4te"}], "recovery": {"kdf": {"alg": "hkdf-sha256", "salt": "znMkczuCHg76KfM8k8k09A=="}, "wrapped": "UE/ysoyIVWXxHJS+NwsKQlDN+K7lnx+cUXS65n/cTbSh0RO72uogdyEqnyGnSDDvhXKLrrGwmIvxw8Im"}});
    const master = (await unwrapWithPassphrase(file, 'frase de prueba ñandú 2026')).toString('hex');
    expect(master).toBe('e34d2e6cb602a898073f03daf70d44f4210a94b16ca1f48f080020587440dd40');
    expect(unwrapWithRecoveryKey(file, 'N39V-7JD7-SHEZ-5H6E-1KYV-XY4F-WKJF-2B70-2YZ8-74BZ-6AMV-GFZY-R030').toString('hex')).toBe(master);
    expect(deriveSubkey(Buffer.from(master, 'hex'), 'fields', file.id).toString('hex')).toBe('dc793a1c0eae23b46670cf65b7748a90ab12a61c9796cca4956236c3061abd88');
  });

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
