import { describe, it, expect } from 'vitest';
import { readTable } from './read-table.js';
import { ServiceError } from '../errors.js';

const read = (text: string | Buffer) => readTable({ bytes: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8') });

describe('JSON records', () => {
  it('reads an array of objects: keys in order of first appearance, nested groups flattened as Kobo names them', async () => {
    const t = await read(JSON.stringify([
      { fecha: '2019-07-23', lugar: { estado: 'Coahuila', municipio: 'Saltillo' }, actos: ['amenaza', 'vigilancia'], muertos: 0 },
      { fecha: '2020', extra: true, lugar: { estado: 'Chiapas' } },
    ]));
    expect(t.format).toBe('json');
    expect(t.header).toEqual(['fecha', 'lugar/estado', 'lugar/municipio', 'actos', 'muertos', 'extra']);
    expect(t.rows).toEqual([
      { line: 1, cells: ['2019-07-23', 'Coahuila', 'Saltillo', 'amenaza; vigilancia', '0', ''] },
      { line: 2, cells: ['2020', 'Chiapas', '', '', '', 'true'] },
    ]);
  });

  it('finds the list inside an object (Kobo\'s results), and reads UTF-16 with its byte order mark', async () => {
    const doc = JSON.stringify({ count: 1, results: [{ título: 'Amenaza en Tenosique' }] });
    const t = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc, 'utf16le')]));
    expect(t.rows[0]!.cells).toEqual(['Amenaza en Tenosique']);
    expect(t.encoding).toBe('utf16le');
  });

  it('says which record is not an object, and drops prototype keys', async () => {
    const t = await read('[{"a":"1"}, 7, {"a":"2","__proto__":{"x":1}}]');
    expect(t.rows.map((r) => r.line)).toEqual([1, 3]);
    expect(t.problems).toEqual([expect.objectContaining({ line: 2, code: 'ragged_row' })]);
    expect(t.header).toEqual(['a']);
  });

  it('refuses broken JSON and JSON that is not a list of records as a whole, without naming the file', async () => {
    for (const bad of ['[{"a":', '{"a": 1}', '[1, 2]']) {
      const e = await read(bad).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ServiceError);
      expect((e as ServiceError).code).toBe('unreadable_file');
      expect((e as ServiceError).message).toMatch(/^file: the file /);
    }
  });
});
