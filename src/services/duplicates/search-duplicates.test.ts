/**
 * Likely duplicates across the workspace for a period, on both backends: pairs with one incident
 * starting in the period (its partner may start just before or after), best first and paged without
 * overlap; the same pairs each incident's own suggestions give; filters by country; dismissed pairs
 * and restricted incidents not shared with the reader left out; a bad period refused naming the field.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { createUser } from '../users/manage-users.js';
import { searchDuplicates } from './search-duplicates.js';
import { suggestDuplicates } from './suggest-duplicates.js';
import { dismissDuplicate } from './dismiss-duplicate.js';

let ws: TestWorkspace;
let admin: ServiceContext;
let analyst: ServiceContext;
const ids: Record<string, string> = {};

const incident = (title: string, date: string, place: Record<string, string>, pseudonym: string, extra: Record<string, unknown> = {}) => ({
  title, date: { start: date }, place, victims: [{ key: 'v', actor: { kind: 'person', pseudonym } }],
  acts: [{ kind: 'threat.death', victimKey: 'v', perpetrators: [{ perpetrator: 'non_state.organised_crime' }] }], ...extra,
});
const SALTILLO = { precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Saltillo' };
const EL_PASO = { precision: 'crossing', country: 'US', state: 'US-TX', crossing: 'us_mx.el_paso_paso_del_norte' };

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, '2026-05-01T10:00:00.000Z');
  const u = await createUser(admin, { email: 'lucia@example.org', displayName: 'Lucía', role: 'analyst', password: 'contraseña-larga-2026' });
  analyst = { ...admin, user: { id: u.id, role: 'analyst', orgId: u.orgId, displayName: 'Lucía' } };
  const rows = await recordIncidents(admin, [
    incident('Amenaza de muerte a la directora', '2026-03-31', SALTILLO, 'Directora Nube'),
    incident('Llamada con amenazas a la casa del migrante', '2026-04-02', SALTILLO, 'directora nube'),
    incident('Amenazas en la garita', '2026-03-15', EL_PASO, 'Abogado Río'),
    incident('Amenazan a un abogado en El Paso', '2026-03-15', EL_PASO, 'Abogado Rio'),
    incident('Amenaza restringida', '2026-03-15', EL_PASO, 'Abogado Río', { confidentiality: 'restricted' }),
    incident('Amenaza en Saltillo en febrero', '2026-02-10', SALTILLO, 'Directora Nube'),
    incident('Robo de documentos', '2026-01-25', SALTILLO, 'Directora Nube'),
  ]);
  for (const [k, v] of ['march31', 'april2', 'garita', 'abogado', 'restricted', 'february', 'january'].entries()) ids[v] = rows[k]!.id;
}, 120_000);
afterAll(async () => { await ws?.close(); });

const pairsOf = (r: Awaited<ReturnType<typeof searchDuplicates>>) => r.items.map((p) => [p.a.id, p.b.id].sort());
const sorted = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

describe('likely duplicates of a period', () => {
  it('lists the pairs with an incident starting in the period, best first, with both incidents and the reasons', async () => {
    const r = await searchDuplicates(admin, { from: '2026-03', to: '2026-03' });
    expect(r).toMatchObject({ total: 4, page: 1, pageSize: 20, partial: false });
    expect(r.compared).toBe(7);
    expect(pairsOf(r)).toContainEqual(sorted('march31', 'april2'));
    expect(pairsOf(r)).toContainEqual(sorted('garita', 'abogado'));
    expect(pairsOf(r)).toContainEqual(sorted('garita', 'restricted'));
    expect(pairsOf(r)).toContainEqual(sorted('abogado', 'restricted'));
    for (let i = 1; i < r.items.length; i++) expect(r.items[i - 1]!.score).toBeGreaterThanOrEqual(r.items[i]!.score);
    const saltillo = r.items.find((p) => [p.a.id, p.b.id].includes(ids['march31']!))!;
    expect(saltillo.reasons.map((x) => x.kind)).toEqual(['date', 'place', 'victims', 'acts', 'perpetrators']);
    expect(saltillo.a.moves).toMatchObject({ victims: 1, acts: 1 });
    // February is more than the window away from everything else
    expect(r.items.flatMap((p) => [p.a.id, p.b.id])).not.toContain(ids['february']);
  });

  it('gives the same pairs as each incident\'s own suggestions', async () => {
    const r = await searchDuplicates(admin, { from: '2026-01', to: '2026-04' });
    const fromPairs = new Set(pairsOf(r).map((p) => p.join('|')));
    const fromSuggestions = new Set<string>();
    for (const id of Object.values(ids)) for (const s of (await suggestDuplicates(admin, id)).items) fromSuggestions.add([id, s.incident.id].sort().join('|'));
    expect([...fromPairs].sort()).toEqual([...fromSuggestions].sort());
  });

  it('pages without overlap, filters by country, and hides restricted incidents not shared with the reader', async () => {
    const all = pairsOf(await searchDuplicates(admin, { from: '2026-03', to: '2026-03' }));
    const paged = [];
    for (let page = 1; page <= 4; page++) paged.push(...pairsOf(await searchDuplicates(admin, { from: '2026-03', to: '2026-03', page, pageSize: 1 })));
    expect(paged).toEqual(all);
    expect((await searchDuplicates(admin, { from: '2026-03', to: '2026-03', page: 5, pageSize: 1 })).items).toEqual([]);
    expect(pairsOf(await searchDuplicates(admin, { from: '2026-03', to: '2026-03', country: ['MX'] }))).toEqual([sorted('march31', 'april2')]);
    expect(pairsOf(await searchDuplicates(analyst, { from: '2026-03', to: '2026-03' })).sort()).toEqual([sorted('garita', 'abogado'), sorted('march31', 'april2')].sort());
  });

  it('leaves out dismissed pairs, and widens the window when asked', async () => {
    await dismissDuplicate(admin, { a: ids['garita'], b: ids['abogado'] });
    expect(pairsOf(await searchDuplicates(admin, { from: '2026-03', to: '2026-03' }))).not.toContainEqual(sorted('garita', 'abogado'));
    expect(pairsOf(await searchDuplicates(admin, { from: '2026-02', to: '2026-02' }))).toEqual([]);
    // 16 days apart: found with a window of a month
    expect(pairsOf(await searchDuplicates(admin, { from: '2026-02', to: '2026-02', windowDays: 31 }))).toEqual([sorted('february', 'january')]);
  });

  it('refuses a period that ends before it starts, or is not a date, naming the field', async () => {
    await expect(searchDuplicates(admin, { from: '2026-04', to: '2026-03' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'to' }] });
    await expect(searchDuplicates(admin, { from: 'marzo', to: '2026-03' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'from' }] });
    await expect(searchDuplicates(admin, { from: '2026-03', to: '2026-03', windowDays: 90 })).rejects.toMatchObject({ status: 400, problems: [{ path: 'windowDays' }] });
  });
});
