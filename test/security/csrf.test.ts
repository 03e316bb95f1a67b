/**
 * CSRF and rate limits, generated from the route table (the same one openapi.ts reads), so a route
 * added later is covered without anyone remembering to add it here.
 *
 * Every state-changing route (not GET, signed in) is sent, with a valid session cookie, (a) no CSRF
 * header, (b) a wrong one, (c) the token of another session of the same user and (d) of another
 * user: each must answer 403 `csrf` and leave every table of the encrypted database as it was
 * (a digest of all rows, sessions' sliding-expiry columns aside). Cross-site form encodings
 * (urlencoded, multipart, text/plain — what a form on another site can send without a preflight)
 * are refused on every non-GET route, and so is any request a browser marks `Sec-Fetch-Site:
 * cross-site` or `same-site`, even with the right token. A control then sends the same request
 * with the right token and shows it would have been accepted (and, for writes, changed the data),
 * so the refusals above are the CSRF defences at work and not some other error.
 *
 * Rate limits: every route that signs in, unseals, sets up, changes a password or exports declares
 * one; for every route with a limit the (N+1)th request in the window is refused with 429; the
 * sign-in limit holds even for the right password, and the unseal limit keeps the vault sealed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { newWorkspace, Client, userWithRole, PASSPHRASE, ADMIN, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';
import { apiRoutes } from '../../src/http/server.js';
import { CSRF_HEADER, SESSION_COOKIE, type AnyRoute } from '../../src/http/route.js';
import { incidentInputSchema } from '../../src/domain/incident/schema.js';
import { actorInputSchema } from '../../src/domain/actor/schema.js';
import { tableNames, allRows } from '../helpers/db-tables.js';

type Method = AnyRoute['method'];

const ROUTES = apiRoutes({ allowWebSetup: true, version: 't' }, () => new Date().toISOString());
const CHANGING = ROUTES.filter((r) => r.method !== 'GET' && r.policy.access === 'user');
const NON_GET = ROUTES.filter((r) => r.method !== 'GET');
const key = (r: AnyRoute) => `${r.method} ${r.url}`;

let ws: TestWorkspace;
let admin: Client; // the session whose cookie every refused request carries
let admin2: Client; // another session of the same user
let other: Client; // another user's session
let target: { id: string; email: string }; // an account the user-admin routes act on
const ids = { incident: '', incidentToDelete: '', actor: '', draft: '', term: '' };
let counter = 0;
let addresses = 0;
const freshAddress = () => `10.77.${(++addresses >> 8) & 255}.${addresses & 255}`;

/** A digest of every row of every table, so "nothing changed" covers tables added after this test. */
async function digest(): Promise<string> {
  const db = ws.vault.runtime().store.db;
  // the shared rate-limit counters and the servers' heartbeats (PostgreSQL) are bookkeeping, not data
  const tables = (await tableNames(db)).filter((t) => t !== 'rate_limits' && t !== 'cluster_members');
  const h = createHash('sha256');
  for (const t of tables) {
    const rows = await allRows(db, t);
    const lines = rows.map((row) => {
      // a session's sliding expiry may move on any authenticated request; that is not a change by the request
      if (t === 'sessions') {
        delete row['last_seen_at'];
        delete row['expires_at'];
      }
      return `${t}\u0000${JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v))}\n`;
    });
    // sorted: PostgreSQL returns rows in no fixed order (an update moves a row)
    for (const line of lines.sort()) h.update(line);
    h.update(`${t}:${rows.length}\n`);
  }
  return h.digest('hex');
}

async function signedIn(email = ADMIN.email, password = ADMIN.password): Promise<Client> {
  const c = new Client(ws.app);
  const r = await c.login(email, password);
  if (r.statusCode !== 200) throw new Error(`sign-in failed: ${r.body}`);
  return c;
}

/** If a control sealed the workspace or ended sessions (sign out everywhere), unseal and sign in again. */
async function restore(): Promise<void> {
  if (ws.vault.state() !== 'unsealed') {
    const r = await ws.app.inject({ method: 'POST', url: '/api/v1/unseal', remoteAddress: freshAddress(), payload: { passphrase: PASSPHRASE } });
    if (r.statusCode !== 200) throw new Error(`unseal failed: ${r.body}`);
  }
  const alive = async (c: Client) => (await c.req('GET', '/api/v1/session')).statusCode === 200;
  if (!(await alive(admin))) admin = await signedIn();
  if (!(await alive(admin2))) admin2 = await signedIn();
  if (!(await alive(other))) other = await signedIn('other@example.org', 'definitiva-12345');
}

