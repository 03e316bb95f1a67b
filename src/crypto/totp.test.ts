import { describe, it, expect } from 'vitest';
import {
  totpCode, totpCodeAtStep, totpStep, verifyTotp, totpUri, totpSecretText, totpSecretFromText, newTotpSecret,
  sealTotpSecret, openTotpSecret, newRecoveryCodes, normaliseRecoveryCode, recoveryCodeDigest,
} from './totp.js';
import { DecryptionError } from './aead.js';

const ascii = (s: string) => Buffer.from(s, 'ascii');
// RFC 6238 Appendix B: the seed for each HMAC is the ASCII "1234567890" repeated to the hash's length.
const SEED = { SHA1: ascii('12345678901234567890'), SHA256: ascii('12345678901234567890123456789012'), SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234') } as const;

const RFC6238 = [
  { t: 59, SHA1: '94287082', SHA256: '46119246', SHA512: '90693936' },
  { t: 1111111109, SHA1: '07081804', SHA256: '68084774', SHA512: '25091201' },
  { t: 1111111111, SHA1: '14050471', SHA256: '67062674', SHA512: '99943326' },
  { t: 1234567890, SHA1: '89005924', SHA256: '91819424', SHA512: '93441116' },
  { t: 2000000000, SHA1: '69279037', SHA256: '90698825', SHA512: '38618901' },
  { t: 20000000000, SHA1: '65353130', SHA256: '77737706', SHA512: '47863826' },
];

// RFC 4226 Appendix D: HOTP values for counters 0…9 with the SHA-1 seed.
const RFC4226 = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];

describe('TOTP known answers', () => {
  for (const v of RFC6238) {
    for (const alg of ['SHA1', 'SHA256', 'SHA512'] as const) {
      it(`RFC 6238 T=${v.t} ${alg}`, () => {
        expect(totpCode(SEED[alg], v.t * 1000, { digits: 8, algorithm: alg })).toBe(v[alg]);
      });
    }
  }
  it('RFC 4226 HOTP counters 0…9 (6 digits, SHA-1: what authenticator apps use)', () => {
    expect(RFC4226.map((_, i) => totpCodeAtStep(SEED.SHA1, i))).toEqual(RFC4226);
  });
  it('steps are 30 seconds', () => {
    expect(totpStep(59_000)).toBe(1);
    expect(totpStep(60_000)).toBe(2);
    expect(totpStep(1111111109_000)).toBe(37037036);
  });
});

describe('verifyTotp', () => {
  const secret = SEED.SHA1;
  const t = 1_800_000_000_000; // a step boundary falls every 30 s
  const step = totpStep(t);

  it('accepts the current code and one step either side, answering the matched step', () => {
    expect(verifyTotp(secret, totpCodeAtStep(secret, step), t, null)).toBe(step);
    expect(verifyTotp(secret, totpCodeAtStep(secret, step - 1), t, null)).toBe(step - 1);
    expect(verifyTotp(secret, totpCodeAtStep(secret, step + 1), t, null)).toBe(step + 1);
  });
  it('refuses codes two steps away, wrong codes and malformed input', () => {
    expect(verifyTotp(secret, totpCodeAtStep(secret, step - 2), t, null)).toBeNull();
    expect(verifyTotp(secret, totpCodeAtStep(secret, step + 2), t, null)).toBeNull();
    const right = totpCodeAtStep(secret, step);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyTotp(secret, wrong, t, null)).toBeNull();
    expect(verifyTotp(secret, '12345', t, null)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', t, null)).toBeNull();
    expect(verifyTotp(secret, `${right}0`, t, null)).toBeNull();
  });
  it('accepts spaces inside a code ("123 456")', () => {
    const c = totpCodeAtStep(secret, step);
    expect(verifyTotp(secret, `${c.slice(0, 3)} ${c.slice(3)}`, t, null)).toBe(step);
  });
  it('refuses a replay: the step last used, and any earlier one', () => {
    const c = totpCodeAtStep(secret, step);
    expect(verifyTotp(secret, c, t, step)).toBeNull();
    expect(verifyTotp(secret, totpCodeAtStep(secret, step - 1), t, step - 1)).toBeNull();
    expect(verifyTotp(secret, totpCodeAtStep(secret, step - 1), t, step)).toBeNull();
    // a later code is still good after an earlier one was used
    expect(verifyTotp(secret, totpCodeAtStep(secret, step + 1), t, step)).toBe(step + 1);
  });
  it('refuses a code made from another secret', () => {
    const other = SEED.SHA256; // a fixed other secret, so the test is deterministic
    expect(totpCodeAtStep(other, step)).not.toBe(totpCodeAtStep(secret, step));
    expect(verifyTotp(secret, totpCodeAtStep(other, step), t, null)).toBeNull();
  });
});

