import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sealValue, openValue, FieldKeyring, SealedValueError, isSealedValue, keyIdOf, type FieldSlot } from './envelope.js';
import { randomKey } from './random.js';

const ACTOR = '11111111-1111-4111-8111-111111111111';
const slot: FieldSlot = { record: `actor/${ACTOR}`, table: 'actors', row: ACTOR, column: 'real_name' };

describe('sealed field values (envelope)', () => {
  it('opens a known answer (AES-256-GCM vector computed independently with Python cryptography)', () => {
    const dk = { id: 'AAAAAAAAAAAA', key: Buffer.alloc(32, 7) };
    const known = 'f1.AAAAAAAAAAAA.AAECAwQFBgcICQoLVeCbs7Bo-QMYwSY1wgivU5NZzK7b87SL1X8GwEEc98GIHl5fztLGFlV0xwY';
    expect(openValue(dk, slot, known)).toBe('María José Pérez Ñúñez');
    expect(keyIdOf(known)).toBe('AAAAAAAAAAAA');
  });

  it('round-trips any text, with a fresh nonce every time', () => {
    const dk = { id: 'k1k1k1k1k1k1', key: randomKey() };
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const a = sealValue(dk, slot, text);
        const b = sealValue(dk, slot, text);
        expect(isSealedValue(a)).toBe(true);
        expect(a).not.toBe(b);
        expect(openValue(dk, slot, a)).toBe(text);
      }),
    );
  });

  it('any flipped bit in nonce, ciphertext or tag is an integrity error, never garbage', () => {
    const dk = { id: 'k1k1k1k1k1k1', key: randomKey() };
    const sealed = sealValue(dk, slot, 'Calle Hidalgo 12, Saltillo');
    const [v, id, body] = sealed.split('.') as [string, string, string];
    const bytes = Buffer.from(body, 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      for (const bit of [0, 3, 7]) {
        const t = Buffer.from(bytes);
        t[i]! ^= 1 << bit;
        expect(() => openValue(dk, slot, `${v}.${id}.${t.toString('base64url')}`), `byte ${i} bit ${bit}`).toThrow(SealedValueError);
      }
    }
    expect(() => openValue(dk, slot, `${v}.${id}.${bytes.subarray(0, 27).toString('base64url')}`)).toThrow(SealedValueError);
    expect(() => openValue(dk, slot, 'plain text')).toThrow(SealedValueError);
  });

  it('a value moved to another record, table, row or column does not open', () => {
    const dk = { id: 'k1k1k1k1k1k1', key: randomKey() };
    const sealed = sealValue(dk, slot, 'secret');
    for (const moved of [
      { ...slot, record: 'actor/22222222-2222-4222-8222-222222222222' },
      { ...slot, table: 'sources' },
      { ...slot, row: '22222222-2222-4222-8222-222222222222' },
      { ...slot, column: 'contact' },
    ]) {
      expect(() => openValue(dk, moved, sealed)).toThrow(/failed its integrity check/);
    }
    // under another record's data key, even with the same id
    expect(() => openValue({ id: dk.id, key: randomKey() }, slot, sealed)).toThrow(SealedValueError);
    expect(() => openValue({ id: 'k2k2k2k2k2k2', key: dk.key }, slot, sealed)).toThrow(/another record's key/);
  });
});

describe('FieldKeyring', () => {
  const root = randomKey();
  const made = FieldKeyring.newKek(root, 'ring-1');

  it('wraps data keys per record; a wrapped key moved to another record does not open', () => {
    const ring = FieldKeyring.open(root, 'ring-1', [made.stored], made.stored.id);
    const { dk, stored } = ring.newDataKey('actor/a');
    const fresh = FieldKeyring.open(root, 'ring-1', [made.stored], made.stored.id);
    expect(fresh.openDataKey(stored).key.equals(dk.key)).toBe(true);
    expect(() => fresh.openDataKey({ ...stored, record: 'actor/b' })).toThrow(SealedValueError);
    const flipped = Buffer.from(stored.wrapped);
    flipped[5]! ^= 1;
    expect(() => fresh.openDataKey({ ...stored, wrapped: flipped })).toThrow(SealedValueError);
  });

  it('does not open with another root key or in another keyring', () => {
    expect(() => FieldKeyring.open(randomKey(), 'ring-1', [made.stored], made.stored.id)).toThrow(SealedValueError);
    expect(() => FieldKeyring.open(root, 'ring-2', [made.stored], made.stored.id)).toThrow(SealedValueError);
  });

  it('rotation re-wraps a data key under the new KEK; the value stays readable and the old KEK can go', () => {
    const ring = FieldKeyring.open(root, 'ring-1', [made.stored], made.stored.id);
    const { dk, stored } = ring.newDataKey('incident/x');
    const value = sealValue(dk, { ...slot, record: 'incident/x' }, 'testimonio');
    const next = FieldKeyring.newKek(root, 'ring-1');
    ring.addCurrent(next.stored.id, next.key);
    const rewrapped = ring.rewrap(stored);
    expect(rewrapped.kekId).toBe(next.stored.id);
    expect(rewrapped.keyId).toBe(stored.keyId);
    const after = FieldKeyring.open(root, 'ring-1', [next.stored], next.stored.id);
    expect(openValue(after.openDataKey(rewrapped), { ...slot, record: 'incident/x' }, value)).toBe('testimonio');
    expect(() => after.openDataKey(stored)).toThrow(/not in this workspace/);
    expect(() => ring.drop(next.stored.id)).toThrow();
  });

  it('wipe overwrites keys in memory', () => {
    const ring = FieldKeyring.open(root, 'ring-1', [made.stored], made.stored.id);
    const { dk } = ring.newDataKey('draft/d');
    ring.wipe();
    expect(dk.key.every((b) => b === 0)).toBe(true);
    expect(() => ring.newDataKey('draft/e')).toThrow();
  });
});