/** The incident or actor as its edit form reads it, trimmed to what a PUT accepts. */
async function forEdit(kind: 'incidents' | 'actors', id: string): Promise<Record<string, unknown>> {
  const r = await admin.req('GET', `/api/v1/${kind}/${id}?for=edit`);
  if (r.statusCode !== 200) throw new Error(`read for edit failed: ${r.body}`);
  const view = (kind === 'incidents' ? r.json() : r.json().actor) as Record<string, unknown>;
  const shape = kind === 'incidents' ? incidentInputSchema.shape : actorInputSchema.shape;
  const body: Record<string, unknown> = { version: view['version'] };
  for (const k of Object.keys(shape)) if (view[k] !== undefined && view[k] !== null) body[k] = view[k];
  if (kind === 'incidents') body['victims'] = (view['victims'] as { key: string; actorId: string }[]).map((v) => ({ key: v.key, actorId: v.actorId }));
  return body;
}

interface Example {
  url: string;
  body?: unknown;
  /** the control's expected status (default: any 2xx) */
  writes: boolean;
  /** who sends the control (default: a fresh session of the admin) */
  as?: () => Promise<Client>;
}

/**
 * A request each state-changing route would accept. Routes without an entry (added after this
 * test) still get every refusal check, with a generic request; their control only shows that the
 * right token gets past the CSRF check.
 */
