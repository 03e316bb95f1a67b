/**
 * The open-data export on a known dataset (both backends: unit and unit-postgres). Every count
 * below is worked out by hand from the list of incidents, not by the code under test.
 *  - 4 threats by phone in Saltillo (gazetteer town, Coahuila), March 2024, public after review:
 *    one woman lawyer each (4 people);
 *  - 1 kidnapping in Saltillo, May 2024, public after review, 2 migrants (a man, a woman): dated
 *    by year only (rule), the act names no victim so it concerns both;
 *  - 1 raid in Chiapas (state precision), June 2024, confidentiality "organisation": one shelter;
 *  - 1 restricted incident in Saltillo (shared with its author, the exporter: still never published);
 *  - 1 deleted incident in Saltillo.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { parse } from 'csv-parse/sync';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { deleteIncident } from '../incidents/read-incidents.js';
import { exportOpenData } from './export-open-data.js';
import { openDataSettings, setOpenDataSettings } from './open-data-settings.js';
import { places } from '../../domain/places/places.js';

let ws: TestWorkspace;
let ctx: ServiceContext;
const saltillo = { precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Saltillo' };
const person = (key: string, genderIdentity: string, role: string) => ({ key, actor: { kind: 'person', pseudonym: `P-${key}`, genderIdentity, role } });

beforeAll(async () => {
  ws = await newWorkspace();
  ctx = await adminContext(ws, '2025-06-30T12:00:00.000Z');
  const threats = [3, 9, 17, 28].map((d, n) => ({
    title: `Amenaza ${n}`, date: { start: `2024-03-${String(d).padStart(2, '0')}` }, place: saltillo, confidentiality: 'public_after_review',
    victims: [person('v', 'woman', 'lawyer')], acts: [{ kind: 'threat.phone', victimKey: 'v', perpetrators: [{ perpetrator: 'state.mx.inm' }] }],
  }));
  const [, , , , , , , deleted] = await recordIncidents(ctx, [
    ...threats,
    { title: 'Secuestro', date: { start: '2024-05-01' }, place: saltillo, confidentiality: 'public_after_review', context: ['shelter'],
      victims: [person('a', 'man', 'migrant'), person('b', 'woman', 'migrant')], acts: [{ kind: 'kidnapping', perpetrators: [{ perpetrator: 'non_state.organised_crime' }] }] },
    { title: 'Irrupción', date: { start: '2024-06-10' }, place: { precision: 'state', country: 'MX', state: 'MX-CHP' }, confidentiality: 'organisation',
      victims: [{ key: 's', actor: { kind: 'organisation', pseudonym: 'Albergue S' } }], acts: [{ kind: 'shelter_entry.raid', victimKey: 's', perpetrators: [{ perpetrator: 'state.mx.inm' }] }] },
    { title: 'Reservado', date: { start: '2024-03-05' }, place: saltillo, confidentiality: 'restricted', victims: [person('r', 'woman', 'lawyer')], acts: [{ kind: 'threat.phone', victimKey: 'r' }] },
    { title: 'Borrado', date: { start: '2024-03-06' }, place: saltillo, confidentiality: 'public_after_review', victims: [person('d', 'woman', 'lawyer')], acts: [{ kind: 'threat.phone', victimKey: 'd' }] },
  ]);
  await deleteIncident(ctx, deleted!.id, deleted!.version);
}, 60_000);
afterAll(async () => {
  await ws?.close();
});

const csv = (text: string) => parse(text, { bom: true, columns: true }) as Record<string, string>[];

describe('open-data export on a known dataset', () => {
  it('by default: only incidents public after review, by state and month; restricted and deleted never', async () => {
    expect(await openDataSettings(ctx)).toMatchObject({ k: 5, placeLevel: 'state', dateLevel: 'month', include: ['public_after_review'] });
    const f = await exportOpenData(ctx, { format: 'csv-incidents', lang: 'en' });
    expect(f.name).toBe('incidents.csv');
    const rows = csv(f.text);
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r['row'])).toEqual(['1', '2', '3', '4', '5']);
    // sorted by published content: the year-only kidnapping ("2024") first, then the four March threats
    expect(rows.map((r) => r['date'])).toEqual(['2024', '2024-03', '2024-03', '2024-03', '2024-03']);
    expect(rows[0]).toMatchObject({ date_precision: 'year', acts: 'kidnapping', perpetrators: 'non_state.organised_crime', context: 'shelter', state: 'MX-COA', state_name: 'Coahuila', municipality: '', place_precision: 'state' });
    expect(rows[1]).toMatchObject({ date_precision: 'month', approximate: 'no', acts: 'threat.phone', country: 'MX', country_name: 'Mexico', status: 'reported' });
    expect(f.text).not.toMatch(/Amenaza|Secuestro|Reservado|Borrado|Saltillo|P-v/);
  });

  it('with organisation-level incidents and municipalities: the victims per year and place, small counts suppressed', async () => {
    await setOpenDataSettings(ctx, { k: 3, placeLevel: 'municipality', include: ['public_after_review', 'organisation'] });
    const inc = csv((await exportOpenData(ctx, { format: 'csv-incidents', lang: 'es' })).text);
    expect(inc).toHaveLength(6);
    expect(inc.filter((r) => r['municipio'] === 'Saltillo')).toHaveLength(5);
    expect(inc.find((r) => r['estado'] === 'MX-CHP')).toMatchObject({ fecha: '2024-06', precision_lugar: 'estado', municipio: '' });

    const v = csv((await exportOpenData(ctx, { format: 'csv-victims', lang: 'en' })).text);
    const at = (state: string, dimension: string, value: string) => v.find((r) => r['state'] === state && r['dimension'] === dimension && r['value'] === value);
    // Saltillo 2024: 4 women lawyers + 2 migrants (a man, a woman) = 6 people
    expect(at('MX-COA', 'total', 'all')).toMatchObject({ year: '2024', municipality: 'Saltillo', victims: '6', suppressed: '' });
    expect(at('MX-COA', 'gender_identity', 'woman')).toMatchObject({ victims: '5', suppressed: '' });
    expect(at('MX-COA', 'gender_identity', 'man')).toMatchObject({ victims: '', suppressed: 'yes' });
    expect(at('MX-COA', 'role', 'lawyer')).toMatchObject({ victims: '4' });
    expect(at('MX-COA', 'role', 'migrant')).toMatchObject({ victims: '', suppressed: 'yes' });
    expect(at('MX-COA', 'act', 'threat')).toMatchObject({ victims: '4' });
    expect(at('MX-COA', 'act', 'kidnapping')).toMatchObject({ victims: '', suppressed: 'yes' });
    // person 6 / organisation 0: one suppressed cell alone would be given back by the total, so 6 goes too
    expect(at('MX-COA', 'victim_kind', 'person')).toMatchObject({ victims: '', suppressed: 'yes' });
    expect(at('MX-COA', 'victim_kind', 'organisation')).toMatchObject({ victims: '', suppressed: 'yes' });
    // Chiapas: one shelter
    expect(at('MX-CHP', 'total', 'all')).toMatchObject({ year: '2024', municipality: '', victims: '', suppressed: 'yes' });
    for (const r of v) if (r['victims'] !== '') expect(Number(r['victims'])).toBeGreaterThanOrEqual(3);

    const g = JSON.parse((await exportOpenData(ctx, { format: 'geojson', lang: 'es' })).text) as { type: string; features: { geometry: { coordinates: number[] } | null; properties: Record<string, unknown> }[] };
    expect(g.type).toBe('FeatureCollection');
    expect(g.features).toHaveLength(2);
    const town = places.localities.find((l) => l.name === 'Saltillo')!;
    const salt = g.features.find((x) => x.properties['municipality'] === 'Saltillo')!;
    expect(salt.geometry!.coordinates).toEqual([Math.round(town.lon * 100) / 100, Math.round(town.lat * 100) / 100]);
    expect(salt.properties).toMatchObject({ incidents: 5, victims: 6, victims_suppressed: false, state_name: 'Coahuila' });
    expect(g.features.find((x) => x.properties['state'] === 'MX-CHP')!.properties).toMatchObject({ place_precision: 'state', incidents: 1, victims: null, victims_suppressed: true });
  });

  it('filters like the dashboard, audits the export without the search, and refuses bad input naming the field', async () => {
    await setOpenDataSettings(ctx, { include: ['public_after_review', 'organisation'] });
    const only = csv((await exportOpenData(ctx, { format: 'csv-incidents', lang: 'en', act: ['shelter_entry'], q: 'Irrupción' })).text);
    expect(only.map((r) => r['acts'])).toEqual(['shelter_entry.raid']);
    const audit = await ctx.store.db.selectFrom('audit_events').select(['action', 'detail']).where('action', 'in', ['open_data.exported', 'open_data_settings.changed']).execute();
    expect(audit.filter((a) => a.action === 'open_data.exported').length).toBeGreaterThanOrEqual(5);
    expect(audit.find((a) => a.action === 'open_data_settings.changed')).toBeTruthy();
    expect(audit.map((a) => a.detail ?? '').join(' ')).not.toContain('Irrupci');
    await expect(exportOpenData(ctx, { format: 'xlsx' })).rejects.toThrow(/format/);
    await expect(setOpenDataSettings(ctx, { k: 1 })).rejects.toThrow(/k/);
    await expect(setOpenDataSettings(ctx, { include: ['restricted'] } as never)).rejects.toThrow(/include/);
    await expect(exportOpenData({ ...ctx, user: { ...ctx.user, role: 'analyst' } }, { format: 'geojson' })).resolves.toMatchObject({ name: 'places.geojson' });
  });
});
