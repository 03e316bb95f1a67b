/**
 * Encoding detection from a file's first bytes: byte order marks, valid UTF-8 (a character cut at
 * the end of the head is not held against it), Windows-1252 for the rest.
 */
import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { detectEncoding } from './detect-encoding.js';

const text = 'lugar,nota\nRío Bravo,niño\n';

describe('detectEncoding', () => {
  it('believes a byte order mark first', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).encoding).toBe('utf8-bom');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])).encoding).toBe('utf16le');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')])).encoding).toBe('utf16be');
    expect(detectEncoding(Buffer.from([0xff, 0xfe])).reason).toMatch(/byte order mark FF FE/);
  });

  it('takes valid UTF-8 (and plain ASCII) as UTF-8', () => {
    expect(detectEncoding(Buffer.from(text))).toEqual({ encoding: 'utf8', reason: 'UTF-8: the text is valid UTF-8' });
    expect(detectEncoding(Buffer.from('a,b\n1,2\n'))).toEqual({ encoding: 'utf8', reason: 'UTF-8: the text is plain ASCII' });
  });

  it('takes what is not valid UTF-8 as Windows-1252', () => {
    const bytes = iconv.encode(text, 'windows1252');
    expect(bytes.includes(0xed)).toBe(true); // í
    expect(detectEncoding(bytes)).toEqual({ encoding: 'windows-1252', reason: 'Windows-1252: the text is not valid UTF-8' });
    expect(detectEncoding(Buffer.from([0x61, 0xff, 0x62])).encoding).toBe('windows-1252');
  });

  it('does not hold a multi-byte character cut at the end of the head against UTF-8, unless the head is the whole file', () => {
    const cut = Buffer.from('año 😀').subarray(0, 7); // "año " and 3 of the emoji's 4 bytes
    expect(detectEncoding(cut).encoding).toBe('utf8');
    expect(detectEncoding(cut, { whole: true }).encoding).toBe('windows-1252');
    expect(detectEncoding(Buffer.from('ñ').subarray(0, 1)).encoding).toBe('utf8');
    // an invalid byte before the end still counts
    expect(detectEncoding(Buffer.from([0x61, 0xc3, 0x41, 0xc3])).encoding).toBe('windows-1252');
  });
});
