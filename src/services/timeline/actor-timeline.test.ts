/**
 * A shelter's timeline on a known dataset (both backends): five incidents that affected it (a month,
 * an approximate year, a day, no date, and a restricted one only its author sees), one that was
 * removed, one about someone else, interventions in them and two protection measures. Items, order,
 * year counts and need-to-know are worked out by hand; identifying values planted as markers never
 * appear.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { createActor } from '../actors/manage-actors.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { deleteIncident } from '../incidents/read-incidents.js';
import { actorTimeline } from './actor-timeline.js';
import { flatten } from '../../domain/timeline/build.js';

let ws: TestWorkspace;
let admin: ServiceContext;
let analyst: ServiceContext;
let shelter = '';
let hiddenPerson = '';
const inc: Record<string, { id: string; ref: string }> = {};
const MARKERS = ['NOMBRE-LEGAL-MARCADOR', 'CONTACTO-MARCADOR', 'DOMICILIO-MARCADOR', 'REFERENCIA-MARCADOR', 'INCLUYE-MARCADOR', 'NOTAS-MEDIDA-MARCADOR', 'QUIEN-ACTUO-MARCADOR', 'DESTINATARIO-MARCADOR', 'NOTAS-INTERVENCION-MARCADOR', 'TESTIMONIO-MARCADOR', 'PRIVADO-MARCADOR'];

const base = (title: string, date: object | undefined, acts: { kind: string; victimKey: string }[], extra: Record<string, unknown> = {}) => ({
  title, ...(date ? { date } : {}), place: { precision: 'state', country: 'MX', state: 'MX-COA' },
  victims: [{ key: 's', actorId: shelter }],
  acts: acts.map((a) => ({ ...a, perpetrators: [{ perpetrator: 'state.mx.inm' }] })),
  ...extra,
});

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, '2025-01-01T00:00:00.000Z');
  analyst = { ...admin, user: { ...admin.user, id: 'analyst-who-sees-no-restricted', role: 'analyst' } };
  const a = await createActor(admin, {
    kind: 'organisation', pseudonym: 'Casa del Migrante Norte', realName: MARKERS[0], contact: MARKERS[1], privateAddress: MARKERS[2],
    protectionMeasures: [
      { kind: 'iachr_precautionary', status: 'granted_active', granted: '2020-03', expires: '2023-03', reference: MARKERS[3], includes: MARKERS[4], notes: MARKERS[5] },
      { kind: 'federal_mechanism', status: 'requested' },
    ],
  } as never);
  shelter = a.id;
  const itv = (kind: string, date: string | undefined, outcome?: string, followUp?: string) => ({ kind, ...(date ? { date } : {}), ...(outcome ? { outcome } : {}), ...(followUp ? { followUp } : {}), actor: MARKERS[6], addressee: MARKERS[7], notes: MARKERS[8] });
  const [month, year, day, undated, restricted, removed, other] = await recordIncidents(admin, [
    base('Amenaza por teléfono al albergue', { start: '2019-07' }, [{ kind: 'threat.phone', victimKey: 's' }, { kind: 'detention.arrest', victimKey: 'p' }], {
      victims: [{ key: 's', actorId: shelter }, { key: 'p', actor: { kind: 'person', pseudonym: 'Voluntario', realName: MARKERS[0] } }],
      interventions: [itv('urgent_appeal', '2019-08-02', 'no_response', 'open')],
      sources: [{ kind: 'victim', testimony: MARKERS[9] }],
      place: { precision: 'state', country: 'MX', state: 'MX-COA', private: { address: MARKERS[10] } },
    }),
    base('Irrupción en el albergue', { start: '2019', approximate: true }, [{ kind: 'shelter_entry.raid', victimKey: 's' }]),
    base('Vigilancia frente al albergue', { start: '2021-05-10' }, [{ kind: 'surveillance.home', victimKey: 's' }], { interventions: [itv('complaint_prosecutor', undefined)] }),
    base('Hostigamiento sin fecha', undefined, [{ kind: 'harassment', victimKey: 's' }]),
    base('Caso reservado', { start: '2020-06-01' }, [{ kind: 'threat.death', victimKey: 's' }], {
      confidentiality: 'restricted', interventions: [itv('press_statement', '2020-06-02')],
      victims: [{ key: 's', actorId: shelter }, { key: 'h', actor: { kind: 'person', pseudonym: 'Persona reservada' } }],
    }),
    base('Registro borrado', { start: '2018-01-01' }, [{ kind: 'harassment', victimKey: 's' }]),
    { title: 'Otro caso', date: { start: '2022' }, place: { precision: 'country', country: 'MX' }, victims: [{ key: 'o', actor: { kind: 'person', pseudonym: 'Otra persona' } }], acts: [{ kind: 'threat', victimKey: 'o', perpetrators: [] }], interventions: [{ kind: 'urgent_appeal', date: '2022' }] },
  ]);
  Object.assign(inc, { month, year, day, undated, restricted, removed, other });
  hiddenPerson = restricted!.victims.find((v) => v.actor.pseudonym === 'Persona reservada')!.actorId;
  await deleteIncident(admin, removed!.id, removed!.version);
}, 60_000);
afterAll(async () => {
  await ws?.close();
});

const keys = (t: { years: { items: { key: string }[] }[]; undated: { key: string }[] }) => [...t.years.map((y) => y.items.map((i) => i.key)), t.undated.map((i) => i.key)];

describe('a person or organisation timeline', () => {
  it('lists what the viewer may see, newest first, grouped by year, the undated last (analyst: no restricted incident)', async () => {
    const t = await actorTimeline(analyst, shelter);
    expect(t.actor).toEqual({ id: shelter, kind: 'organisation', pseudonym: 'Casa del Migrante Norte' });
    expect(t.order).toBe('desc');
    expect(t.total).toBe(8);
    expect(t.years.map((y) => [y.year, y.count, y.counts])).toEqual([
      ['2021', 1, { incident: 1, intervention: 0, measure: 0 }],
      ['2020', 1, { incident: 0, intervention: 0, measure: 1 }],
      ['2019', 3, { incident: 2, intervention: 1, measure: 0 }],
    ]);
    const itvMonth = t.years[2]!.items[0]!;
    const itvDay = t.undated.find((i) => i.type === 'intervention')!;
    const measures = flatten(t).filter((i) => i.type === 'measure');
    expect(keys(t)).toEqual([
      [`incident:${inc['day']!.id}`],
      [measures[0]!.key],
      [itvMonth.key, `incident:${inc['month']!.id}`, `incident:${inc['year']!.id}`],
      [`incident:${inc['undated']!.id}`, itvDay.key, measures[1]!.key],
    ]);
    // what each item says: the date as recorded, acts against this shelter only, public place, codes
    expect(t.years[2]!.items[1]).toEqual({ type: 'incident', key: `incident:${inc['month']!.id}`, incidentId: inc['month']!.id, ref: inc['month']!.ref, title: 'Amenaza por teléfono al albergue', date: { start: '2019-07' }, place: { country: 'MX', state: 'MX-COA' }, status: 'reported', acts: ['threat.phone'] });
    expect(t.years[2]!.items[2]!.date).toEqual({ start: '2019', approximate: true });
    expect(itvMonth).toEqual({ type: 'intervention', key: itvMonth.key, id: itvMonth.key.slice('intervention:'.length), incidentId: inc['month']!.id, ref: inc['month']!.ref, kind: 'urgent_appeal', date: { start: '2019-08-02' }, outcome: 'no_response', followUp: 'open' });
    expect(itvDay).toMatchObject({ kind: 'complaint_prosecutor', incidentId: inc['day']!.id });
    expect(measures[0]).toMatchObject({ kind: 'iachr_precautionary', status: 'granted_active', granted: '2020-03', expires: '2023-03', date: { start: '2020-03' } });
    expect(measures[1]).toMatchObject({ kind: 'federal_mechanism', status: 'requested' });
    expect(measures[1]!.date).toBeUndefined();
    const text = JSON.stringify(t);
    for (const id of [inc['restricted']!.id, inc['removed']!.id, inc['other']!.id]) expect(text).not.toContain(id);
    for (const m of MARKERS) expect(text).not.toContain(m);
  });

  it('gives the restricted incident and its intervention to whom it is shared with, and orders oldest first on request', async () => {
    const t = await actorTimeline(admin, shelter);
    expect(t.total).toBe(10);
    expect(t.years.find((y) => y.year === '2020')!.items.map((i) => i.type)).toEqual(['intervention', 'incident', 'measure']);
    expect(t.years.find((y) => y.year === '2020')!.items[1]).toMatchObject({ incidentId: inc['restricted']!.id, acts: ['threat.death'] });
    const asc = await actorTimeline(admin, shelter, 'asc');
    expect(asc.years.map((y) => y.year)).toEqual(['2019', '2020', '2021']);
    expect(asc.years.flatMap((y) => y.items)).toEqual(t.years.flatMap((y) => y.items).reverse());
    expect(asc.undated).toEqual(t.undated);
    for (const m of MARKERS) expect(JSON.stringify(t)).not.toContain(m);
  });

  it('does not know a person known only from a restricted incident not shared with the viewer, nor an unknown id', async () => {
    await expect(actorTimeline(analyst, hiddenPerson)).rejects.toMatchObject({ status: 404 });
    expect(flatten(await actorTimeline(admin, hiddenPerson)).map((i) => i.type)).toEqual(['intervention', 'incident']); // the incident and the intervention recorded in it
    await expect(actorTimeline(analyst, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
  });
});
