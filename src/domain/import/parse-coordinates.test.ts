import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseImportCoordinates, parseCoordinatePair, type ImportPointResult } from './parse-coordinates.js';

function read(r: ImportPointResult) {
  return r.ok ? { ...r.point, warnings: r.warnings.map((w) => w.code) } : { problem: r.problem.code };
}
const one = (text: string) => read(parseImportCoordinates(text));
const two = (lat: string, lon: string) => read(parseCoordinatePair(lat, lon));
const at = (lat: number, lon: number, ...warnings: string[]) => ({ lat, lon, warnings });

describe('parseImportCoordinates: one "lat, lon" cell', () => {
  it('reads decimal degrees separated by a comma, a semicolon or a space', () => {
    const pima = at(31.650259, -110.366453);
    for (const text of ['31.650259, -110.366453', '31.650259,-110.366453', '31.650259 -110.366453', '31.650259;-110.366453', '31.650259 ; -110.366453', '(31.650259, -110.366453)', '[31.650259,-110.366453]', '  31.650259,   -110.366453  ', '+31.650259, −110.366453']) {
      expect(one(text), text).toEqual(pima);
    }
    expect(one('16, 92')).toEqual(at(16, 92));
  });

  it('reads degrees, minutes and seconds with hemisphere letters', () => {
    const tapachula = at(16 + 54 / 60, -(92 + 6 / 60));
    for (const text of ["16°54'N 92°06'W", "16°54'N, 92°06'W", "16º54′N 92º06′W", '16 54 0 N 92 6 0 W', "N16°54' W92°06'", "N 16°54', W 92°06'", "16°54'N 92°06'O", "16°54'00\"N 92°06'00\"W", "16°54'00''N 92°06'00''W"]) {
      expect(one(text), text).toEqual(tapachula);
    }
    expect(one("92°06'W 16°54'N")).toEqual(tapachula); // the letters say which is which
    expect(one('16.9°N 92.1°W')).toEqual(at(16.9, -92.1));
    expect(one("16°54.5'S 92°06'E")).toEqual(at(-(16 + 54.5 / 60), 92 + 6 / 60));
    expect(one("16°54'30\", -92°06'15\"")).toEqual(at(16 + 54 / 60 + 30 / 3600, -(92 + 6 / 60 + 15 / 3600)));
  });

  it('exchanges the values, with a warning, when only the other order makes sense', () => {
    expect(one('-110.366453, 31.650259')).toEqual(at(31.650259, -110.366453, 'swapped'));
    expect(one('-89.2, 13.7')).toEqual(at(-89.2, 13.7)); // fits both ways: taken as written (outsideRegion catches it)
  });

  it('warns about 0, 0', () => {
    expect(one('0, 0')).toEqual(at(0, 0, 'null_island'));
  });

  it('refuses decimal commas, which cannot be told from the separator', () => {
    const r = parseImportCoordinates('16,9, -92,1');
    expect(r).toEqual({ ok: false, problem: { code: 'decimal_comma', message: 'decimal commas cannot be read in one "lat, lon" cell, where the comma separates latitude from longitude: use points (16.9, -92.1) or two columns' } });
    expect(one('16,9 -92,1')).toEqual({ problem: 'decimal_comma' });
    expect(one('16,9; -92,1')).toEqual({ problem: 'decimal_comma' });
  });

  it('refuses values out of range, naming the value and never the point', () => {
    expect(parseImportCoordinates('95.5, 200')).toEqual({ ok: false, problem: { code: 'out_of_range', message: 'latitude 95.5 is outside -90 to 90' } });
    expect(one('45, 181')).toEqual({ problem: 'out_of_range' });
    expect(one("95°N 10°E")).toEqual({ problem: 'out_of_range' });
    expect(one("16°61'N 92°06'W")).toEqual({ problem: 'out_of_range' });
    expect(one("16°54'60\"N 92°06'W")).toEqual({ problem: 'out_of_range' });
  });

  it('refuses empty, incomplete and unreadable cells', () => {
    expect(one('')).toEqual({ problem: 'empty' });
    expect(one('   ')).toEqual({ problem: 'empty' });
    for (const text of ['31.65', '31.65,', 'Tapachula', '31.65, -110.36, 12', "16°54'N 16°54'S", "-16°54'S 92°W", '16.5°30\'N 92°W', 'POINT(-110.36 31.65)', '1e5, 2', `${'1'.repeat(101)}, 2`, '31.65 -110.36 5']) {
      expect(one(text), text).toEqual({ problem: 'unrecognised' });
    }
  });
});

