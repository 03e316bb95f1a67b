/**
 * Security headers on every answer: every route of the route table (the one openapi.ts reads),
 * signed in and not, accepted and refused, plus the web app's page, its client-side paths, its
 * hashed assets and the not-found answers. Case data must never be kept by a browser or a proxy:
 * `Cache-Control: no-store` on everything but the content-hashed files under /assets/.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { newWorkspace, ADMIN, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';
import { apiRoutes, buildServer } from '../../src/http/server.js';
import { CSRF_HEADER, SESSION_COOKIE, type AnyRoute } from '../../src/http/route.js';

const ROUTES = apiRoutes({ allowWebSetup: true, version: 't' }, () => new Date().toISOString());
const key = (r: AnyRoute) => `${r.method} ${r.url}`;

let ws: TestWorkspace;
let web: FastifyInstance; // the same vault, served with a web root
let webRoot: string;
let cookie = '';
let csrf = '';
const ids: Record<string, string> = {};
const ASSET_JS = '/assets/index-3f9c1a2b.js';
const ASSET_CSS = '/assets/index-7d2e4f10.css';

function parseCsp(value: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) m.set(name.toLowerCase(), sources);
  }
  return m;
}

/** The headers every answer carries, whatever it is. */
function expectSecurityHeaders(res: LightMyRequestResponse, what: string): void {
  const h = res.headers;
  const csp = parseCsp(String(h['content-security-policy'] ?? ''));
  expect(csp.get('default-src'), `${what}: default-src`).toEqual(["'self'"]);
  expect(csp.get('script-src'), `${what}: script-src`).toEqual(["'self'"]);
  expect(csp.get('script-src-attr'), `${what}: script-src-attr`).toEqual(["'none'"]);
  expect(csp.get('style-src'), `${what}: style-src`).toEqual(["'self'"]);
  expect(csp.get('style-src-attr'), `${what}: style-src-attr`).toEqual(["'none'"]);
  expect(csp.get('object-src'), `${what}: object-src`).toEqual(["'none'"]);
  expect(csp.get('base-uri'), `${what}: base-uri`).toEqual(["'none'"]);
  expect(csp.get('form-action'), `${what}: form-action`).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors'), `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect(csp.get('frame-src'), `${what}: frame-src`).toEqual(["'none'"]);
  expect(csp.get('connect-src'), `${what}: connect-src`).toEqual(["'self'"]);
  for (const [name, sources] of csp) {
    for (const s of sources) {
      // nothing inline, no eval, no other origin, no wildcard, no nonce to leak
      expect(s, `${what}: ${name}`).not.toMatch(/unsafe-|^'nonce-|^'sha\d+-|^\*|^https?:|^wss?:|^blob:|^\w+\.\w+/);
      if (s === 'data:') expect(name, `${what}: data: only for images`).toBe('img-src');
    }
  }
  expect(h['strict-transport-security'], `${what}: HSTS`).toMatch(/^max-age=(\d+)$/);
  expect(Number(/max-age=(\d+)/.exec(String(h['strict-transport-security']))![1])).toBeGreaterThanOrEqual(31_536_000);
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['referrer-policy'], what).toBe('no-referrer');
  expect(h['x-frame-options'], what).toBe('DENY');
  expect(h['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(h['cross-origin-resource-policy'], what).toBe('same-origin');
  const pp = String(h['permissions-policy'] ?? '');
  for (const f of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'bluetooth', 'hid', 'display-capture', 'browsing-topics']) expect(pp, `${what}: Permissions-Policy ${f}`).toContain(`${f}=()`);
  expect(pp, what).not.toMatch(/=\((?!\))/); // every feature denied to everyone, none allowed
  expect(h['access-control-allow-origin'], what).toBeUndefined();
  expect(h['x-powered-by'], what).toBeUndefined();
  expect(h['server'], what).toBeUndefined();
}

function expectNoStore(res: LightMyRequestResponse, what: string): void {
  expect(res.headers['cache-control'], `${what} (${res.statusCode})`).toBe('no-store');
}

