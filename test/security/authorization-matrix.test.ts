/**
 * The authorisation matrix, generated from the route table: every route × every role × (for routes
 * on one incident) an open and a restricted incident, with the expected allow / deny / hidden /
 * redact. A route missing from CASES fails the first test, so a new route cannot be forgotten.
 *  - deny: 403 (the role may not do this);
 *  - hidden: 404 (a restricted incident not shared with this user does not exist for them —
 *    admins included);
 *  - redact: 200 with identifying values removed and listed in `redacted`;
 *  - allow: anything but 401/403/5xx, and not 404 on an incident that exists (a 400 for a sample
 *    body, a 404 for a random id of something else or a 409 for a stale version still proves the
 *    request got past authorisation).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { newWorkspace, Client, userWithRole, ADMIN, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';
import { apiRoutes } from '../../src/http/server.js';
import { ROLES, can, type Role, type Permission } from '../../src/domain/user/roles.js';
import type { AnyRoute } from '../../src/http/route.js';

type Outcome = 'allow' | 'deny' | 'hidden' | 'redact';
type RecordKind = 'open' | 'restricted';
interface Ids { open: string; restricted: string; actor: string; user: string; group: string; draft: string; self: Record<Role, string> }
interface Case {
  /** the route acts on one incident (its :id): checked on an open and on a restricted one */
  incident?: true;
  url?: (ids: Ids, role: Role) => string;
  body?: (ids: Ids, role: Role) => unknown;
  /** who may, when it is not simply the route's permission */
  expect?: (role: Role, record: RecordKind | null) => Outcome;
  /** runs after every other route (it ends the session or seals) */
  last?: true;
  /** the sample sends wrong credentials on purpose: a 401 saying so still means "let through" */
  credentials?: true;
}

const IDENT = 'QZMATRIXIDENT';
const byPermission = (p: Permission) => (role: Role): Outcome => (can(role, p) ? 'allow' : 'deny');
const everyone = (): Outcome => 'allow';

