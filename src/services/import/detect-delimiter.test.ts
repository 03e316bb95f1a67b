/** Delimiter detection from the first lines: the most consistent column count wins, quotes respected. */
import { describe, it, expect } from 'vitest';
import { detectDelimiter } from './detect-delimiter.js';

describe('detectDelimiter', () => {
  it('finds comma, semicolon and tab files', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6\n', true).delimiter).toBe(',');
    expect(detectDelimiter('fecha;lugar;muertos\n01/02/2022;Río Bravo, Coahuila;1,5\n', true).delimiter).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2,5\t3\n', true).delimiter).toBe('\t');
  });

  it('prefers the candidate whose rows match the header, not the one that splits more', () => {
    // commas inside the cells of a semicolon file: comma splits the header too, but the rows inconsistently
    const sample = 'id;nombre, apellido;nota\n1;Ana, Pérez;vive en Saltillo, Coahuila, México\n2;Luis, Gómez;sin datos\n3;Eva, Ruiz;x, y\n';
    const d = detectDelimiter(sample, true);
    expect(d.delimiter).toBe(';');
    expect(d.reason).toBe('semicolon: it gives the header 3 columns, and as many to 3 of the 3 rows after it');
    // the same share: more columns win
    expect(detectDelimiter('a,b;c,d\n1,2;3,4\n', true).delimiter).toBe(',');
  });

  it('does not count delimiters inside quotes', () => {
    expect(detectDelimiter('"a;b";"c;d"\n"1,2";"3,4"\n', true).delimiter).toBe(';');
    expect(detectDelimiter('"a,b","c,d","e"\n"1;2";"3;4";"5"\n', true).delimiter).toBe(',');
  });

  it('leaves out the last record of a cut sample', () => {
    // whole, the cut last line would make semicolon look inconsistent
    expect(detectDelimiter('a;b\n1;2\n3;4\n5', false).reason).toMatch(/2 of the 2 rows/);
    expect(detectDelimiter('a;b\n1;2\n3;4\n5', true).reason).toMatch(/2 of the 3 rows/);
  });

  it('says comma when nothing splits the header', () => {
    expect(detectDelimiter('solo\nuna\ncolumna\n', true)).toEqual({ delimiter: ',', reason: 'no delimiter splits the first line into columns: comma' });
  });
});
