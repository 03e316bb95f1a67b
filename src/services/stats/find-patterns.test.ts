/**
 * Pattern flags on a known dataset (both backends): a shelter director watched, threatened and
 * then raided within three months (repeated targeting and escalation), a lawyer detained by
 * Mexico's INM and searched by CBP (a cross-border chain), INM and organised crime seen together in
 * three incidents; a restricted incident that only its author sees. Every flag below is worked out
 * by hand from that list.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { actorPatterns, findPatterns, patternQuerySchema, setPatternSettings } from './find-patterns.js';

let ws: TestWorkspace;
let admin: ServiceContext;
let analyst: ServiceContext;
const ids: Record<string, string> = {};

const inc = (title: string, day: string, country: string, acts: { kind: string; victim?: string; perps: string[] }[], victims: string[], extra: Record<string, unknown> = {}) => ({
  title, date: { start: day }, place: { precision: 'country', country },
  victims: victims.map((v) => ({ key: v, actorId: ids[v]! })),
  acts: acts.map((a) => ({ kind: a.kind, ...(a.victim ? { victimKey: a.victim } : {}), perpetrators: a.perps.map((perpetrator) => ({ perpetrator })) })),
  ...extra,
});

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, '2025-01-01T00:00:00.000Z');
  analyst = { ...admin, user: { ...admin.user, id: 'analyst-who-sees-no-restricted', role: 'analyst' } };
  const [first, detention] = await recordIncidents(admin, [{
    title: 'Vigilancia de la casa de la directora', date: { start: '2024-01-10' }, place: { precision: 'country', country: 'MX' },
    victims: [{ key: 'dir', actor: { kind: 'person', pseudonym: 'Directora A' } }],
    acts: [{ kind: 'surveillance.home', victimKey: 'dir', perpetrators: [{ perpetrator: 'state.mx.inm' }, { perpetrator: 'non_state.organised_crime' }] }],
  }, {
    title: 'Detención del abogado', date: { start: '2024-05-01' }, place: { precision: 'country', country: 'MX' },
    victims: [{ key: 'law', actor: { kind: 'person', pseudonym: 'Abogado B' } }],
    acts: [{ kind: 'detention.arrest', victimKey: 'law', perpetrators: [{ perpetrator: 'state.mx.inm' }] }],
  }]);
  ids['dir'] = first!.victims[0]!.actorId;
  ids['law'] = detention!.victims[0]!.actorId;
  expect([first!.victims[0]!.actor.pseudonym, detention!.victims[0]!.actor.pseudonym]).toEqual(['Directora A', 'Abogado B']);
  const rest = await recordIncidents(admin, [
    inc('Amenaza por teléfono', '2024-02-15', 'MX', [{ kind: 'threat.phone', perps: ['non_state.organised_crime', 'state.mx.inm'] }], ['dir']),
    inc('Irrupción en el albergue', '2024-03-20', 'MX', [{ kind: 'shelter_entry.raid', perps: ['state.mx.inm', 'non_state.organised_crime'] }], ['dir']),
    inc('Revisión en la garita', '2024-06-01', 'US', [{ kind: 'border.secondary_inspection', perps: ['state.us.cbp'] }], ['law']),
    // restricted, shared with nobody but its author (the admin): a fourth incident against the director
    inc('Caso reservado', '2024-04-01', 'MX', [{ kind: 'threat.death', perps: ['state.mx.inm'] }], ['dir'], { confidentiality: 'restricted' }),
  ]);
  ids['restricted'] = rest[3]!.id;
}, 60_000);
afterAll(async () => {
  await ws?.close();
});

const all = patternQuerySchema.parse({});

describe('pattern flags on a known dataset', () => {
  it('finds repeated targeting, escalation, the cross-border chain and the perpetrators seen together (analyst: no restricted incident)', async () => {
    const r = await findPatterns(analyst, all);
    expect(r.incidents).toBe(5);
    expect(r.truncated).toBe(false);
    const byKind = (k: string) => r.flags.filter((f) => f.kind === k);
    expect(byKind('repeated_targeting')).toEqual([expect.objectContaining({ victimId: ids['dir'], count: 3, from: '2024-01-10', to: '2024-03-20' })]);
    const esc = byKind('escalation');
    expect(esc).toHaveLength(1);
    expect(esc[0]).toMatchObject({ victimId: ids['dir'], stages: [1, 2, 3], from: '2024-01-10', to: '2024-03-20' });
    expect(byKind('cross_border')).toEqual([expect.objectContaining({ victimId: ids['law'], countries: ['MX', 'US'], from: '2024-05-01', to: '2024-06-01' })]);
    expect(byKind('co_perpetrators')).toEqual([expect.objectContaining({ a: 'non_state.organised_crime', b: 'state.mx.inm', count: 3 })]);
    // no flag cites the restricted incident the analyst may not see
    expect(JSON.stringify(r.flags)).not.toContain(ids['restricted']);
    // labels for what the flags name: pseudonyms and references, nothing more
    expect(r.actors).toEqual({ [ids['dir']!]: { kind: 'person', pseudonym: 'Directora A' }, [ids['law']!]: { kind: 'person', pseudonym: 'Abogado B' } });
    expect(Object.keys(r.incidentLabels).sort()).toEqual([...new Set(r.flags.flatMap((f) => f.incidentIds))].sort());
    expect(Object.values(r.incidentLabels).every((l) => /^INC-\d{6}$/.test(l.ref) && /^2024-/.test(l.day ?? ''))).toBe(true);
  });

  it('counts the restricted incident for whom it is shared with (its author)', async () => {
    const r = await findPatterns(admin, all);
    expect(r.flags.find((f) => f.kind === 'repeated_targeting')).toMatchObject({ victimId: ids['dir'], count: 4 });
    expect(r.flags.find((f) => f.kind === 'co_perpetrators')).toMatchObject({ count: 3 });
  });

  it('gives a person their own flags, and follows the thresholds', async () => {
    const lawyer = await actorPatterns(analyst, ids['law']!);
    expect(lawyer.flags.map((f) => f.kind)).toEqual(['cross_border']);
    const director = await actorPatterns(analyst, ids['dir']!);
    expect(director.flags.map((f) => f.kind).sort()).toEqual(['escalation', 'repeated_targeting']);
    await setPatternSettings(admin, { repeatedTargeting: { minIncidents: 4 }, escalation: { minSteps: 2, windowDays: 30 } });
    const stricter = await actorPatterns(analyst, ids['dir']!);
    // 4 incidents needed (the analyst sees 3); escalation within 30 days: surveillance 01-10 → threat 02-15 is 36 days, threat → raid 34 days
    expect(stricter.flags).toEqual([]);
    expect((await actorPatterns(admin, ids['dir']!)).flags.map((f) => f.kind)).toContain('repeated_targeting');
    await setPatternSettings(admin, {});
  });

  it('filters like a search, and refuses bad thresholds naming the field', async () => {
    const usOnly = await findPatterns(analyst, patternQuerySchema.parse({ country: ['US'] }));
    expect(usOnly.incidents).toBe(1);
    expect(usOnly.flags).toEqual([]);
    await expect(setPatternSettings(admin, { repeatedTargeting: { minIncidents: 1 } } as never)).rejects.toThrow();
  });
});