const CASES: Record<string, Case> = {
  'GET /api/v1/status': {},
  'GET /api/v1/health/live': {},
  'GET /api/v1/health/ready': {},
  'POST /api/v1/setup': { body: () => ({}) },
  'POST /api/v1/unseal': { credentials: true, body: () => ({ passphrase: 'wrong passphrase for the matrix' }) },
  'POST /api/v1/seal': { last: true },
  'POST /api/v1/auth/login': { credentials: true, body: () => ({ email: 'nobody@example.org', password: 'x' }) },
  'POST /api/v1/session/second-factor': { credentials: true, body: () => ({ code: '000000' }) },
  'POST /api/v1/auth/logout': { last: true },
  'GET /api/v1/session': {},
  'POST /api/v1/session/reauth': { credentials: true, body: () => ({ password: 'wrong password' }) },
  'PATCH /api/v1/me': { body: () => ({ lang: 'es' }) },
  'POST /api/v1/me/password': { credentials: true, body: () => ({ current: 'not the password', password: 'another-password-1' }) },
  'GET /api/v1/me/second-factor': {},
  'POST /api/v1/me/second-factor/enrol': { body: () => ({}) },
  'POST /api/v1/me/second-factor/confirm': { body: () => ({ code: '000000' }) },
  'DELETE /api/v1/me/second-factor': { body: () => ({}) },
  'POST /api/v1/me/second-factor/recovery-codes': { body: () => ({}) },
  'GET /api/v1/me/sessions': {},
  'DELETE /api/v1/me/sessions/:handle': { url: () => '/api/v1/me/sessions/AAAAAAAAAAAAAAAAAAAA' },
  'DELETE /api/v1/me/sessions': {},
  'GET /api/v1/users/:id/sessions': { url: (i) => `/api/v1/users/${i.user}/sessions` },
  'DELETE /api/v1/users/:id/sessions': { url: (i) => `/api/v1/users/${i.user}/sessions` },
  'DELETE /api/v1/users/:id/second-factor': { url: (i) => `/api/v1/users/${i.user}/second-factor` },
  'GET /api/v1/security/role-policies': {},
  'PUT /api/v1/security/role-policies/:role': { url: () => '/api/v1/security/role-policies/viewer', body: () => ({ requireSecondFactor: false }) },
  'GET /api/v1/users': {},
  'POST /api/v1/users': { body: () => ({}) },
  'PATCH /api/v1/users/:id': { url: (i) => `/api/v1/users/${i.user}`, body: () => ({}) },
  'POST /api/v1/users/:id/password': { url: (i) => `/api/v1/users/${i.user}/password`, body: () => ({}) },
  'GET /api/v1/organisations': {},
  // accompanied people, hearings, reminders (issue 9, ADR 0024): the organisation's own; a random id is 404
  'GET /api/v1/accompaniment/places': {},
  'POST /api/v1/accompaniment/people/search': { body: () => ({}) },
  'POST /api/v1/accompaniment/people': { body: () => ({}) },
  'GET /api/v1/accompaniment/people/:id': { url: () => `/api/v1/accompaniment/people/${randomUUID()}` },
  'PUT /api/v1/accompaniment/people/:id': { url: () => `/api/v1/accompaniment/people/${randomUUID()}`, body: () => ({ pseudonym: 'X', version: 1 }) },
  'POST /api/v1/accompaniment/people/:id/identity': { url: () => `/api/v1/accompaniment/people/${randomUUID()}/identity`, body: () => ({}), expect: (role) => (can(role, 'accompaniment.read') && can(role, 'identifying.read') ? 'allow' : 'deny') },
  'GET /api/v1/accompaniment/families': {},
  'POST /api/v1/accompaniment/hearings/search': { body: () => ({ from: '2027-01-01', to: '2027-01-31' }) },
  'POST /api/v1/accompaniment/hearings/bulk': { body: () => ({ format: 'csv', content: Buffer.from('person,court,date,time,kind\n').toString('base64'), dryRun: true }) },
  'POST /api/v1/accompaniment/hearings': { body: () => ({}) },
  'GET /api/v1/accompaniment/hearings/:id': { url: () => `/api/v1/accompaniment/hearings/${randomUUID()}` },
  'PUT /api/v1/accompaniment/hearings/:id': { url: () => `/api/v1/accompaniment/hearings/${randomUUID()}`, body: () => ({}) },
  'POST /api/v1/accompaniment/hearings/:id/outcome': { url: () => `/api/v1/accompaniment/hearings/${randomUUID()}/outcome`, body: () => ({ version: 1, status: 'held' }) },
  'POST /api/v1/accompaniment/hearings/:id/sealed': { url: () => `/api/v1/accompaniment/hearings/${randomUUID()}/sealed`, body: () => ({}), expect: (role) => (can(role, 'accompaniment.read') && can(role, 'identifying.read') ? 'allow' : 'deny') },
  'POST /api/v1/accompaniment/reminders/due': { body: () => ({ days: 7 }) },
  'POST /api/v1/accompaniment/reminders/send': { body: () => ({ items: [], channel: 'print' }) },
  'GET /api/v1/accompaniment/reminder-webhook': {},
  'PUT /api/v1/accompaniment/reminder-webhook': { body: () => ({}) },
  // transport runs (issue 9, ADR 0024): reading, marks and meeting points are open to every role at the route (escorts and partners), decided in run-access.ts; a random run is 404
  'POST /api/v1/accompaniment/runs/preview': { body: () => ({}) },
  'POST /api/v1/accompaniment/runs': { body: () => ({}) },
  'GET /api/v1/accompaniment/runs/:id': { url: () => `/api/v1/accompaniment/runs/${randomUUID()}` },
  'PUT /api/v1/accompaniment/runs/:id': { url: () => `/api/v1/accompaniment/runs/${randomUUID()}`, body: () => ({}) },
  'POST /api/v1/accompaniment/runs/:id/status': { url: () => `/api/v1/accompaniment/runs/${randomUUID()}/status`, body: () => ({}) },
  'POST /api/v1/accompaniment/runs/:id/marks': { url: () => `/api/v1/accompaniment/runs/${randomUUID()}/marks`, body: () => ({}) },
  'POST /api/v1/accompaniment/runs/:id/meeting-points': { url: () => `/api/v1/accompaniment/runs/${randomUUID()}/meeting-points`, body: () => ({}) },
  'GET /api/v1/accompaniment/my-runs': {},
  'POST /api/v1/accompaniment/plan': { body: () => ({ from: '2027-03-01', to: '2027-03-07' }) },
  'POST /api/v1/accompaniment/figures': { body: () => ({ from: '2027-01-01', to: '2027-12-31' }) },
  'POST /api/v1/organisations': { body: () => ({ name: `Partner ${randomUUID()}` }) },
  'GET /api/v1/vocabularies': {},
  'POST /api/v1/vocabularies/:scheme/terms': { url: () => '/api/v1/vocabularies/context/terms', body: () => ({}) },
  'PATCH /api/v1/vocabularies/:scheme/terms/:code': { url: () => '/api/v1/vocabularies/context/terms/shelter', body: () => ({}) },
  'GET /api/v1/places': {},
  'POST /api/v1/incidents/search': { body: () => ({ q: 'albergue' }) },
  'POST /api/v1/stats/breakdown': { body: () => ({ dimension: 'act', granularity: 'year' }) },
  'POST /api/v1/stats/compare': { body: () => ({ dimension: 'country', since: '2024' }) },
  'POST /api/v1/stats/map': { body: () => ({ country: ['MX'] }) },
  'POST /api/v1/incidents/scan-identifying': { body: () => ({ text: IDENT }) },
  'POST /api/v1/incidents': { body: () => ({}) },
  'GET /api/v1/incidents/:id': { incident: true, expect: (role) => (can(role, 'identifying.read') ? 'allow' : 'redact') },
  'POST /api/v1/incidents/:id/reveal': { incident: true, body: () => ({ paths: ['place.private'] }), expect: byPermission('identifying.read') },
  'PUT /api/v1/incidents/:id': { incident: true, body: () => ({ ...fullIncident('M'), version: 999 }), expect: byPermission('incident.edit_any') },
  'GET /api/v1/incidents/:id/history': { incident: true },
  'DELETE /api/v1/incidents/:id': { incident: true, url: (i) => `/api/v1/incidents/${i.open}?version=999` },
  'GET /api/v1/incidents/:id/shares': { incident: true },
  'PUT /api/v1/incidents/:id/shares': { incident: true, body: () => ({ shares: [] }), expect: byPermission('incident.edit_any') },
  'GET /api/v1/directory': {},
  'GET /api/v1/groups': {},
  'POST /api/v1/groups': { body: () => ({}) },
  'PUT /api/v1/groups/:id': { url: (i) => `/api/v1/groups/${i.group}`, body: () => ({}) },
  'DELETE /api/v1/groups/:id': { url: () => `/api/v1/groups/${randomUUID()}` },
  'POST /api/v1/actors/search': { body: () => ({}) },
  'POST /api/v1/actors': { body: () => ({}) },
  'GET /api/v1/actors/:id': { url: (i) => `/api/v1/actors/${i.actor}` },
  'POST /api/v1/actors/:id/reveal': { url: (i) => `/api/v1/actors/${i.actor}/reveal`, body: () => ({ paths: ['realName'] }) },
  'PUT /api/v1/actors/:id': { url: (i) => `/api/v1/actors/${i.actor}`, body: () => ({}) },
  'GET /api/v1/drafts': {},
  'GET /api/v1/drafts/:id': { url: (i) => `/api/v1/drafts/${i.draft}` },
  'PUT /api/v1/drafts/:id': { url: () => `/api/v1/drafts/${randomUUID()}`, body: () => ({ data: { title: 'borrador' } }) },
  'DELETE /api/v1/drafts/:id': { url: () => `/api/v1/drafts/${randomUUID()}` },
  'GET /api/v1/audit': {},
  'POST /api/v1/audit/verify': { body: () => ({}) },
  'GET /api/v1/openapi.json': {},
  'GET /api/v1/settings/identifying-fields': {},
  'PUT /api/v1/settings/identifying-fields': { body: () => ({ fields: [] }) },
  'POST /api/v1/stats/patterns': { body: () => ({ country: ['MX'] }) },
  'GET /api/v1/actors/:id/patterns': { url: (i) => `/api/v1/actors/${i.actor}/patterns` },
  'GET /api/v1/actors/:id/timeline': { url: (i) => `/api/v1/actors/${i.actor}/timeline` },
  'GET /api/v1/actors/:id/risk': { url: (i) => `/api/v1/actors/${i.actor}/risk` },
  'GET /api/v1/actors/:id/risk/:version': { url: (i) => `/api/v1/actors/${i.actor}/risk/1` },
  'POST /api/v1/actors/:id/risk': { url: (i) => `/api/v1/actors/${i.actor}/risk`, body: () => ({}) },
  'GET /api/v1/risk/due': {},
  'GET /api/v1/settings/patterns': {},
  'PUT /api/v1/settings/patterns': { body: () => ({ repeatedTargeting: { minIncidents: 3 } }) },
  'POST /api/v1/publication/open-data': { body: () => ({ format: 'csv-incidents', lang: 'es' }) },
  'GET /api/v1/settings/open-data': {},
  'PUT /api/v1/settings/open-data': { body: () => ({ k: 5 }) },
  'POST /api/v1/reports': { body: () => ({ title: 'Informe', from: '2024', to: '2024' }) },
  'GET /api/v1/reports/:job': { url: () => `/api/v1/reports/${randomUUID()}` },
  'GET /api/v1/reports/:job/report.pdf': { url: () => `/api/v1/reports/${randomUUID()}/report.pdf` },
  'GET /api/v1/reports/:job/report.html': { url: () => `/api/v1/reports/${randomUUID()}/report.html` },
  'GET /api/v1/report-candidates/:id': { incident: true },
  // alerts and the protection measures registry (issue 6)
  'GET /api/v1/alerts': {},
  'POST /api/v1/alerts/:id/read': { url: () => `/api/v1/alerts/${randomUUID()}/read` },
  'GET /api/v1/alerts/settings': {},
  'PUT /api/v1/alerts/settings': { body: () => ({}) },
  'POST /api/v1/alerts/test': {},
  'GET /api/v1/alerts/deliveries': {},
  'GET /api/v1/protection-measures': {},
  // check-ins (issue 6): everyone has their own; someone else's plan is 404 (the random id here)
  'GET /api/v1/checkins': {},
  'GET /api/v1/checkins/contacts': {},
  'POST /api/v1/checkins': { body: () => ({}) },
  'POST /api/v1/checkins/:id/check-in': { url: () => `/api/v1/checkins/${randomUUID()}/check-in`, body: () => ({}) },
  'POST /api/v1/checkins/:id/end': { url: () => `/api/v1/checkins/${randomUUID()}/end` },
  'PUT /api/v1/checkins/duress-code': { body: () => ({}) },
  'DELETE /api/v1/checkins/duress-code': { body: () => ({}) },
  // urgent cases (issue 6): opening needs the right to edit the incident too (the owner is a coordinator)
  'POST /api/v1/incidents/:id/urgent': { incident: true, body: () => ({ kind: 'detention' }), expect: byPermission('incident.edit_any') },
  'GET /api/v1/incidents/:id/urgent': { incident: true },
  'GET /api/v1/urgent': {},
  'GET /api/v1/urgent/owners': {},
  'GET /api/v1/urgent/:id': { url: () => `/api/v1/urgent/${randomUUID()}` },
  'POST /api/v1/urgent/:id/steps': { url: () => `/api/v1/urgent/${randomUUID()}/steps`, body: () => ({}) },
  'PATCH /api/v1/urgent/:id/steps/:stepId': { url: () => `/api/v1/urgent/${randomUUID()}/steps/${randomUUID()}`, body: () => ({}) },
  'POST /api/v1/urgent/:id/notes': { url: () => `/api/v1/urgent/${randomUUID()}/notes`, body: () => ({}) },
  'POST /api/v1/urgent/:id/owner': { url: () => `/api/v1/urgent/${randomUUID()}/owner`, body: () => ({}) },
  'POST /api/v1/urgent/:id/close': { url: () => `/api/v1/urgent/${randomUUID()}/close`, body: () => ({}) },
  'POST /api/v1/urgent/:id/campaigns': { url: () => `/api/v1/urgent/${randomUUID()}/campaigns`, body: () => ({}) },
  'PUT /api/v1/campaigns/:id': { url: () => `/api/v1/campaigns/${randomUUID()}`, body: () => ({}) },
  // urgent appeals (issue 6)
  'POST /api/v1/urgent/:id/appeals': { url: () => `/api/v1/urgent/${randomUUID()}/appeals`, body: () => ({ body: 'iachr', lang: 'es' }) },
  'GET /api/v1/urgent/:id/appeals': { url: () => `/api/v1/urgent/${randomUUID()}/appeals` },
  'GET /api/v1/appeals/:id': { url: () => `/api/v1/appeals/${randomUUID()}` },
  'PUT /api/v1/appeals/:id': { url: () => `/api/v1/appeals/${randomUUID()}`, body: () => ({ letter: 'Carta', version: 1 }) },
  'GET /api/v1/appeals/:id/pdf': { url: () => `/api/v1/appeals/${randomUUID()}/pdf` },
  'POST /api/v1/appeals/:id/sent': { url: () => `/api/v1/appeals/${randomUUID()}/sent`, body: () => ({ sentAt: '2026-03-05', sentHow: 'email' }) },
  'POST /api/v1/appeals/:id/answer': { url: () => `/api/v1/appeals/${randomUUID()}/answer`, body: () => ({ answeredAt: '2026-03-05', answerHow: 'email' }) },
  // evidence items (issue 7): listed with their incident or person; a random item is 404 to everyone who gets past the
  // role check (who may open an item's files is tested in test/integration/evidence-read.test.ts)
  'GET /api/v1/incidents/:id/evidence': { incident: true },
  'GET /api/v1/actors/:id/evidence': { url: (i) => `/api/v1/actors/${i.actor}/evidence` },
  'GET /api/v1/evidence/:id': {},
  'GET /api/v1/evidence/:id/view': {},
  'GET /api/v1/evidence/:id/original': { url: () => `/api/v1/evidence/${randomUUID()}/original?purpose=review` },
  'GET /api/v1/evidence/:id/custody': {},
  'PATCH /api/v1/evidence/:id': { body: () => ({ version: 1, consent: { legal_action: 'given' } }) },
  'DELETE /api/v1/evidence/:id': { url: () => `/api/v1/evidence/${randomUUID()}?version=1` },
  // evidence bundles and the signing key (issue 7): a random item is 404 for those who may export
  'POST /api/v1/evidence/bundles': { body: () => ({ itemIds: [randomUUID()], purpose: 'legal_action' }) },
  'GET /api/v1/evidence/signing-key': {},
  // evidence uploads (issue 7): the sample sends no multipart body, so those let through get 415 (a 404 on a restricted incident first)
  'POST /api/v1/incidents/:id/evidence': { incident: true },
  'POST /api/v1/actors/:id/evidence': { url: (i) => `/api/v1/actors/${i.actor}/evidence` },
  'POST /api/v1/incidents/:id/evidence/captures': { incident: true },
  // imports (issue 8): the sample upload is not multipart (415 for those let through); a random session or mapping is 404
  'POST /api/v1/imports': {},
  'POST /api/v1/imports/:id/analyse': { body: () => ({ mapping: { columns: { T: 'title' } } }) },
  'POST /api/v1/imports/:id/dry-run': { body: () => ({ mapping: { columns: { T: 'title' } } }) },
  'POST /api/v1/imports/:id/commit': { body: () => ({ mapping: { columns: { T: 'title' } } }) },
  'GET /api/v1/imports/:id': {},
  'DELETE /api/v1/imports/:id': {},
  'GET /api/v1/import-runs': {},
  'GET /api/v1/import-mappings': {},
  'POST /api/v1/import-mappings': { body: (_i, role) => ({ name: `Hoja ${role}`, mapping: { columns: { T: 'title' } } }) },
  'PUT /api/v1/import-mappings/:id': { body: () => ({ name: 'Hoja', mapping: { columns: { T: 'title' } }, version: 1 }) },
  'DELETE /api/v1/import-mappings/:id': {},
  // records export (issue 8): everyone who reads incidents
  'POST /api/v1/exports': { body: () => ({ format: 'csv', purpose: 'internal' }) },
  // duplicates (issue 8, ADR 0023): merging an incident into itself is a 400 for those let through (a 404 on a restricted one first)
  'GET /api/v1/incidents/:id/duplicates': { incident: true },
  'POST /api/v1/duplicates/search': { body: () => ({ from: '2026-01', to: '2026-12' }) },
  'POST /api/v1/duplicates/dismiss': { body: (i) => ({ a: i.open, b: randomUUID() }) },
  'POST /api/v1/incidents/:id/merge': { incident: true, body: (i) => ({ other: i.open, version: 999, otherVersion: 999 }) },
  'GET /api/v1/incidents/:id/merges': { incident: true },
  // the offline gazetteer (issue 8): everyone who reads incidents
  'POST /api/v1/places/lookup': { body: () => ({ q: 'Tapachula' }) },
  'POST /api/v1/places/locate': { body: () => ({ lat: 14.9, lon: -92.26 }) },
};

