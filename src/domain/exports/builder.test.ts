/**
 * The five file builders over generated incidents (fast-check): every CSV and Uwazi line parses back
 * with csv-parse to exactly the cells built, with no text cell left looking like a formula; the XLSX
 * sheet holds typed strings and numbers only; GeoJSON and the HURIDOCS document are valid JSON of the
 * right shape; and an incident projected without identifying values leaves none of the markers
 * planted in its identifying fields in any format. Hand-checked examples pin the columns and words.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import file from '../vocabulary/vocabularies.json' with { type: 'json' };
import { vocabularyFileSchema, flattenVocabularyFile, VocabularyIndex } from '../vocabulary/vocabulary.js';
import { places } from '../places/places.js';
import { COUNT_FIELDS, CONSENT_USES } from '../incident/schema.js';
import type { IncidentView } from '../incident/view.js';
import type { ActorView } from '../actor/view.js';
import { exportWords } from './words.js';
import { exportBuilder } from './builder.js';
import { projectIncident } from './project.js';
import { csvCell, type Cell } from './cells.js';
import { recordColumns, recordHeader, recordRow, rowCells, IDENTIFYING_COLUMNS } from './record-row.js';
import { uwaziProperties, uwaziRow, UWAZI_PROPERTIES } from './uwazi.js';
import { publicPoint } from './point.js';
import { EXPORT_FORMATS, type ExportFormat } from './query.js';
import type { SheetCell } from './tabular.js';

const { schemes, terms } = flattenVocabularyFile(vocabularyFileSchema.parse(file));
const vocab = new VocabularyIndex(schemes, terms);
const es = exportWords(vocab, 'es');
const en = exportWords(vocab, 'en');
const codes = (scheme: string) => fc.constantFrom(...vocab.inScheme(scheme).map((t) => t.code));

// free text a person could type: quotes, separators, line breaks, formula starts, accents
const typed = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '"', ';', '|', '::', ',', '\n', '\r\n', 'ñ', 'é'), fc.string({ unit: 'grapheme', maxLength: 20 })).map(([a, b]) => a + b),
).map((s) => s.replaceAll('SECRETO', 'secreto').trim() || 'x');
const oneLine = typed.map((s) => s.replace(/[\r\n]+/g, ' ').trim() || 'x');
const partial = fc.constantFrom('2019', '2019-07', '2019-07-23', '2024-02-29', '2026-12');
let serial = 0;
const secret = (what: string) => fc.constant(null).map(() => `SECRETO-${what}-${++serial}`);
const uuidOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const actor = (n: number): fc.Arbitrary<ActorView> =>
  fc.record({
    kind: fc.constantFrom('person' as const, 'organisation' as const),
    pseudonym: oneLine,
    realName: fc.option(secret('nombre'), { nil: undefined }),
    contact: fc.option(secret('contacto'), { nil: undefined }),
    privateAddress: fc.option(secret('direccion'), { nil: undefined }),
    role: fc.option(codes('victim_role'), { nil: undefined }),
    genderIdentity: fc.option(codes('gender_identity'), { nil: undefined }),
    nationality: fc.option(fc.constantFrom('MX', 'HN', 'GT', 'VE'), { nil: undefined }),
  }).map((a) => {
    const out: ActorView = { id: uuidOf(1000 + n), version: 1, orgId: uuidOf(1), protectionMeasures: [], createdAt: '2026-01-01T00:00:00.000Z', createdBy: uuidOf(2), updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: uuidOf(2), kind: a.kind, pseudonym: a.pseudonym };
    for (const [k, v] of Object.entries(a)) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
    return out;
  });

const placeArb = fc.oneof(
  fc.constantFrom(...places.localities.slice(0, 30)).map((l) => ({ precision: 'locality' as const, country: l.country, state: l.state, locality: l.name })),
  fc.constantFrom(...places.states.slice(0, 40)).map((s) => ({ precision: 'state' as const, country: s.country, state: s.code })),
  fc.constantFrom(...places.crossings).map((c) => ({ precision: 'crossing' as const, country: c.countries[0]!, crossing: c.code })),
  fc.constantFrom('MX', 'US', 'GT').map((country) => ({ precision: 'country' as const, country })),
  fc.constant({ precision: 'unknown' as const }),
  oneLine.map((locality) => ({ precision: 'locality' as const, country: 'MX', state: 'MX-COA', locality })),
);

const incidentArb: fc.Arbitrary<IncidentView> = fc
  .record({
    seq: fc.integer({ min: 1, max: 999_999 }),
    title: oneLine,
    summary: fc.option(typed, { nil: undefined }),
    date: fc.option(fc.record({ start: partial, approximate: fc.boolean() }), { nil: undefined }),
    place: placeArb,
    priv: fc.option(fc.record({ lat: fc.double({ min: -89, max: 89, noNaN: true }), lon: fc.double({ min: -179, max: 179, noNaN: true }), address: secret('punto') }), { nil: undefined }),
    routeSegment: fc.option(codes('route_segment'), { nil: undefined }),
    counts: fc.option(fc.dictionary(fc.constantFrom(...COUNT_FIELDS), fc.integer({ min: 0, max: 500 })), { nil: undefined }),
    context: fc.uniqueArray(codes('context'), { maxLength: 3 }),
    status: codes('incident_status'),
    followUp: codes('follow_up'),
    confidentiality: codes('confidentiality'),
    victims: fc.integer({ min: 0, max: 3 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => actor(i)))),
    acts: fc.array(fc.record({ kind: codes('act'), victim: fc.nat(3), methods: fc.uniqueArray(codes('act_method'), { maxLength: 2 }), description: fc.option(typed, { nil: undefined }),
      perpetrators: fc.array(fc.record({ perpetrator: codes('perpetrator'), degree: fc.option(codes('involvement_degree'), { nil: undefined }), identifiedIndividuals: fc.option(secret('perpetrador'), { nil: undefined }) }), { maxLength: 2 }) }), { maxLength: 3 }),
    sources: fc.array(fc.record({ kind: codes('source_kind'), pseudonym: fc.option(oneLine, { nil: undefined }), testimony: fc.option(secret('testimonio'), { nil: undefined }),
      consent: fc.tuple(...CONSENT_USES.map(() => codes('consent_value'))) }), { maxLength: 2 }),
  })
  .map((r) => {
    const victims = (r.victims as ActorView[]).map((a) => ({ key: a.id, actorId: a.id, actor: a }));
    const v: IncidentView = {
      id: uuidOf(r.seq), ref: `INC-${String(r.seq).padStart(6, '0')}`, version: 1, orgId: uuidOf(1), title: r.title,
      place: { ...r.place, ...(r.routeSegment ? { routeSegment: r.routeSegment } : {}), ...(r.priv ? { private: r.priv } : {}) },
      context: r.context, status: r.status, followUp: r.followUp, confidentiality: r.confidentiality, victims,
      acts: r.acts.map((a, i) => ({
        id: uuidOf(5000 + i), kind: a.kind, methods: a.methods, consequences: [], ...(victims[a.victim] ? { victimKey: victims[a.victim]!.actorId } : {}), ...(a.description ? { description: a.description } : {}),
        perpetrators: a.perpetrators.map((p, j) => ({ id: uuidOf(6000 + i * 10 + j), perpetrator: p.perpetrator, ...(p.degree ? { degree: p.degree } : {}), ...(p.identifiedIndividuals ? { identifiedIndividuals: p.identifiedIndividuals } : {}) })),
      })),
      sources: r.sources.map((s, i) => ({ id: uuidOf(7000 + i), kind: s.kind, ...(s.pseudonym ? { pseudonym: s.pseudonym } : {}), ...(s.testimony ? { testimony: s.testimony } : {}),
        consent: Object.fromEntries(CONSENT_USES.map((u, k) => [u, s.consent[k]!])) as IncidentView['sources'][number]['consent'] })),
      interventions: [],
      createdAt: '2026-01-02T03:04:05.000Z', createdBy: uuidOf(2), updatedAt: '2026-01-03T03:04:05.000Z', updatedBy: uuidOf(2),
    };
    if (r.summary !== undefined) v.summary = r.summary;
    if (r.date) v.date = r.date.approximate ? { start: r.date.start, approximate: true } : { start: r.date.start };
    if (r.counts && Object.keys(r.counts).length) v.counts = r.counts;
    return v;
  });

const FORMULA = /^[=+\-@\t\r]/;
const NUMERIC = /^-?\d+(\.\d+)?(\|-?\d+(\.\d+)?)?$/;
/** a cell left starting with - must be a number (numbers are written as JavaScript writes them) or Uwazi's lat|lon */
const inert = (cell: string) => NUMERIC.test(cell) || !Number.isNaN(Number(cell));
const build = (format: ExportFormat, views: IncidentView[], identifying: boolean, w = es) => {
  const b = exportBuilder(format, w, { identifying, exportedAt: '2026-05-01T00:00:00.000Z' });
  for (const v of views) b.add(v);
  return { file: b.finish(), counts: b.counts() };
};
const textOf = (f: ReturnType<typeof build>['file']) => (f.kind === 'text' ? f.chunks.join('') : JSON.stringify(f.data));