const EXAMPLES: Record<string, () => Promise<Example>> = {
  'POST /api/v1/exports': async () => ({ url: '/api/v1/exports', body: { format: 'csv', purpose: 'internal', lang: 'en' }, writes: true }),
  'POST /api/v1/auth/logout': async () => ({ url: '/api/v1/auth/logout', writes: true }),
  'PATCH /api/v1/me': async () => ({ url: '/api/v1/me', body: { displayName: `Rosa ${++counter}` }, writes: true }),
  'POST /api/v1/me/password': async () => {
    const email = `pw${++counter}@example.org`;
    return {
      url: '/api/v1/me/password', body: { current: 'definitiva-12345', password: 'otra-definitiva-12345' }, writes: true,
      as: async () => userWithRole(ws, admin, 'viewer', email),
    };
  },
  'POST /api/v1/seal': async () => ({ url: '/api/v1/seal', writes: true }),
  'POST /api/v1/users': async () => ({ url: '/api/v1/users', body: { email: `new${++counter}@example.org`, displayName: 'Nueva', role: 'viewer', password: 'temporal-12345' }, writes: true }),
  'PATCH /api/v1/users/:id': async () => ({ url: `/api/v1/users/${target.id}`, body: { displayName: `Objetivo ${++counter}` }, writes: true }),
  'POST /api/v1/users/:id/password': async () => ({ url: `/api/v1/users/${target.id}/password`, body: { password: `temporal-nueva-${++counter}` }, writes: true }),
  'POST /api/v1/vocabularies/:scheme/terms': async () => ({ url: '/api/v1/vocabularies/context/terms', body: { label: { es: `Término ${++counter}`, en: `Term ${counter}` } }, writes: true }),
  'PATCH /api/v1/vocabularies/:scheme/terms/:code': async () => ({ url: `/api/v1/vocabularies/context/terms/${ids.term}`, body: { label: { es: `Renombrado ${++counter}`, en: `Renamed ${counter}` } }, writes: true }),
  'POST /api/v1/incidents/search': async () => ({ url: '/api/v1/incidents/search', body: { q: 'albergue' }, writes: false }),
  'POST /api/v1/stats/breakdown': async () => ({ url: '/api/v1/stats/breakdown', body: { dimension: 'act' }, writes: false }),
  'POST /api/v1/stats/compare': async () => ({ url: '/api/v1/stats/compare', body: { dimension: 'act', since: '2024' }, writes: false }),
  'POST /api/v1/stats/map': async () => ({ url: '/api/v1/stats/map', body: { country: ['MX'] }, writes: false }),
  // writes its audit event
  'POST /api/v1/publication/open-data': async () => ({ url: '/api/v1/publication/open-data', body: { format: 'geojson', lang: 'en' }, writes: true }),
  'PUT /api/v1/settings/open-data': async () => ({ url: '/api/v1/settings/open-data', body: { k: 5 + (++counter % 20) }, writes: true }),
  // starts a job whose end writes its audit event
  'POST /api/v1/reports': async () => ({ url: '/api/v1/reports', body: { title: 'Informe', from: '2024', to: '2024' }, writes: true }),
  'POST /api/v1/incidents': async () => ({ url: '/api/v1/incidents', body: fullIncident(`CSRF${++counter}`), writes: true }),
  'POST /api/v1/incidents/:id/reveal': async () => ({ url: `/api/v1/incidents/${ids.incident}/reveal`, body: { paths: ['sources[0].testimony'] }, writes: true }),
  'PUT /api/v1/incidents/:id': async () => ({ url: `/api/v1/incidents/${ids.incident}`, body: { ...(await forEdit('incidents', ids.incident)), title: `Cambiado ${++counter}` }, writes: true }),
  'DELETE /api/v1/incidents/:id': async () => {
    const v = (await admin.req('GET', `/api/v1/incidents/${ids.incidentToDelete}`)).json().version as number;
    return { url: `/api/v1/incidents/${ids.incidentToDelete}?version=${v}`, writes: true };
  },
  'POST /api/v1/actors/search': async () => ({ url: '/api/v1/actors/search', body: { q: 'Coordinador' }, writes: false }),
  'POST /api/v1/actors': async () => ({ url: '/api/v1/actors', body: { kind: 'person', pseudonym: `Persona ${++counter}`, realName: 'Nombre Protegido' }, writes: true }),
  'POST /api/v1/actors/:id/reveal': async () => ({ url: `/api/v1/actors/${ids.actor}/reveal`, body: { paths: ['realName'] }, writes: true }),
  'PUT /api/v1/actors/:id': async () => ({ url: `/api/v1/actors/${ids.actor}`, body: { ...(await forEdit('actors', ids.actor)), notes: `Nota ${++counter}` }, writes: true }),
  'PUT /api/v1/drafts/:id': async () => ({ url: `/api/v1/drafts/${randomUUID()}`, body: { data: { title: `Borrador ${++counter}` } }, writes: true }),
  'DELETE /api/v1/drafts/:id': async () => ({ url: `/api/v1/drafts/${ids.draft}`, writes: true }),
  'POST /api/v1/actors/:id/risk': async () => {
    const replaces = ((await admin.req('GET', `/api/v1/actors/${ids.actor}/risk`)).json() as { history: { version: number }[] }).history[0]?.version ?? 0;
    return { url: `/api/v1/actors/${ids.actor}/risk`, body: { threats: [{ description: `Amenaza ${++counter}`, level: 3 }], vulnerabilities: [{ description: 'Vive sola', level: 2 }], replaces }, writes: true };
  },
};

/** Fills a route's path with ids that exist where we know them, random ids otherwise. */
function genericExample(r: AnyRoute): Example {
  const url = r.url.replace(/:([a-zA-Z]+)/g, (_m, p: string) => (p === 'scheme' ? 'context' : p === 'code' ? ids.term : randomUUID()));
  return { url, body: r.method === 'DELETE' ? undefined : {}, writes: false };
}

async function exampleFor(r: AnyRoute): Promise<Example> {
  const make = EXAMPLES[key(r)];
  return make ? make() : genericExample(r);
}

function send(method: Method, url: string, opts: { cookie?: string; csrf?: string; body?: unknown; headers?: Record<string, string>; remoteAddress?: string } = {}): Promise<LightMyRequestResponse> {
  return ws.app.inject({
    method, url, remoteAddress: opts.remoteAddress ?? freshAddress(),
    headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...(opts.csrf !== undefined ? { [CSRF_HEADER]: opts.csrf } : {}), ...(opts.headers ?? {}) },
    ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
  });
}