const routes: AnyRoute[] = apiRoutes({ allowWebSetup: true, version: 'test' }, () => new Date().toISOString());
const keyOf = (r: AnyRoute) => `${r.method} ${r.url}`;

function expected(route: AnyRoute, c: Case, role: Role, record: RecordKind | null): Outcome {
  const policy = route.policy;
  if (policy.access !== 'user') return 'allow';
  if (policy.permission && !can(role, policy.permission)) return 'deny';
  if (record === 'restricted') return 'hidden';
  return (c.expect ?? (policy.permission ? byPermission(policy.permission) : everyone))(role, record);
}

let ws: TestWorkspace;
let owner: Client;
const clients = {} as Record<Role, Client>;
const ids = { self: {} } as Ids;

beforeAll(async () => {
  ws = await newWorkspace();
  const admin = new Client(ws.app);
  await admin.login();
  // the records belong to a coordinator; the restricted one is shared with nobody in the matrix
  owner = await userWithRole(ws, admin, 'coordinator', 'owner@example.org');
  const inc = { ...fullIncident('MATRIZ'), place: { ...fullIncident('MATRIZ').place, private: { address: `Calle ${IDENT}` } } };
  const open = await owner.req('POST', '/api/v1/incidents', inc);
  expect(open.statusCode, open.body).toBe(201);
  ids.open = (open.json() as { id: string }).id;
  ids.actor = (open.json() as { victims: { actorId: string }[] }).victims[0]!.actorId;
  const restricted = await owner.req('POST', '/api/v1/incidents', { ...inc, confidentiality: 'restricted' });
  ids.restricted = (restricted.json() as { id: string }).id;
  const dummy = await admin.req('POST', '/api/v1/users', { email: 'dummy@example.org', displayName: 'dummy', role: 'viewer', password: 'temporal-12345' });
  ids.user = (dummy.json() as { id: string }).id;
  const group = await admin.req('POST', '/api/v1/groups', { name: 'Grupo de la matriz', members: [] });
  ids.group = (group.json() as { id: string }).id;
  ids.draft = randomUUID();
  for (const role of ROLES) {
    clients[role] = role === 'admin' ? admin : await userWithRole(ws, admin, role);
    const session = (await clients[role].req('GET', '/api/v1/session')).json() as { user: { id: string } };
    ids.self[role] = session.user.id;
    // routes that need a recent re-authentication are checked for who may, not for how recently
    const re = await clients[role].req('POST', '/api/v1/session/reauth', { password: role === 'admin' ? ADMIN.password : 'definitiva-12345' });
    expect(re.statusCode, re.body).toBeLessThan(300);
  }
});
afterAll(async () => { await ws.close(); });