describe('parseCoordinatePair: a latitude column and a longitude column', () => {
  it('reads decimal points, decimal commas and degrees-minutes-seconds', () => {
    expect(two('31.650259', '-110.366453')).toEqual(at(31.650259, -110.366453));
    expect(two('16,9', '-92,1')).toEqual(at(16.9, -92.1));
    expect(two("16°54'N", "92°06'W")).toEqual(at(16 + 54 / 60, -(92 + 6 / 60)));
    expect(two('16 54 0 N', '92 6 0 O')).toEqual(at(16 + 54 / 60, -(92 + 6 / 60)));
  });

  it('warns when the columns hold each other\'s values', () => {
    expect(two('-110.366453', '31.650259')).toEqual(at(31.650259, -110.366453, 'swapped'));
    expect(two("92°06'W", "16°54'N")).toEqual(at(16 + 54 / 60, -(92 + 6 / 60), 'swapped'));
  });

  it('refuses empty, half-empty, out-of-range and unreadable values', () => {
    expect(two('', ' ')).toEqual({ problem: 'empty' });
    expect(parseCoordinatePair('16.9', '')).toEqual({ ok: false, problem: { code: 'incomplete', message: 'the longitude is empty' } });
    expect(two('', '-92.1')).toEqual({ problem: 'incomplete' });
    expect(two('91', '181')).toEqual({ problem: 'out_of_range' });
    expect(two('16.9', '-192.1')).toEqual({ problem: 'out_of_range' });
    expect(two('1,234,5', '-92.1')).toEqual({ problem: 'unrecognised' });
    expect(two('16.9N', '17.1S')).toEqual({ problem: 'unrecognised' });
  });
});

const latArb = fc.double({ min: -90, max: 90, noNaN: true });
const lonArb = fc.double({ min: -180, max: 180, noNaN: true });
const fixed = (x: number, digits: number) => Number(x.toFixed(digits)) || 0; // what a spreadsheet writes, -0 read as 0

describe('coordinates: properties', () => {
  it('every point in range, written as decimal degrees in any accepted layout, reads back', () => {
    fc.assert(
      fc.property(latArb, lonArb, fc.integer({ min: 0, max: 9 }), fc.constantFrom(', ', ',', ' ', ';', '; '), (la, lo, digits, sep) => {
        const [lat, lon] = [fixed(la, digits), fixed(lo, digits)];
        const text = `${lat.toFixed(digits)}${sep}${lon.toFixed(digits)}`;
        const r = read(parseImportCoordinates(text));
        expect(r, text).toEqual(lat === 0 && lon === 0 ? at(0, 0, 'null_island') : at(lat, lon));
        expect(read(parseCoordinatePair(lat.toFixed(digits).replace('.', ','), lon.toFixed(digits)))).toEqual(r);
      }),
    );
  });

  it('every degrees-minutes-seconds point reads back, letters first or last', () => {
    const dms = fc.record({ d: fc.integer({ min: 0, max: 89 }), m: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 0, max: 59 }) });
    fc.assert(
      fc.property(dms, dms, fc.boolean(), fc.boolean(), fc.boolean(), (a, b, south, west, lettersFirst) => {
        const [ns, ew] = [south ? 'S' : 'N', west ? 'W' : 'E'];
        const body = (x: { d: number; m: number; s: number }) => `${x.d}°${x.m}'${x.s}"`;
        const text = lettersFirst ? `${ns}${body(a)} ${ew}${body(b)}` : `${body(a)}${ns}, ${body(b)}${ew}`;
        const value = (x: { d: number; m: number; s: number }, negative: boolean) => (negative ? -1 : 1) * (x.d + x.m / 60 + x.s / 3600) || 0;
        const r = parseImportCoordinates(text);
        expect(r.ok && r.point, text).toEqual({ lat: value(a, south), lon: value(b, west) });
      }),
    );
  });

  it('a longitude written first is put back in place when it is beyond 90', () => {
    fc.assert(
      fc.property(latArb, fc.double({ min: 90.5, max: 180, noNaN: true }), fc.boolean(), (la, lo, negative) => {
        const [lat, lon] = [fixed(la, 5), (negative ? -1 : 1) * fixed(lo, 5)];
        expect(read(parseImportCoordinates(`${lon}, ${lat}`))).toEqual(at(lat, lon, 'swapped'));
      }),
    );
  });

  it('never throws, and answers a point in range or a problem, on any text', () => {
    const fragments = fc.array(fc.constantFrom('16', '-92', '.5', ',', ';', ' ', '°', "'", '"', 'N', 'S', 'W', 'O', 'E', '(', ')', '181', '0', '60'), { maxLength: 10 }).map((p) => p.join(''));
    const check = (r: ImportPointResult) => {
      if (r.ok) {
        expect(Object.keys(r).sort()).toEqual(['ok', 'point', 'warnings']);
        expect(Math.abs(r.point.lat) <= 90 && Math.abs(r.point.lon) <= 180).toBe(true);
      } else expect(Object.keys(r).sort()).toEqual(['ok', 'problem']);
    };
    for (const text of [fc.string(), fc.string({ unit: 'binary' }), fragments]) {
      fc.assert(fc.property(text, text, (a, b) => { check(parseImportCoordinates(a)); check(parseCoordinatePair(a, b)); }), { numRuns: 300 });
    }
  });
});