function sampleUrl(r: AnyRoute): { url: string; known: boolean } {
  let known = true;
  const url = r.url.replace(/:([a-zA-Z]+)/g, (_m, p: string) => {
    if (p === 'id') {
      const kind = r.url.split('/')[3]!;
      if (ids[kind]) return ids[kind]!;
    }
    if (p === 'scheme') return 'context';
    if (p === 'code') return 'shelter';
    known = false;
    return randomUUID();
  });
  return { url, known };
}

beforeAll(async () => {
  ws = await newWorkspace();
  webRoot = mkdtempSync(join(tmpdir(), 'bitacora-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Bitácora</title><link rel="stylesheet" href="${ASSET_CSS}"></head><body><div id="app"></div><script type="module" src="${ASSET_JS}"></script></body></html>`);
  const js = `export const app = ${JSON.stringify('x'.repeat(4000))};\n`;
  writeFileSync(join(webRoot, ASSET_JS), js);
  writeFileSync(join(webRoot, `${ASSET_JS}.br`), brotliCompressSync(js));
  writeFileSync(join(webRoot, `${ASSET_JS}.gz`), gzipSync(js));
  writeFileSync(join(webRoot, ASSET_CSS), 'body{margin:0}\n');
  web = await buildServer({ vault: ws.vault, webRoot, allowWebSetup: true, version: 'test' });

  const login = await web.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.5.0.1', payload: { email: ADMIN.email, password: ADMIN.password } });
  expect(login.statusCode).toBe(200);
  expectSecurityHeaders(login, 'login');
  expectNoStore(login, 'login');
  const setCookie = String(login.headers['set-cookie']);
  expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+; .*`));
  expect(SESSION_COOKIE.startsWith('__Host-')).toBe(true);
  cookie = setCookie.split(';')[0]!;
  csrf = login.json().csrf;
  const as = (method: 'POST' | 'PUT', url: string, payload: object) => web.inject({ method, url, headers: { cookie, [CSRF_HEADER]: csrf }, payload });
  const inc = await as('POST', '/api/v1/incidents', fullIncident('CABECERAS'));
  expect(inc.statusCode).toBe(201);
  ids['incidents'] = inc.json().id;
  ids['actors'] = inc.json().victims[0].actorId;
  ids['users'] = (await web.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).json().user.id;
  ids['drafts'] = randomUUID();
  expect((await as('PUT', `/api/v1/drafts/${ids['drafts']}`, { data: { title: 'Borrador' } })).statusCode).toBe(200);
});

afterAll(async () => {
  await web?.close();
  await ws?.close();
  if (webRoot) rmSync(webRoot, { recursive: true, force: true });
});

describe('security headers on every API route', () => {
  it('covers the whole route table', () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ROUTES.map((r) => [key(r), r] as const))('%s', async (_name, r) => {
    const { url, known } = sampleUrl(r);
    const answers: [string, LightMyRequestResponse][] = [];
    // without a session (401 for signed-in routes; public ones answer)
    answers.push(['anonymous', await web.inject({ method: r.method, url, remoteAddress: '10.5.1.1', ...(r.method !== 'GET' && r.method !== 'DELETE' ? { payload: {} } : {}) })]);
    if (r.policy.access === 'user') {
      if (r.method === 'GET') {
        // signed in: the answer that carries case data
        const res = await web.inject({ method: 'GET', url, headers: { cookie } });
        if (known) expect(res.statusCode, `${key(r)}: ${res.body.slice(0, 200)}`).toBe(200);
        answers.push(['signed in', res]);
        if (r.url.endsWith('/:id') && (r.url.includes('/incidents/') || r.url.includes('/actors/'))) answers.push(['read for edit', await web.inject({ method: 'GET', url: `${url}?for=edit`, headers: { cookie } })]);
        answers.push(['compressed', await web.inject({ method: 'GET', url, headers: { cookie, 'accept-encoding': 'br, gzip' } })]);
      } else {
        // signed in, refused before doing anything (no CSRF token): the headers are the same
        const res = await web.inject({ method: r.method, url, headers: { cookie }, ...(r.method !== 'DELETE' ? { payload: {} } : {}) });
        expect(res.statusCode).toBe(403);
        answers.push(['signed in without CSRF token', res]);
        const invalid = await web.inject({ method: r.method, url, headers: { cookie, [CSRF_HEADER]: csrf, 'content-type': 'application/json' }, payload: '{"broken"' });
        answers.push(['invalid JSON', invalid]);
      }
    }
    for (const [what, res] of answers) {
      expectSecurityHeaders(res, `${key(r)} ${what}`);
      expectNoStore(res, `${key(r)} ${what}`);
      if (res.statusCode !== 204) expect(res.headers['content-type'], `${key(r)} ${what}`).toMatch(/^application\/json; charset=utf-8$/);
    }
  });
});

describe('security headers on the web app and everything else', () => {
  it('serves the page with no-store, on its own path and on client-side paths', async () => {
    for (const url of ['/', '/index.html', '/incidents', `/incidents/${ids['incidents']}`, `/incidents/${ids['incidents']}/edit`, `/people/${ids['actors']}`, '/admin/users', '/no/such/page']) {
      const res = await web.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain('<div id="app">');
      expectSecurityHeaders(res, url);
      expectNoStore(res, url);
      // a revalidation answer is not cacheable either
      const again = await web.inject({ method: 'GET', url, headers: { 'if-none-match': String(res.headers['etag'] ?? '"x"') } });
      expectSecurityHeaders(again, `${url} revalidated`);
      expectNoStore(again, `${url} revalidated`);
    }
  });

  it('lets browsers keep the hashed assets (code and styles, never data), also precompressed', async () => {
    for (const [url, enc] of [[ASSET_JS, 'br'], [ASSET_JS, 'gzip'], [ASSET_JS, ''], [ASSET_CSS, '']] as const) {
      const res = await web.inject({ method: 'GET', url, headers: enc ? { 'accept-encoding': enc } : {} });
      expect(res.statusCode, url).toBe(200);
      if (enc) expect(res.headers['content-encoding'], url).toBe(enc);
      expect(res.headers['content-type'], url).toMatch(url.endsWith('.js') ? /javascript/ : /text\/css/);
      expect(res.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
      expectSecurityHeaders(res, url);
    }
  });

  it('answers what does not exist with no-store and the same headers', async () => {
    const cases: [string, string][] = [
      ['GET', '/assets/missing-0000.js'],
      ['GET', '/api/v1/no-such-route'],
      ['POST', '/api/v1/no-such-route'],
      ['DELETE', '/'],
      ['GET', `/api/v1/incidents/${randomUUID()}`],
    ];
    for (const [method, url] of cases) {
      const res = await web.inject({ method: method as 'GET', url, headers: { cookie } });
      expect(res.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expectSecurityHeaders(res, `${method} ${url}`);
      expectNoStore(res, `${method} ${url}`);
    }
    // a path that climbs out of /assets/ is never cached as an asset, whatever it finds
    for (const url of ['/assets/../index.html', '/assets/%2e%2e/index.html', '/assets/..%2findex.html']) {
      const res = await web.inject({ method: 'GET', url });
      expectSecurityHeaders(res, url);
      expectNoStore(res, url);
    }
  });

  it('sends the headers while sealed too, and on rate-limited answers', async () => {
    const limited: LightMyRequestResponse[] = [];
    for (let i = 0; i < 11; i++) limited.push(await web.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.5.9.9', payload: {} }));
    const last = limited.at(-1)!;
    expect(last.statusCode).toBe(429);
    expectSecurityHeaders(last, '429');
    expectNoStore(last, '429');
    await ws.vault.seal();
    for (const url of ['/api/v1/status', '/api/v1/session', '/']) {
      const res = await web.inject({ method: 'GET', url, headers: { cookie } });
      expectSecurityHeaders(res, `sealed ${url}`);
      expectNoStore(res, `sealed ${url}`);
    }
  });
});
