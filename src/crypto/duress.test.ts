import { describe, it, expect } from 'vitest';
import { duressCodeDigest, isDuressCode, normaliseDuressCode } from './duress.js';
import { recoveryCodeDigest } from './totp.js';

// key bytes 00 01 … 1f; the expected digests were computed independently (Python's hmac and an
// RFC 5869 HKDF: key = HKDF-SHA256(totpKey, salt = none, info = "bitacora/totp/v1/duress-code"),
// digest = HMAC-SHA256(key, "bitacora/duress-code/v1\0" + userId + "\0" + NFC(trim(code))))
const KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const A = '00000000-0000-4000-8000-000000000001';
const B = '00000000-0000-4000-8000-000000000002';

describe('duress code digest', () => {
  it('matches the known answers', () => {
    expect(duressCodeDigest(KEY, A, 'café rojo')).toBe('a388561e51b8d3fff1c17842b6ed28bd7dcc68be0a8f87b743bca64f17cba58a');
    expect(duressCodeDigest(KEY, B, 'café rojo')).toBe('1180f77dc7099307167b6943fc9051f1905abcfd33944e1bd69e0579f2702dbb');
  });

  it('reads the same code typed with a decomposed accent or spaces around it as one code; case counts', () => {
    expect(normaliseDuressCode('  cafe\u0301 rojo\n')).toBe('café rojo');
    expect(duressCodeDigest(KEY, A, '  cafe\u0301 rojo\t')).toBe(duressCodeDigest(KEY, A, 'café rojo'));
    expect(duressCodeDigest(KEY, A, 'Café rojo')).not.toBe(duressCodeDigest(KEY, A, 'café rojo'));
  });

  it('depends on the key and is not a recovery code digest', () => {
    expect(duressCodeDigest(Buffer.alloc(32, 1), A, 'café rojo')).not.toBe(duressCodeDigest(KEY, A, 'café rojo'));
    expect(duressCodeDigest(KEY, A, 'ABCDEF012345')).not.toBe(recoveryCodeDigest(KEY, A, 'ABCDEF012345'));
  });

  it('tells the duress code from any other, and never matches without a stored digest', () => {
    const stored = duressCodeDigest(KEY, A, 'café rojo');
    expect(isDuressCode(KEY, A, ' café rojo ', stored)).toBe(true);
    expect(isDuressCode(KEY, A, 'cafe rojo', stored)).toBe(false);
    expect(isDuressCode(KEY, B, 'café rojo', stored)).toBe(false);
    expect(isDuressCode(KEY, A, 'café rojo', null)).toBe(false);
    expect(isDuressCode(KEY, A, '', null)).toBe(false);
    // a stored value of another shape never matches (nor throws)
    expect(isDuressCode(KEY, A, 'café rojo', 'abc')).toBe(false);
  });
});