function check(outcome: Outcome, status: number, body: string, where: string, credentials = false, notFoundOk = false): void {
  if (credentials && outcome === 'allow' && status === 401 && !/"error":"unauthorised"/.test(body)) return;
  switch (outcome) {
    case 'deny': expect(status, `${where}: expected 403, got ${status} ${body.slice(0, 200)}`).toBe(403); break;
    case 'hidden': expect(status, `${where}: expected 404, got ${status} ${body.slice(0, 200)}`).toBe(404); break;
    case 'redact':
      expect(status, where).toBe(200);
      expect(body, where).not.toContain(IDENT);
      expect((JSON.parse(body) as { redacted?: string[] }).redacted, where).toContain('place.private');
      break;
    case 'allow':
      expect([401, 403].includes(status) || (status === 404 && !notFoundOk) || status >= 500, `${where}: expected to be let through, got ${status} ${body.slice(0, 200)}`).toBe(false);
  }
}

describe('authorisation matrix', () => {
  it('has an expectation for every route in the route table, and none for routes that are gone', () => {
    const keys = routes.map(keyOf);
    for (const k of keys) expect(CASES, `${k} is missing from the authorisation matrix`).toHaveProperty([k]);
    for (const k of Object.keys(CASES)) expect(keys, `${k} is in the matrix but not in the route table`).toContain(k);
  });

  it('every route × every role × open and restricted incidents gives the expected allow, deny, hidden or redact', async () => {
    const ordered = [...routes.filter((r) => !CASES[keyOf(r)]?.last), ...routes.filter((r) => CASES[keyOf(r)]?.last)];
    let checked = 0;
    for (const route of ordered) {
      const c = CASES[keyOf(route)] ?? {};
      for (const role of ROLES) {
        if (route.url === '/api/v1/seal' && can(role, 'seal')) continue; // sealing is checked on its own, below
        for (const record of c.incident ? (['open', 'restricted'] as const) : [null]) {
          const id = record === 'restricted' ? ids.restricted : ids.open;
          const url = record === 'restricted' && c.url ? c.url({ ...ids, open: ids.restricted }, role) : c.url ? c.url(ids, role) : route.url.replace(':id', id);
          const r = await clients[role].req(route.method, url, c.body?.(ids, role));
          check(expected(route, c, role, record), r.statusCode, r.body, `${route.method} ${route.url} as ${role}${record ? ` on ${record}` : ''}`, c.credentials, record === null);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('seal, allowed to those with it (the others were refused above)', async () => {
    const r = await owner.req('POST', '/api/v1/seal');
    check('allow', r.statusCode, r.body, 'POST /api/v1/seal as coordinator');
    expect(ws.vault.state()).toBe('sealed');
  });
});
