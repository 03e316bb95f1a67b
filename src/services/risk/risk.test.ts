/**
 * Risk assessments through the use cases, on both backends: a defender harassed (not serious),
 * then detained (serious: a first assessment is asked for), assessed, threatened with death
 * afterwards (a re-assessment is asked for), assessed again; a restricted kidnapping that only its
 * author sees. Who may read and write, the stale-version refusal, evidence limited to the
 * person's own incidents, the history, the audit, and the body sealed in the database.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { assessRisk } from './assess-risk.js';
import { readAssessment, riskOverview as readRisk } from './read-risk.js';
import { dueAssessments } from './risk-due.js';
import type { RiskAssessmentInput } from '../../domain/risk/assessment.js';

let ws: TestWorkspace;
let admin: ServiceContext;
const at = (ctx: ServiceContext, now: string): ServiceContext => ({ ...ctx, now: () => now });
const as = (role: ServiceContext['user']['role'], id = `other-${role}`): ServiceContext => ({ ...admin, user: { ...admin.user, id, role } });
const ids: Record<string, string> = {};
const MARKER = 'QZRISKMARKER';

const incident = (title: string, kind: string, extra: Record<string, unknown> = {}) => ({
  title, date: { start: '2026-01-05' }, place: { precision: 'country', country: 'MX' },
  victims: [{ key: 'v', actorId: ids['defender']! }], acts: [{ kind, victimKey: 'v', perpetrators: [{ perpetrator: 'state.mx.inm' }] }], ...extra,
});
const assessment = (replaces: number, threat: number, cite: string[] = []): RiskAssessmentInput => ({
  threats: [{ description: `Amenazas de ${MARKER}`, level: threat, evidence: 'Llamadas al teléfono de la oficina', incidents: cite }],
  vulnerabilities: [{ description: 'Vive sola, sin cerradura', level: 4 }, { description: 'Sin teléfono seguro', level: 3 }],
  capacities: [{ description: 'Red de acompañamiento', level: 2 }],
  summary: 'Medidas: acompañamiento nocturno', nextReview: '2026-09-01', replaces,
});

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, '2026-02-01T00:00:00.000Z');
  const [first] = await recordIncidents(at(admin, '2026-02-01T00:00:00.000Z'), [{
    title: 'Acoso en redes', date: { start: '2026-01-02' }, place: { precision: 'country', country: 'MX' },
    victims: [{ key: 'v', actor: { kind: 'person', pseudonym: 'Defensora R' } }], acts: [{ kind: 'harassment.online', victimKey: 'v', perpetrators: [] }],
  }]);
  ids['defender'] = first!.victims[0]!.actorId;
  ids['harassment'] = first!.id;
}, 60_000);
afterAll(async () => { await ws?.close(); });

describe('risk assessment', () => {
  it('asks for nothing while nothing serious happened', async () => {
    const r = await readRisk(admin, ids['defender']!);
    expect(r).toEqual({ history: [], reassessment: { due: false, reasons: [], incidents: [] }, incidentLabels: {} });
    await expect(readAssessment(admin, ids['defender']!, 1)).rejects.toMatchObject({ status: 404 });
  });

  it('asks for a first assessment after a serious incident', async () => {
    const [d] = await recordIncidents(at(admin, '2026-02-10T00:00:00.000Z'), [incident('Detención arbitraria', 'detention.arrest')]);
    ids['detention'] = d!.id;
    const r = await readRisk(at(admin, '2026-02-11T00:00:00.000Z'), ids['defender']!);
    expect(r.reassessment).toEqual({ due: true, reasons: ['never_assessed'], incidents: [d!.id] });
    expect(r.incidentLabels[d!.id]).toEqual({ ref: d!.ref, day: '2026-01-05' });
  });

  it('records an assessment with its score, citing the person\'s incidents, and then asks for nothing', async () => {
    const r = await assessRisk(at(admin, '2026-02-12T00:00:00.000Z'), ids['defender']!, assessment(0, 4, [ids['detention']!]));
    expect(r.reassessment.due).toBe(false);
    expect(r.history).toEqual([{ version: 1, assessedAt: '2026-02-12T00:00:00.000Z', assessedBy: 'Rosa (admin)', level: 'high', score: 7, nextReview: '2026-09-01' }]);
    // T = 4 (highest threat), V = (4 + 3) / 2 = 3.5, C = 2: 4 × 3.5 / 2 = 7 → high
    const one = await readAssessment(admin, ids['defender']!, 1);
    expect(one.assessment).toMatchObject({ version: 1, level: 'high', score: 7, factors: { threat: 4, vulnerability: 3.5, capacity: 2 }, nextReview: '2026-09-01', assessedBy: 'Rosa (admin)', summary: 'Medidas: acompañamiento nocturno' });
    expect(one.assessment.threats[0]!.incidents).toEqual([ids['detention']]);
    expect(Object.keys(one.incidentLabels)).toEqual([ids['detention']]);
  });

  it('refuses a stale version, evidence from someone else\'s incident, and bad factors, naming the field', async () => {
    await expect(assessRisk(admin, ids['defender']!, assessment(0, 3))).rejects.toMatchObject({ status: 409, code: 'conflict' });
    await expect(assessRisk(admin, ids['defender']!, assessment(1, 3, ['00000000-0000-4000-8000-000000000000']))).rejects.toMatchObject({ status: 400, problems: [{ path: 'threats[0].incidents[0]' }] });
    await expect(assessRisk(admin, ids['defender']!, { ...assessment(1, 3), vulnerabilities: [] })).rejects.toMatchObject({ status: 400, problems: [{ path: 'vulnerabilities' }] });
    expect((await readRisk(admin, ids['defender']!)).history).toHaveLength(1);
  });

  it('asks again after a serious incident recorded since, and lists the person as due', async () => {
    const [t, minor] = await recordIncidents(at(admin, '2026-03-01T00:00:00.000Z'), [incident('Amenaza de muerte', 'threat.death'), incident('Difamación', 'defamation.fake_news')]);
    ids['threat'] = t!.id;
    const now = at(admin, '2026-03-02T00:00:00.000Z');
    expect((await readRisk(now, ids['defender']!)).reassessment).toEqual({ due: true, reasons: ['serious_incident'], incidents: [t!.id] });
    expect(minor!.id).not.toBe(t!.id);
    const due = await dueAssessments(now);
    expect(due.items.map((i) => [i.pseudonym, i.latest.level, i.reassessment.incidents])).toEqual([['Defensora R', 'high', [t!.id]]]);
  });

  it('keeps every version: the latest by default, an earlier one on request', async () => {
    const r = await assessRisk(at(admin, '2026-03-03T00:00:00.000Z'), ids['defender']!, assessment(1, 5, [ids['threat']!]));
    expect(r.history.map((h) => [h.version, h.score, h.level])).toEqual([[2, 8.75, 'critical'], [1, 7, 'high']]);
    expect(r.reassessment.due).toBe(false);
    expect((await readAssessment(admin, ids['defender']!, 2)).assessment).toMatchObject({ version: 2, level: 'critical', threats: [{ level: 5 }] });
    expect((await readAssessment(admin, ids['defender']!, 1)).assessment).toMatchObject({ version: 1, level: 'high', threats: [{ level: 4 }] });
    await expect(readAssessment(admin, ids['defender']!, 9)).rejects.toMatchObject({ status: 404 });
    expect((await dueAssessments(at(admin, '2026-03-04T00:00:00.000Z'))).items).toEqual([]);
    // the review day passed
    expect((await dueAssessments(at(admin, '2026-09-01T08:00:00.000Z'))).items.map((i) => i.reassessment.reasons)).toEqual([['review_date']]);
  });

  it('counts a restricted incident only for those who see it', async () => {
    const [k] = await recordIncidents(at(admin, '2026-04-01T00:00:00.000Z'), [incident('Secuestro', 'kidnapping', { confidentiality: 'restricted' })]);
    const later = '2026-04-02T00:00:00.000Z';
    expect((await readRisk(at(admin, later), ids['defender']!)).reassessment.incidents).toEqual([k!.id]);
    const other = at(as('coordinator'), later);
    const r = await readRisk(other, ids['defender']!);
    expect(r.reassessment.due).toBe(false);
    expect(Object.keys(r.incidentLabels)).not.toContain(k!.id);
    expect((await dueAssessments(other)).items).toEqual([]);
    // and evidence citing it is left out for them
    await assessRisk(at(admin, '2026-04-03T00:00:00.000Z'), ids['defender']!, assessment(2, 5, [k!.id, ids['threat']!]));
    expect((await readAssessment(other, ids['defender']!, 3)).assessment.threats[0]!.incidents).toEqual([ids['threat']]);
    expect(Object.keys((await readAssessment(other, ids['defender']!, 3)).incidentLabels)).toEqual([ids['threat']]);
    expect((await readAssessment(admin, ids['defender']!, 3)).assessment.threats[0]!.incidents).toEqual([k!.id, ids['threat']]);
  });

  it('lets documenters read and only coordinators and admins write; analysts and viewers neither', async () => {
    await expect(readRisk(as('documenter'), ids['defender']!)).resolves.toMatchObject({ history: [{ version: 3 }, { version: 2 }, { version: 1 }] });
    await expect(readAssessment(as('documenter'), ids['defender']!, 3)).resolves.toMatchObject({ assessment: { version: 3 } });
    await expect(assessRisk(as('documenter'), ids['defender']!, assessment(3, 2))).rejects.toMatchObject({ status: 403 });
    for (const role of ['analyst', 'viewer'] as const) {
      await expect(readRisk(as(role), ids['defender']!)).rejects.toMatchObject({ status: 403 });
      await expect(readAssessment(as(role), ids['defender']!, 1)).rejects.toMatchObject({ status: 403 });
      await expect(dueAssessments(as(role))).rejects.toMatchObject({ status: 403 });
    }
    await expect(assessRisk(at(as('coordinator'), '2026-05-01T00:00:00.000Z'), ids['defender']!, assessment(3, 2))).resolves.toMatchObject({ history: [{ version: 4, level: 'medium', score: 3.5 }, {}, {}, {}] });
  });

  it('audits every assessment and every read, never with its content', async () => {
    const rows = await ws.vault.runtime().store.db.selectFrom('audit_events').select(['action', 'target_id', 'detail']).where('action', 'like', 'risk.%').execute();
    expect(rows.filter((r) => r.action === 'risk.assessed').map((r) => JSON.parse(r.detail!))).toEqual([
      { version: 1, level: 'high' }, { version: 2, level: 'critical' }, { version: 3, level: 'critical' }, { version: 4, level: 'medium' },
    ]);
    // each read of a version's content; the overview (dates, levels) is not a read of the content
    expect(rows.filter((r) => r.action === 'risk.read').map((r) => JSON.parse(r.detail!).version)).toEqual([1, 2, 1, 3, 3, 3, 3]);
    expect(rows.every((r) => r.target_id === ids['defender'] && !JSON.stringify(r).includes(MARKER))).toBe(true);
  });

  it('keeps the assessment sealed in the database', async () => {
    const db = ws.vault.runtime().store.db;
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM risk_assessments`.execute(db)).rows;
    expect(rows).toHaveLength(4);
    for (const r of rows) for (const v of Object.values(r)) expect(String(v)).not.toMatch(/QZRISKMARKER|cerradura|acompañamiento/);
  });
});