describe('enrolment material', () => {
  it('makes 160-bit secrets, base32 text and an otpauth:// URI apps read', () => {
    const s = newTotpSecret();
    expect(s.length).toBe(20);
    expect(newTotpSecret().equals(s)).toBe(false);
    expect(totpSecretText(SEED.SHA1)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(totpSecretFromText('gezd gnbv gy3t qojq gezd gnbv gy3t qojq').equals(SEED.SHA1)).toBe(true);
    expect(totpSecretFromText(totpSecretText(s)).equals(s)).toBe(true);
    const uri = new URL(totpUri(SEED.SHA1, 'Bitácora', 'rosa@example.org'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('secret')).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(uri.searchParams.get('issuer')).toBe('Bitácora');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    expect(uri.searchParams.get('algorithm')).toBe('SHA1');
    expect(decodeURIComponent(uri.pathname)).toContain('rosa@example.org');
  });
});

describe('sealed secret', () => {
  const key = Buffer.alloc(32, 7);
  it('round-trips for its user and holds no plaintext', () => {
    const s = newTotpSecret();
    const sealed = sealTotpSecret(key, 'user-a', s);
    expect(Buffer.from(sealed, 'base64').includes(s)).toBe(false);
    expect(sealed).not.toContain(totpSecretText(s));
    expect(openTotpSecret(key, 'user-a', sealed).equals(s)).toBe(true);
    expect(sealTotpSecret(key, 'user-a', s)).not.toBe(sealed); // fresh nonce each time
  });
  it('will not open for another user, under another key, or altered', () => {
    const sealed = sealTotpSecret(key, 'user-a', newTotpSecret());
    expect(() => openTotpSecret(key, 'user-b', sealed)).toThrow(DecryptionError);
    expect(() => openTotpSecret(Buffer.alloc(32, 8), 'user-a', sealed)).toThrow(DecryptionError);
    const bytes = Buffer.from(sealed, 'base64');
    bytes[14] = bytes[14]! ^ 1;
    expect(() => openTotpSecret(key, 'user-a', bytes.toString('base64'))).toThrow(DecryptionError);
  });
});

describe('recovery codes', () => {
  const key = Buffer.alloc(32, 9);
  it('are ten distinct XXXX-XXXX-XXXX codes in Crockford base32', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });
  it('read back whatever the case, spacing and look-alike letters', () => {
    expect(normaliseRecoveryCode('abcd-ef01-2345')).toBe('ABCDEF012345');
    expect(normaliseRecoveryCode(' ABCD EFO1 2345 ')).toBe('ABCDEF012345');
    expect(normaliseRecoveryCode('ABCD-EFI1-2345')).toBe('ABCDEF112345');
    expect(normaliseRecoveryCode('ABCD-EF01-234')).toBeNull();
    expect(normaliseRecoveryCode('ABCD-EF01-234U')).toBeNull();
    expect(normaliseRecoveryCode('123456')).toBeNull();
  });
  it('are stored as keyed digests bound to the user', () => {
    const d = recoveryCodeDigest(key, 'user-a', 'ABCDEF012345');
    expect(d).toMatch(/^[0-9a-f]{64}$/);
    expect(d).not.toContain('ABCDEF012345');
    expect(recoveryCodeDigest(key, 'user-a', 'ABCDEF012345')).toBe(d);
    expect(recoveryCodeDigest(key, 'user-b', 'ABCDEF012345')).not.toBe(d);
    expect(recoveryCodeDigest(Buffer.alloc(32, 1), 'user-a', 'ABCDEF012345')).not.toBe(d);
  });
});
