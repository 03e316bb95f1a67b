import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROLES, PERMISSIONS, can } from './roles.js';

const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'ROLES.md'), 'utf8');

describe('roles', () => {
  it('docs/ROLES.md states exactly what roles.ts enforces', () => {
    const rows = doc.split('\n').filter((l) => /^\| [a-z_]+\.[a-z_]+ \||^\| seal \|/.test(l));
    expect(rows.map((r) => r.split('|')[1]!.trim()).sort()).toEqual([...PERMISSIONS].sort());
    for (const row of rows) {
      const cells = row.split('|').map((c) => c.trim());
      const permission = cells[1] as (typeof PERMISSIONS)[number];
      ROLES.forEach((role, i) => expect(cells[2 + i] === '✓', `${role} ${permission}`).toBe(can(role, permission)));
    }
  });
  it('only admins manage users and vocabularies', () => {
    for (const r of ROLES) {
      expect(can(r, 'users.admin')).toBe(r === 'admin');
      expect(can(r, 'vocabulary.admin')).toBe(r === 'admin');
    }
  });
});