function expectCsrfRefusal(res: LightMyRequestResponse, what: string): void {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(403);
  expect(res.json().error, what).toBe('csrf');
}

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await signedIn();
  admin2 = await signedIn();
  other = await userWithRole(ws, admin, 'coordinator', 'other@example.org');
  const t = await admin.req('POST', '/api/v1/users', { email: 'target@example.org', displayName: 'Objetivo', role: 'viewer', password: 'temporal-12345' });
  target = { id: t.json().id, email: 'target@example.org' };
  expect(target.id).toBeTruthy();
  const inc = await admin.req('POST', '/api/v1/incidents', fullIncident('CSRF'));
  expect(inc.statusCode).toBe(201);
  ids.incident = inc.json().id;
  ids.actor = inc.json().victims[0].actorId;
  ids.incidentToDelete = (await admin.req('POST', '/api/v1/incidents', { title: 'Para borrar' })).json().id;
  ids.draft = randomUUID();
  expect((await admin.req('PUT', `/api/v1/drafts/${ids.draft}`, { data: { title: 'Borrador' } })).statusCode).toBe(200);
  const term = await admin.req('POST', '/api/v1/vocabularies/context/terms', { label: { es: 'Contexto de prueba', en: 'Test context' }, code: 'csrf_test' });
  expect(term.statusCode).toBe(201);
  ids.term = term.json().code;
});

afterAll(async () => {
  await ws?.close();
});

describe('the route table', () => {
  it('has state-changing routes to check, and every one of them requires a session', () => {
    expect(CHANGING.length).toBeGreaterThanOrEqual(20);
    // a non-GET route without a session would have no CSRF token to check: only these may exist
    const open = NON_GET.filter((r) => r.policy.access !== 'user').map(key).sort();
    expect(open).toEqual(['POST /api/v1/auth/login', 'POST /api/v1/setup', 'POST /api/v1/unseal']);
  });
});

