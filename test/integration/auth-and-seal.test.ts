import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, Client, userWithRole, PASSPHRASE, ADMIN, type TestWorkspace } from '../helpers/api.js';
import { apiRoutes } from '../../src/http/server.js';

let ws: TestWorkspace;
beforeAll(async () => { ws = await newWorkspace(); });
afterAll(async () => { await ws.close(); });

describe('sign-in, sessions and CSRF', () => {
  it('gives the same answer for an unknown account and a wrong password', async () => {
    const c = new Client(ws.app);
    const a = await c.login('nobody@example.org', 'whatever-123');
    const b = await c.login(ADMIN.email, 'wrong-password');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().message).toBe(b.json().message);
  });

  it('sets a __Host- cookie that is Secure, HttpOnly and SameSite=Strict', async () => {
    const r = await ws.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN.email, password: ADMIN.password } });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-bitacora=/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/);
  });

  it('refuses state changes without the CSRF token, and requests without a session', async () => {
    const c = new Client(ws.app);
    await c.login();
    const noCsrf = await ws.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { cookie: c.cookie }, payload: { title: 'x' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error).toBe('csrf');
    const wrong = await ws.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { cookie: c.cookie, 'x-csrf-token': 'nope' }, payload: { title: 'x' } });
    expect(wrong.statusCode).toBe(403);
    expect((await ws.app.inject({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
    expect((await ws.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: '__Host-bitacora=forged-token-forged-token-forged' } })).statusCode).toBe(401);
    const s = await c.req('GET', '/api/v1/session');
    expect(s.json().user.email).toBe(ADMIN.email);
    expect(s.json().csrf).toBe(c.csrf);
    expect((await c.req('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.req('GET', '/api/v1/session')).statusCode).toBe(401);
  });

  it('makes a user with a temporary password change it before anything else', async () => {
    const admin = new Client(ws.app);
    await admin.login();
    await admin.req('POST', '/api/v1/users', { email: 'temp@example.org', displayName: 'Temp', role: 'viewer', password: 'temporal-12345' });
    const u = new Client(ws.app);
    await u.login('temp@example.org', 'temporal-12345');
    expect((await u.req('POST', '/api/v1/incidents/search', {})).json().error).toBe('password_change_required');
    expect((await u.req('GET', '/api/v1/session')).json().user.mustChangePassword).toBe(true);
    expect((await u.req('POST', '/api/v1/me/password', { current: 'wrong', password: 'definitiva-12345' })).statusCode).toBe(400);
    expect((await u.req('POST', '/api/v1/me/password', { current: 'temporal-12345', password: 'definitiva-12345' })).statusCode).toBe(204);
    expect((await u.req('POST', '/api/v1/incidents/search', {})).statusCode).toBe(200);
  });

  it('lets an admin reset a password, which ends that user\'s sessions', async () => {
    const admin = new Client(ws.app);
    await admin.login();
    const viewer = await userWithRole(ws, admin, 'viewer', 'reset@example.org');
    const id = (await viewer.req('GET', '/api/v1/session')).json().user.id;
    expect((await admin.req('POST', `/api/v1/users/${id}/password`, { password: 'nueva-temporal-1' })).statusCode).toBe(204);
    expect((await viewer.req('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await new Client(ws.app).login('reset@example.org', 'nueva-temporal-1')).statusCode).toBe(200);
    expect((await viewer.req('GET', '/api/v1/users')).statusCode).toBe(401);
  });

  it('lets a user set their own language', async () => {
    const c = new Client(ws.app);
    await c.login();
    expect((await c.req('PATCH', '/api/v1/me', { lang: 'en' })).statusCode).toBe(204);
    expect((await c.req('GET', '/api/v1/session')).json().user.lang).toBe('en');
    expect((await c.req('PATCH', '/api/v1/me', { lang: 'fr' })).statusCode).toBe(400);
  });

  it('tells in status whether this browser is signed in, without an error', async () => {
    const c = new Client(ws.app);
    expect((await ws.app.inject({ method: 'GET', url: '/api/v1/status' })).json().signedIn).toBe(false);
    await c.login();
    expect((await c.req('GET', '/api/v1/status')).json().signedIn).toBe(true);
  });

  it('compresses large JSON answers but never those that carry the CSRF token', async () => {
    const c = new Client(ws.app);
    await c.login();
    const v = await ws.app.inject({ method: 'GET', url: '/api/v1/vocabularies', headers: { cookie: c.cookie, 'accept-encoding': 'br, gzip' } });
    expect(v.headers['content-encoding']).toMatch(/br|gzip/);
    const s = await ws.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: c.cookie, 'accept-encoding': 'br, gzip' } });
    expect(s.headers['content-encoding']).toBeUndefined();
    expect(s.json().csrf).toBe(c.csrf);
  });

  it('keeps the last admin', async () => {
    const admin = new Client(ws.app);
    await admin.login();
    const me = (await admin.req('GET', '/api/v1/session')).json().user.id;
    expect((await admin.req('PATCH', `/api/v1/users/${me}`, { role: 'viewer' })).statusCode).toBe(409);
    expect((await admin.req('PATCH', `/api/v1/users/${me}`, { disabled: true })).statusCode).toBe(409);
  });

  it('enforces roles on admin routes', async () => {
    const admin = new Client(ws.app);
    await admin.login();
    const coord = await userWithRole(ws, admin, 'coordinator', 'coord@example.org');
    expect((await coord.req('GET', '/api/v1/users')).statusCode).toBe(403);
    expect((await coord.req('POST', '/api/v1/vocabularies/context/terms', { label: { es: 'a', en: 'b' } })).statusCode).toBe(403);
  });

  it('rate-limits sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await ws.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.9.9', payload: { email: 'x@example.org', password: 'y' } })).statusCode);
    expect(statuses).toContain(429);
  });
});

