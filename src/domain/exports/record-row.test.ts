/**
 * The records columns and the Uwazi template as documented: headers are unique in each language,
 * the identifying columns come only when asked for, and docs/exports.md lists every column (both
 * headers) and every Uwazi property with its name — so the guide an Uwazi admin follows cannot drift
 * from the file Bitácora writes.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDENTIFYING_COLUMNS, RECORD_COLUMNS, recordColumns, recordHeader } from './record-row.js';
import { UWAZI_PROPERTIES, uwaziProperties } from './uwazi.js';

const guide = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'exports.md'), 'utf8');
const TYPE_NAMES = { text: 'Text', markdown: 'Rich Text', numeric: 'Numeric', daterange: 'Date Range', select: 'Select', multiselect: 'Multiple Select', geolocation: 'Geolocation' } as const;

describe('records columns', () => {
  it('have unique headers in each language, and the identifying ones only when asked for', () => {
    for (const lang of ['es', 'en'] as const) {
      const all = recordColumns(true).map((c) => recordHeader(c, lang));
      expect(new Set(all).size).toBe(all.length);
      for (const h of all) expect(h).toMatch(/^[a-z_]+$/);
    }
    expect(recordColumns(false)).toEqual([...RECORD_COLUMNS]);
    expect(recordColumns(true)).toEqual([...RECORD_COLUMNS, ...IDENTIFYING_COLUMNS]);
  });

  it('are all in the user guide, with both headers', () => {
    for (const c of recordColumns(true)) expect(guide, c).toContain(`| \`${c}\` | \`${recordHeader(c, 'es')}\` |`);
  });
});

describe('Uwazi template', () => {
  it('starts with title, names properties as Uwazi derives them from their labels, and keeps identifying ones apart', () => {
    expect(UWAZI_PROPERTIES[0]!.name).toBe('title');
    for (const p of UWAZI_PROPERTIES) expect(p.name).toBe(p.label.toLowerCase().replace(/[^a-z0-9]+/g, '_'));
    expect(UWAZI_PROPERTIES.map((p) => p.name)).not.toContain('id');
    expect(uwaziProperties(false).some((p) => p.identifying)).toBe(false);
    expect(uwaziProperties(true)).toHaveLength(UWAZI_PROPERTIES.length);
  });

  it('is in the user guide: label, name and type of every property', () => {
    for (const p of UWAZI_PROPERTIES.slice(1)) expect(guide, p.name).toContain(`| ${p.label} | \`${p.name}\` | ${TYPE_NAMES[p.type]} |`);
    expect(guide).toContain('| Title | `title` | (built in) |');
  });
});