describe('records CSV', () => {
  it('parses back to exactly the cells built, one row per incident, no cell left looking like a formula', () => {
    fc.assert(
      fc.property(fc.array(incidentArb, { maxLength: 6 }), fc.boolean(), (views, identifying) => {
        const { file: f } = build('csv', views, identifying);
        const text = textOf(f);
        expect(text.startsWith('\uFEFF')).toBe(true);
        const back = parse(text, { bom: true }) as string[][];
        const columns = recordColumns(identifying);
        expect(back[0]).toEqual(columns.map((c) => recordHeader(c, 'es')));
        expect(back.slice(1)).toEqual(views.map((v) => rowCells(recordRow(v, es), columns).map(csvCell)));
        for (const row of back.slice(1)) for (const cell of row) if (FORMULA.test(cell)) expect(inert(cell), cell).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('writes the columns of an example incident with codes, labels and counts', () => {
    const v: IncidentView = {
      id: uuidOf(7), ref: 'INC-000007', version: 2, orgId: uuidOf(1), title: '=Amenaza en el albergue', summary: 'Dos hombres vigilaron la casa.',
      date: { start: '2026-07', end: '2026-08-15', approximate: true },
      place: { precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Saltillo', routeSegment: 'northeast', private: { lat: 25.43, lon: -101, address: 'Calle 12' } },
      counts: { dead: 2, children: 1 }, context: ['shelter'], status: 'reported', followUp: 'open', confidentiality: 'organisation',
      victims: [{ key: 'a', actorId: uuidOf(100), actor: { id: uuidOf(100), version: 1, orgId: uuidOf(1), kind: 'person', pseudonym: 'Coordinador A', realName: 'Nombre Real', protectionMeasures: [], createdAt: '', createdBy: '', updatedAt: '', updatedBy: '' } }],
      acts: [
        { id: uuidOf(200), kind: 'threat.death', victimKey: uuidOf(100), methods: ['phone_call'], consequences: [], perpetrators: [{ id: uuidOf(300), perpetrator: 'state.mx.inm', identifiedIndividuals: 'Agente X' }, { id: uuidOf(301), perpetrator: 'state.mx.inm' }] },
        { id: uuidOf(201), kind: 'surveillance.home', methods: [], consequences: [], perpetrators: [] },
      ],
      sources: [], interventions: [], createdAt: '2026-08-16T10:00:00.000Z', createdBy: uuidOf(2), updatedAt: '2026-08-17T10:00:00.000Z', updatedBy: uuidOf(2),
    };
    const row = recordRow(v, en);
    expect(row).toMatchObject({
      ref: 'INC-000007', title: '=Amenaza en el albergue', date_start: '2026-07', date_end: '2026-08-15', date_approximate: 'yes', country: 'MX', country_name: 'Mexico', state: 'MX-COA', state_name: 'Coahuila',
      locality: 'Saltillo', place_precision: 'locality', place_precision_label: 'locality', acts: 'threat.death; surveillance.home', perpetrators: 'state.mx.inm', victims: 'Coordinador A', victim_count: 1,
      dead: 2, children: 1, missing: null, status: 'reported', follow_up: 'open', confidentiality: 'organisation', victims_real_names: 'Coordinador A: Nombre Real', private_lat: 25.43, private_lon: -101, private_address: 'Calle 12',
    });
    expect(row.acts_label).toBe(`${vocab.label('act', 'threat.death', 'en')}; ${vocab.label('act', 'surveillance.home', 'en')}`);
    expect(row.identified_perpetrators).toBe(`${vocab.label('perpetrator', 'state.mx.inm', 'en')}: Agente X`);
    expect(recordRow(v, es).date_approximate).toBe('sí');
    // the guard is applied when written, not in the row
    const { file: f } = build('csv', [v], false, en);
    const back = parse(textOf(f), { bom: true, columns: true }) as Record<string, string>[];
    expect(back[0]!['title']).toBe("'=Amenaza en el albergue");
    expect(back[0]!['dead']).toBe('2');
    expect(Object.keys(back[0]!)).not.toContain('victims_real_names');
  });
});

describe('XLSX sheet', () => {
  it('holds typed strings (guarded) and numbers only, one row per incident after the header', () => {
    fc.assert(
      fc.property(fc.array(incidentArb, { maxLength: 5 }), fc.boolean(), (views, identifying) => {
        const { file: f } = build('xlsx', views, identifying, en);
        if (f.kind !== 'sheet') throw new Error('sheet expected');
        expect(f.data).toHaveLength(views.length + 1);
        const columns = recordColumns(identifying);
        views.forEach((v, i) => {
          const cells = rowCells(recordRow(v, en), columns);
          f.data[i + 1]!.forEach((c: SheetCell, j) => {
            const want: Cell = cells[j]!;
            if (want === null) expect(c).toBeNull();
            else if (typeof want === 'number') expect(c).toEqual({ value: want, type: Number });
            else expect(c).toEqual({ value: csvCell(want), type: String });
          });
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('Uwazi CSV', () => {
  it('parses back to the cells built; title first; dates, geolocation and select values in Uwazi\'s forms', () => {
    fc.assert(
      fc.property(fc.array(incidentArb, { maxLength: 6 }), fc.boolean(), (views, identifying) => {
        const text = textOf(build('uwazi', views, identifying).file);
        expect(text.startsWith('\uFEFF')).toBe(false);
        const back = parse(text) as string[][];
        const props = uwaziProperties(identifying);
        expect(back[0]).toEqual(props.map((p) => p.name));
        expect(back[0]![0]).toBe('title');
        views.forEach((v, i) => {
          const row = uwaziRow(v, es);
          expect(back[i + 1]).toEqual(props.map((p) => csvCell(row[p.name] ?? null)));
          const cell = (name: string) => back[i + 1]![props.findIndex((p) => p.name === name)]!;
          if (v.date) expect(cell('date')).toMatch(/^\d{4}\/\d{2}\/\d{2}:\d{4}\/\d{2}\/\d{2}$/);
          if (cell('geolocation')) expect(cell('geolocation')).toMatch(/^-?\d+(\.\d+)?\|-?\d+(\.\d+)?$/);
          for (const name of ['kinds_of_act', 'perpetrators', 'context', 'country', 'state', 'status']) expect(cell(name)).not.toContain('::');
          expect(cell('kinds_of_act').split('|').filter(Boolean)).toHaveLength(new Set(v.acts.map((a) => es.uniqueTerm('act', a.kind))).size);
        });
        for (const row of back.slice(1)) for (const c of row) if (FORMULA.test(c)) expect(inert(c), c).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('turns partial dates into the range of days they can mean, never a made-up day', () => {
    const base = { id: uuidOf(1), ref: 'INC-000001', version: 1, orgId: uuidOf(1), title: 'T', place: { precision: 'unknown' as const }, context: [], status: 'reported', followUp: 'open', confidentiality: 'organisation', victims: [], acts: [], sources: [], interventions: [], createdAt: '', createdBy: '', updatedAt: '', updatedBy: '' };
    expect(uwaziRow({ ...base, date: { start: '2019-07' } }, es)['date']).toBe('2019/07/01:2019/07/31');
    expect(uwaziRow({ ...base, date: { start: '2024-02' } }, es)['date']).toBe('2024/02/01:2024/02/29');
    expect(uwaziRow({ ...base, date: { start: '2019', end: '2020-03-05', approximate: true } }, en)).toMatchObject({ date: '2019/01/01:2020/03/05', date_as_recorded: '2019 – 2020-03-05 (approx.)' });
    expect(uwaziRow({ ...base, place: { precision: 'unknown', private: { lat: 1e-7, lon: -99.5, address: 'x' } } }, es)).toMatchObject({ private_geolocation: '0|-99.5', private_address: 'x', geolocation: null });
    // labels that occur twice in a vocabulary are told apart by their code
    const twice = vocab.inScheme('perpetrator').filter((t) => t.label.es === 'Instituto Nacional de Migración (INM)');
    expect(twice.length).toBeGreaterThan(1);
    expect(new Set(twice.map((t) => es.uniqueTerm('perpetrator', t.code))).size).toBe(twice.length);
  });
});

describe('GeoJSON', () => {
  it('is a FeatureCollection of the incidents with a place, drawn at their public point unless a private one went out', () => {
    fc.assert(
      fc.property(fc.array(incidentArb, { maxLength: 6 }), fc.boolean(), (views, identifying) => {
        const shown = views.map((v) => projectIncident(v, { identifying, purpose: 'internal', marked: new Set() }).view);
        const { file: f, counts } = build('geojson', shown, identifying);
        const g = JSON.parse(textOf(f)) as { type: string; features: { type: string; geometry: { type: string; coordinates: [number, number] }; properties: Record<string, unknown> }[] };
        expect(g.type).toBe('FeatureCollection');
        const drawn = shown.filter((v) => (v.place.private?.lat !== undefined) || publicPoint(v.place));
        expect(g.features).toHaveLength(drawn.length);
        expect(counts).toEqual({ rows: drawn.length, unplaced: shown.length - drawn.length });
        g.features.forEach((x, i) => {
          const v = drawn[i]!;
          expect(x.type).toBe('Feature');
          expect(x.geometry.type).toBe('Point');
          const [lon, lat] = x.geometry.coordinates;
          expect(Math.abs(lon)).toBeLessThanOrEqual(180);
          expect(Math.abs(lat)).toBeLessThanOrEqual(90);
          if (!identifying) {
            const p = publicPoint(v.place)!;
            expect([lon, lat]).toEqual([p.lon, p.lat]);
            expect(x.properties['point_kind']).not.toBe('private');
          }
          expect(x.properties['referencia']).toBe(v.ref);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('draws a town at the gazetteer\'s point, a state at its representative point, and an unknown place nowhere', () => {
    const saltillo = places.localities.find((l) => l.name === 'Saltillo')!;
    expect(publicPoint({ precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'saltillo' })).toEqual({ lon: Math.round(saltillo.lon * 100) / 100, lat: Math.round(saltillo.lat * 100) / 100, kind: 'town' });
    expect(publicPoint({ precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Calle inventada' })?.kind).toBe('state');
    expect(publicPoint({ precision: 'state', country: 'MX', state: 'MX-COA', locality: 'Saltillo' })?.kind).toBe('state');
    expect(publicPoint({ precision: 'unknown', country: 'MX' })).toBeNull();
    expect(publicPoint({ precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Saltillo', private: { lat: 1, lon: 2 } })?.kind).toBe('town');
  });
});

describe('HURIDOCS events', () => {
  it('is one event per incident with its acts, involvements and sources, and each victim once among the persons', () => {
    fc.assert(
      fc.property(fc.array(incidentArb, { maxLength: 5 }), (views) => {
        const { file: f, counts } = build('huridocs', views, true, en);
        const d = JSON.parse(textOf(f)) as { format: string; version: number; events: { eventRecordNumber: string; acts: { actType: { code: string }; involvements: unknown[] }[]; sources: unknown[] }[]; persons: { personRecordNumber: string }[] };
        expect(d.format).toBe('huridocs-events');
        expect(d.version).toBe(1);
        expect(d.events.map((e) => e.eventRecordNumber)).toEqual(views.map((v) => v.ref));
        d.events.forEach((e, i) => {
          expect(e.acts.map((a) => a.actType.code)).toEqual(views[i]!.acts.map((a) => a.kind));
          expect(e.acts.map((a) => a.involvements.length)).toEqual(views[i]!.acts.map((a) => a.perpetrators.length));
          expect(e.sources).toHaveLength(views[i]!.sources.length);
        });
        const victims = new Set(views.flatMap((v) => v.victims.map((x) => x.actorId)));
        expect(new Set(d.persons.map((p) => p.personRecordNumber))).toEqual(victims);
        expect(d.persons).toHaveLength(victims.size);
        expect(counts).toEqual({ rows: views.length, persons: victims.size });
      }),
      { numRuns: 100 },
    );
  });

  it('names HURIDOCS terms beside our codes, a parent\'s when the term has none of its own', () => {
    expect(en.huridocs('act', 'threat.death')).toBe('MT4 020103020000 Death threats');
    const child = vocab.inScheme('act').find((t) => t.parent && !t.mapping?.['huridocs'] && vocab.get('act', t.parent)?.mapping?.['huridocs']);
    expect(child).toBeTruthy();
    expect(en.huridocs('act', child!.code)).toBe(vocab.get('act', child!.parent!)!.mapping!['huridocs']);
    expect(en.huridocs('confidentiality', 'restricted')).toBeUndefined();
  });
});

describe('without identifying values', () => {
  it('no format carries a marker planted in an identifying field, and the identifying columns are absent', () => {
    fc.assert(
      fc.property(fc.array(incidentArb, { minLength: 1, maxLength: 4 }), fc.constantFrom(...EXPORT_FORMATS), fc.constantFrom('internal' as const, 'partners' as const), (views, format, purpose) => {
        const shown = views.map((v) => projectIncident(v, { identifying: false, purpose, marked: new Set() }).view);
        const text = textOf(build(format, shown, false).file);
        expect(text).not.toContain('SECRETO');
        for (const c of IDENTIFYING_COLUMNS) expect(text).not.toContain(recordHeader(c, 'es'));
        for (const p of UWAZI_PROPERTIES.filter((x) => x.identifying)) expect(text).not.toContain(p.name);
      }),
      { numRuns: 150 },
    );
  });
});