describe('routes and policies', () => {
  it('serves an OpenAPI 3.1 document listing every route', async () => {
    const c = new Client(ws.app);
    const r = await c.req('GET', '/api/v1/openapi.json');
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toBe('3.1.0');
    const routes = apiRoutes({ allowWebSetup: true, version: 't' }, () => '');
    for (const route of routes) {
      const path = route.url.replace(/:([a-z]+)/gi, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
    expect(doc.paths['/api/v1/incidents'].post.requestBody.content['application/json'].schema.properties.title).toBeDefined();
  });

  it('every API route registered on the server is in the route table with a policy', async () => {
    const routes = apiRoutes({ allowWebSetup: true, version: 't' }, () => '');
    const table = new Set(routes.map((r) => `${r.method} ${r.url}`));
    for (const r of routes) expect(['always', 'public', 'user']).toContain(r.policy.access);
    const printed = ws.app.printRoutes({ commonPrefix: false });
    const apiPaths = [...printed.matchAll(/(\/api\/v1\/[^\s(]*) \(([^)]+)\)/g)];
    expect(apiPaths.length).toBeGreaterThan(10);
    for (const [, path, methods] of apiPaths) {
      for (const m of methods!.split(', ').filter((x) => x !== 'HEAD')) expect(table.has(`${m} ${path}`), `${m} ${path} has no policy`).toBe(true);
    }
  });
});

describe('seal', () => {
  it('answers 503 on every route but status and unseal while sealed, and unseals only with the right secret', async () => {
    const admin = new Client(ws.app);
    await admin.login();
    const coordinator = await userWithRole(ws, admin, 'coordinator', 'coord2@example.org');
    const viewer = await userWithRole(ws, admin, 'viewer', 'viewer-seal@example.org');
    expect((await viewer.req('POST', '/api/v1/seal')).statusCode).toBe(403);
    expect((await coordinator.req('POST', '/api/v1/seal')).statusCode).toBe(200);
    expect(ws.vault.state()).toBe('sealed');
    const routes = apiRoutes({ allowWebSetup: true, version: 't' }, () => '');
    for (const r of routes) {
      const url = r.url.replace(':id', '00000000-0000-4000-8000-000000000000').replace(':scheme', 'act').replace(':code', 'threat');
      const res = await ws.app.inject({ method: r.method, url, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, ...(r.method !== 'GET' && r.method !== 'DELETE' ? { payload: {} } : {}) });
      if (r.url === '/api/v1/status' || r.url === '/api/v1/health/live') expect(res.statusCode).toBe(200);
      else if (r.url === '/api/v1/health/ready') expect(res.json()).toMatchObject({ status: 'not_ready', state: 'sealed' });
      else if (r.url === '/api/v1/unseal') expect(res.statusCode).toBe(400);
      else if (r.url === '/api/v1/setup') expect(res.statusCode).toBe(400);
      else expect(res.statusCode, `${r.method} ${r.url}`).toBe(503);
    }
    expect((await ws.app.inject({ method: 'POST', url: '/api/v1/unseal', payload: { passphrase: 'not the passphrase' } })).statusCode).toBe(401);
    expect(ws.vault.state()).toBe('sealed');
    expect((await ws.app.inject({ method: 'POST', url: '/api/v1/unseal', payload: { passphrase: PASSPHRASE } })).statusCode).toBe(200);
    expect(ws.vault.state()).toBe('unsealed');
    // sealing ended every session
    expect((await admin.req('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await new Client(ws.app).login()).statusCode).toBe(200);
  });
});