describe('CSRF on every state-changing route', () => {
  it.each(CHANGING.map((r) => [key(r), r] as const))('%s refuses a missing, wrong or borrowed token and changes nothing', async (_name, r) => {
    await restore();
    const ex = await exampleFor(r);
    const before = await digest();
    const cases: [string, string | undefined][] = [
      ['no CSRF header', undefined],
      ['an empty CSRF header', ''],
      ['a wrong CSRF header', 'x'.repeat(admin.csrf.length)],
      ['the token with one character changed', admin.csrf.slice(0, -1) + (admin.csrf.endsWith('A') ? 'B' : 'A')],
      ["another session's token (same user)", admin2.csrf],
      ["another user's token", other.csrf],
      ['the session token itself', admin.cookie.split('=')[1]!],
    ];
    expect(admin2.csrf).not.toBe(admin.csrf);
    for (const [what, csrf] of cases) {
      const res = await send(r.method, ex.url, { cookie: admin.cookie, ...(csrf !== undefined ? { csrf } : {}), body: ex.body });
      expectCsrfRefusal(res, what);
    }
    // the right token sent in a cookie or the query string instead of the header does not count
    expectCsrfRefusal(await send(r.method, ex.url, { cookie: `${admin.cookie}; ${CSRF_HEADER}=${admin.csrf}`, body: ex.body }), 'token in a cookie');
    expectCsrfRefusal(await send(r.method, `${ex.url}${ex.url.includes('?') ? '&' : '?'}${CSRF_HEADER}=${admin.csrf}`, { cookie: admin.cookie, body: ex.body }), 'token in the query');
    expect(await digest(), 'a refused request changed the database').toBe(before);
    expect(ws.vault.state()).toBe('unsealed');

    // control: the same request with the right token (from a browser on the same origin) is accepted
    const by = ex.as ? await ex.as() : await signedIn();
    const start = await digest();
    const ok = await send(r.method, ex.url, { cookie: by.cookie, csrf: by.csrf, body: ex.body, headers: { 'sec-fetch-site': 'same-origin' } });
    if (EXAMPLES[key(r)]) {
      expect(ok.statusCode, `control ${key(r)}: ${ok.body}`).toBeGreaterThanOrEqual(200);
      expect(ok.statusCode, `control ${key(r)}: ${ok.body}`).toBeLessThan(300);
      if (ex.writes && ws.vault.state() === 'unsealed') expect(await digest(), `control ${key(r)} should have changed something`).not.toBe(start);
    } else {
      expect(ok.statusCode === 403 && ok.json().error === 'csrf', `control ${key(r)} was refused as CSRF: ${ok.body}`).toBe(false);
    }
    await restore();
  });

  it.each(NON_GET.map((r) => [key(r), r] as const))('%s refuses what a form on another site can send, even with a valid session and token', async (_name, r) => {
    await restore();
    const ex = r.policy.access === 'user' ? await exampleFor(r) : { url: r.url, body: { email: ADMIN.email, password: ADMIN.password, passphrase: PASSPHRASE } };
    const json = JSON.stringify(ex.body ?? {});
    const flat = Object.entries((ex.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string]);
    const boundary = '----bitacoraFormBoundary7MA4YWxkTrZu0gW';
    const forms: [string, string][] = [
      ['application/x-www-form-urlencoded', new URLSearchParams(flat).toString() || 'a=b'],
      ['multipart/form-data; boundary=' + boundary, flat.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`],
      // the classic trick: JSON smuggled in a text/plain form field ("{...}=")
      ['text/plain', `${json.slice(0, -1)},"x":"=}`],
      ['text/plain', json],
      ['text/plain;charset=UTF-8', json],
    ];
    const before = await digest();
    const state = ws.vault.state();
    for (const [type, payload] of forms) {
      for (const csrf of [undefined, admin.csrf]) {
        const res = await ws.app.inject({ method: r.method, url: ex.url, remoteAddress: freshAddress(), headers: { cookie: admin.cookie, 'content-type': type, ...(csrf ? { [CSRF_HEADER]: csrf } : {}) }, payload });
        // Upload routes take multipart by design: with the token (which no other site can send) a form
        // without the file they need is a 400 naming it; without the token it is refused like any other.
        const expected = r.multipart && type.startsWith('multipart/') && csrf ? [400] : [403, 415];
        expect(expected, `${type} ${csrf ? 'with' : 'without'} token: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
      }
    }
    expect(await digest()).toBe(before);
    expect(ws.vault.state()).toBe(state);
  });

  it.each(NON_GET.map((r) => [key(r), r] as const))('%s refuses a request the browser marks as cross-site, even with a valid session and token', async (_name, r) => {
    await restore();
    const ex = r.policy.access === 'user' ? await exampleFor(r) : { url: r.url, body: r.url.endsWith('/login') ? { email: ADMIN.email, password: ADMIN.password } : r.url.endsWith('/unseal') ? { passphrase: PASSPHRASE } : {} };
    const before = await digest();
    for (const site of ['cross-site', 'same-site']) {
      const res = await send(r.method, ex.url, { cookie: admin.cookie, csrf: admin.csrf, body: ex.body, headers: { 'sec-fetch-site': site, origin: 'https://evil.example' } });
      expectCsrfRefusal(res, `Sec-Fetch-Site: ${site}`);
      expect(res.headers['set-cookie'], 'no session handed out').toBeUndefined();
    }
    expect(await digest()).toBe(before);
    expect(ws.vault.state()).toBe('unsealed');
  });

  it('answers no CORS preflight, so other sites cannot send JSON or custom headers', async () => {
    for (const r of NON_GET) {
      const url = r.url.replace(/:([a-zA-Z]+)/g, () => randomUUID());
      const res = await ws.app.inject({ method: 'OPTIONS', url, headers: { origin: 'https://evil.example', 'access-control-request-method': r.method, 'access-control-request-headers': `content-type, ${CSRF_HEADER}` } });
      expect(res.headers['access-control-allow-origin'], key(r)).toBeUndefined();
      expect(res.headers['access-control-allow-headers'], key(r)).toBeUndefined();
      expect(res.headers['access-control-allow-credentials'], key(r)).toBeUndefined();
    }
  });

  it('does not let a GET change anything or read without the session cookie', async () => {
    await restore();
    const before = await digest();
    for (const r of ROUTES.filter((x) => x.method === 'GET' && x.policy.access === 'user')) {
      const url = r.url.replace(/:([a-zA-Z]+)/g, () => ids.incident);
      // what a cross-site <img> or link sends: SameSite=Strict keeps the cookie at home
      const res = await send('GET', url, { headers: { 'sec-fetch-site': 'cross-site' } });
      expect(res.statusCode, key(r)).toBe(401);
    }
    expect(await digest()).toBe(before);
    // a session cookie under another name (not __Host-) is not a session
    const res = await send('GET', '/api/v1/session', { cookie: `bitacora=${admin.cookie.split('=')[1]}` });
    expect(res.statusCode).toBe(401);
    expect(admin.cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
  });
});

describe('rate limits', () => {
  const LIMITED = ROUTES.filter((r) => r.rateLimit !== undefined);

  it('are declared on sign-in, unseal, setup, password changes and any export or backup route', () => {
    const must = ROUTES.filter((r) => /\/(auth\/login|unseal|setup|me\/password)$|export|backup|restore/.test(r.url));
    expect(must.map(key)).toEqual(expect.arrayContaining(['POST /api/v1/auth/login', 'POST /api/v1/unseal', 'POST /api/v1/setup', 'POST /api/v1/me/password']));
    for (const r of must) {
      expect(r.rateLimit, `${key(r)} has no rate limit`).toBeDefined();
      expect(r.rateLimit!, key(r)).toBeLessThanOrEqual(10);
    }
  });

  it.each(LIMITED.map((r) => [key(r), r] as const))('%s refuses the (N+1)th request in the window with 429', async (_name, r) => {
    await restore();
    const address = freshAddress();
    const url = r.url.replace(/:([a-zA-Z]+)/g, () => randomUUID());
    // an invalid body: counted by the limit, refused before any work (no password hashing)
    const statuses: number[] = [];
    for (let i = 0; i < r.rateLimit!; i++) statuses.push((await send(r.method, url, { remoteAddress: address, body: {} })).statusCode);
    expect(statuses).not.toContain(429);
    const over = await send(r.method, url, { remoteAddress: address, body: {} });
    expect(over.statusCode).toBe(429);
    expect(over.json().error).toBe('rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // another address is not affected
    expect((await send(r.method, url, { remoteAddress: freshAddress(), body: {} })).statusCode).not.toBe(429);
  });

  it('refuses the 11th sign-in attempt for an account from one address, even with the right password', async () => {
    await restore();
    await admin.req('POST', '/api/v1/users', { email: 'guessed@example.org', displayName: 'Adivinada', role: 'viewer', password: 'temporal-12345' });
    const limit = ROUTES.find((r) => r.url === '/api/v1/auth/login')!.rateLimit!;
    expect(limit).toBe(10);
    const address = freshAddress();
    for (let i = 0; i < limit; i++) {
      const r = await send('POST', '/api/v1/auth/login', { remoteAddress: address, body: { email: 'guessed@example.org', password: `intento-${i}-equivocado` } });
      expect(r.statusCode, `attempt ${i + 1}`).toBe(401);
    }
    const right = await send('POST', '/api/v1/auth/login', { remoteAddress: address, body: { email: 'guessed@example.org', password: 'temporal-12345' } });
    expect(right.statusCode).toBe(429);
    expect(right.headers['set-cookie']).toBeUndefined();
    // a colleague behind the same office address signing in to their own account is not locked out
    const colleague = await send('POST', '/api/v1/auth/login', { remoteAddress: address, body: { email: ADMIN.email, password: ADMIN.password } });
    expect(colleague.statusCode).toBe(200);
  });

  it('refuses the 11th unseal attempt from one address, even with the right passphrase, and stays sealed', async () => {
    await restore();
    await ws.vault.seal();
    const limit = ROUTES.find((r) => r.url === '/api/v1/unseal')!.rateLimit!;
    expect(limit).toBe(10);
    const address = freshAddress();
    for (let i = 0; i < limit; i++) {
      const r = await send('POST', '/api/v1/unseal', { remoteAddress: address, body: { passphrase: `no es la frase ${i}` } });
      expect(r.statusCode, `attempt ${i + 1}`).toBe(401);
    }
    const right = await send('POST', '/api/v1/unseal', { remoteAddress: address, body: { passphrase: PASSPHRASE } });
    expect(right.statusCode).toBe(429);
    expect(ws.vault.state()).toBe('sealed');
    await restore();
    expect(ws.vault.state()).toBe('unsealed');
  });
});
