/**
 * The records export under generated input: arbitrary JSON bodies and a valid request with one
 * field replaced by junk never give a 5xx; a 400 names its field; what is accepted is a file of the
 * asked format under its fixed name that reads back (CSV parses, JSON parses, XLSX opens) and never
 * holds an identifying value unless they were asked for. Each request comes from its own address,
 * so the export's rate limit does not hide the answers.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import type { LightMyRequestResponse } from 'fastify';
import { newWorkspace, Client, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';
import { EXPORT_FILES, EXPORT_FORMATS, type ExportFormat } from '../../src/domain/exports/query.js';

let ws: TestWorkspace;
let c: Client;
let sent = 0;
const MARK = 'QZFUZZEXPORT';

beforeAll(async () => {
  ws = await newWorkspace();
  c = new Client(ws.app);
  await c.login();
  for (const m of [MARK, `${MARK}2`]) expect((await c.req('POST', '/api/v1/incidents', fullIncident(m))).statusCode).toBe(201);
});
afterAll(async () => {
  await ws?.close();
});

function post(body: unknown): Promise<LightMyRequestResponse> {
  sent++;
  return ws.app.inject({
    method: 'POST', url: '/api/v1/exports', remoteAddress: `10.99.${(sent >> 8) & 255}.${sent & 255}`,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', 'a'.repeat(5000), -1, 0, 1e308, null, true, false, [], {}, '__proto__', '2026-02-30', '2026-13', '=cmd|', 'csv', 'xlsx', 'partners', ['MX'], ['threat'], ['MX-COA']),
);
const FIELDS = ['format', 'lang', 'purpose', 'includeIdentifying', 'q', 'from', 'to', 'country', 'state', 'act', 'perpetrator', 'role', 'gender', 'lgbti', 'migrationStatus', 'status', 'year', 'extra', '__proto__'] as const;
/** values a person could send for each field (many of them accepted), beside the junk */
const PLAUSIBLE: Record<(typeof FIELDS)[number], fc.Arbitrary<unknown>> = {
  format: fc.constantFrom(...EXPORT_FORMATS), lang: fc.constantFrom('es', 'en'), purpose: fc.constantFrom('internal', 'partners'), includeIdentifying: fc.boolean(),
  q: fc.string({ unit: 'grapheme', maxLength: 40 }), from: fc.constantFrom('2025', '2026-07', '2026-08-15'), to: fc.constantFrom('2026', '2026-12', '2027-01-01'),
  country: fc.constantFrom(['MX'], ['US', 'MX'], []), state: fc.constantFrom(['MX-COA'], ['MX-CHP']), act: fc.constantFrom(['threat'], ['surveillance.home'], ['kidnapping']),
  perpetrator: fc.constantFrom(['state'], ['non_state.unknown']), role: fc.constantFrom(['shelter_coordinator']), gender: fc.constantFrom(['man'], ['woman']), lgbti: fc.constantFrom(['no']),
  migrationStatus: fc.constantFrom(['national']), status: fc.constantFrom(['reported'], ['verified']), year: fc.constantFrom(['2026'], ['2019']), extra: fc.constant(1), __proto__: fc.constant({}),
};
const valid = (format: ExportFormat) => ({ format, purpose: 'internal', lang: 'es', q: 'albergue' });

async function readsBack(format: ExportFormat, r: LightMyRequestResponse, identifying: boolean): Promise<void> {
  expect(r.headers['content-disposition']).toBe(`attachment; filename="${EXPORT_FILES[format].name}"`);
  expect(r.headers['cache-control']).toBe('no-store');
  if (format === 'xlsx') {
    const sheet = await readSheet(r.rawPayload);
    expect(sheet.length).toBeGreaterThanOrEqual(1);
    if (!identifying) expect(JSON.stringify(sheet)).not.toContain(`Nombre Real ${MARK}`);
    return;
  }
  if (format === 'csv' || format === 'uwazi') expect(() => parse(r.body, { bom: true })).not.toThrow();
  else expect(() => JSON.parse(r.body) as unknown).not.toThrow();
  if (!identifying) {
    expect(r.body).not.toContain(`Nombre Real ${MARK}`);
    expect(r.body).not.toContain(`Calle secreta 12 ${MARK}`);
    expect(r.body).not.toContain(`Me dijeron que me fuera ${MARK}`);
  }
}

describe('records export under generated input', () => {
  it('never answers 5xx to arbitrary bodies', async () => {
    await fc.assert(
      fc.asyncProperty(junk, async (body) => {
        const r = await post(body === undefined ? null : body);
        expect(r.statusCode, `${JSON.stringify(body)?.slice(0, 100)} → ${r.body.slice(0, 200)}`).toBeLessThan(500);
        if (r.statusCode === 400) expect(r.json().problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('never answers 5xx to a valid request with one field replaced by junk; what it accepts reads back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXPORT_FORMATS), fc.constantFrom(...FIELDS).chain((f) => fc.tuple(fc.constant(f), fc.oneof(junk, PLAUSIBLE[f]))), async (format, [field, value]) => {
        const body: Record<string, unknown> = { ...valid(format) };
        Object.defineProperty(body, field, { value, enumerable: true, configurable: true, writable: true });
        const r = await post(body);
        expect(r.statusCode, `${field} = ${JSON.stringify(value)?.slice(0, 100)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
        if (r.statusCode === 400) expect(r.json().problems.length).toBeGreaterThan(0);
        if (r.statusCode === 200) {
          const asked = (typeof body['format'] === 'string' ? body['format'] : format) as ExportFormat;
          await readsBack(asked, r, body['includeIdentifying'] === true);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('answers every format for a valid request, with and without identifying values', async () => {
    for (const format of EXPORT_FORMATS) {
      for (const identifying of [false, true]) {
        const r = await post({ ...valid(format), includeIdentifying: identifying });
        expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
        await readsBack(format, r, identifying);
      }
    }
  });
});
