/**
 * Stored XSS, in Debian's Chromium against the real `bitacora serve`. Every known payload of
 * xss-payloads.ts is saved through the API into every free-text field: incident title, summary,
 * locality and private address; act and perpetrator descriptions and named perpetrators; source
 * pseudonym and testimony; intervention actor, addressee and notes; the person's pseudonym, real
 * name, contact, address, locality, notes and protection measures; vocabulary labels in both
 * languages; user display names; group names; draft titles; workspace and organisation names;
 * evidence descriptions and online captures (account, address, text); the User-Agent of
 * sign-ins, which the sessions page describes; saved import mappings' names; and a spreadsheet
 * imported through the page (xss-import-file.ts: every header a payload, one row per payload, cells
 * as titles, kinds of act, perpetrators, places, counts and summaries, and the file's name); and
 * accompaniment's: accompanied people's pseudonyms and family labels, hearings' representative and
 * notes (sealed), run labels, legs' meeting points (sealed) and partner organisations' names. There
 * is one person, term, user and draft per payload, and one incident per group of three payloads
 * (three victims, acts, sources and interventions; title, summary and address hold all three; three
 * versions rotate the rest, so the history shows them before and after); later, per group, two
 * dated records of one event (the same day, payload town, recorded person and payload pseudonym).
 *
 * Then every page that shows them is opened: sign-in, incident list, facets, search results,
 * drafts, detail with every identifying value revealed, history, edit forms, people list, person
 * page and edit form, the victim picker, vocabulary, user and group administration, the audit log,
 * one's sessions, the identifying-values scan, evidence items with their sealed texts revealed;
 * every step of the import (payload headers and samples, saved mappings applied and saved, payload
 * values with their terms and suggestions, a dry run whose problems quote payload cells, a clean
 * one with its preview, the commit and past imports) and the imported titles in the incident list;
 * "Posibles duplicados" on each record's page and every page of the period list, a merge from each
 * and the merged record's notice and history; the exports page; the accompaniment hub, the people
 * list by family, reminders due, one's trips, runs by day, the week's plan, each person's page, each
 * hearing's page with its representative and notes opened, each run's page with its meeting points
 * opened and its tracking page, the person, hearing and run forms with their sealed parts opened,
 * and people found from a new run's form; and English. After each page the
 * test requires: no dialog (alert/confirm/prompt), no console error or page error (on the merged
 * record's page, only the 404s of the record itself), no CSP violation, `window.__xss` unset, no
 * request to another origin, and no element, event-handler attribute or script URL in the DOM that
 * the app did not make (so an injection is caught even when the CSP stops it from running). The payloads must also appear as text where expected. A first test shows that the
 * detectors fire when a payload does get into the page, and that it runs without the CSP.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { startServer, type ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, newPage, type RecordedPage } from '../helpers/browser.js';
import { XSS_PAYLOADS } from './xss-payloads.js';
import { minimalPdf } from '../helpers/evidence-files.js';
import { quote } from '../../src/domain/import/import-warning.js';
import { asImported, cellPayload, column, dateOf, HEADER_PAYLOADS, payloadCsv, ROLES, ROWS, type Role } from './xss-import-file.js';

const P = XSS_PAYLOADS;
const N = P.length;
const next = (i: number) => (i + 1) % N;
/** Payloads are grouped by three: one incident per group. */
const G = 3;
const GROUPS: number[][] = Array.from({ length: Math.ceil(N / G) }, (_, k) => Array.from({ length: Math.min(G, N - k * G) }, (_, j) => k * G + j));
const titleOf = (g: number[]) => g.map((i) => P[i]).join(' ');
/** Group names hold at most 80 characters: every payload that fits. */
const GROUP_NAMES = [...P.keys()].filter((i) => P[i]!.length <= 80);
/** Six payloads as session devices (sign-in is limited to 10 a minute per account and address). */
const DEVICES = [...P.keys()].filter((i) => /^[\x20-\x7e]+$/.test(P[i]!)).slice(0, 6);
const payload = (p: string) => {
  const i = P.indexOf(p);
  if (i < 0) throw new Error(`not a payload: ${p}`);
  return P[i]!;
};
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };
const PASSPHRASE = 'frase de custodia de prueba 2026';

let srv: ServerProcess;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
const dialogs: string[] = [];
let headBaseline: string[] = [];
/** per group: the incident and its victims (the first one holds the group's notes and measures) */
const incidents: { id: string; actorIds: string[] }[] = [];

/** The API from Node, signed in as the admin (a second session beside the browser's). */
class Api {
  cookie = '';
  csrf = '';
  async call<T = any>(method: string, path: string, body?: unknown, expectStatus?: number): Promise<T> {
    const res = await fetch(`${srv.url}${path}`, {
      method,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (expectStatus !== undefined ? res.status !== expectStatus : res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
    const set = res.headers.getSetCookie();
    if (set.length) this.cookie = set[0]!.split(';')[0]!;
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
const api = new Api();

/**
 * The incident of group `g`, version `r` (0, 1, 2): identifying values stay put; the other texts
 * and the act kinds rotate among the group's payloads, so every version holds every payload and the
 * history shows them changing.
 */
function incidentBody(g: number[], r: number): Record<string, any> {
  const at = (j: number) => g[(j + r) % g.length]!;
  return {
    title: r === 0 ? titleOf([...g].reverse()) : titleOf(g),
    summary: g.map((i) => P[i]).join('\n'),
    place: { precision: 'locality', country: 'MX', state: 'MX-COA', locality: P[at(0)], private: { address: g.map((i) => P[i]).join('\n') } },
    victims: g.map((i, j) => ({
      key: `v${j}`,
      actor: {
        kind: 'person', pseudonym: P[i], realName: P[i], contact: P[i], privateAddress: P[i], locality: P[i],
        // the first person of the group is the one whose page is opened: it carries the group's notes and measures
        notes: j === 0 ? g.map((x) => P[x]).join('\n') : P[i],
        protectionMeasures: (j === 0 ? g : [i]).map((x) => ({ kind: 'iachr_precautionary', status: 'granted_active', reference: P[x], includes: P[x], notes: P[x] })),
      },
    })),
    acts: g.map((i, j) => ({ kind: `xss_${at(j)}`, victimKey: `v${j}`, description: P[at(j)], perpetrators: [{ perpetrator: `xssp_${g[0]}`, degree: 'direct', identifiedIndividuals: P[i], description: P[at(j)] }] })),
    sources: g.map((i, j) => ({ kind: 'victim', pseudonym: P[at(j)], testimony: P[i] })),
    interventions: g.map((_i, j) => ({ kind: 'mechanism_inclusion', actor: P[at(j)], addressee: P[at(j + 1)], notes: P[at(j + 2)] })),
  };
}

/**
 * Runs in the page: what the app would never put there itself. Event-handler attributes, style
 * attributes, script-capable elements, unknown elements, SVG beyond the app's icons, and URLs with
 * a script or data scheme; the head must stay as the app built it.
 */
function scanPage(baseline: string[]): { flag: unknown; csp: string[]; injected: string[]; head: string[] } {
  const w = window as unknown as { __xss?: unknown; __csp?: string[] };
  const injected: string[] = [];
  const DANGEROUS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'style', 'noscript', 'template', 'math', 'img', 'image', 'video', 'audio', 'source', 'track', 'picture', 'bgsound', 'marquee', 'keygen', 'isindex', 'portal', 'canvas', 'xmp', 'plaintext', 'listing']);
  const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background', 'dynsrc', 'lowsrc', 'poster', 'codebase', 'cite', 'ping', 'manifest', 'srcset', 'to', 'values', 'from', 'by']);
  const describe = (el: Element) => el.outerHTML.slice(0, 160);
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (DANGEROUS.has(tag)) injected.push(`<${tag}> ${describe(el)}`);
    if (el instanceof HTMLUnknownElement) injected.push(`unknown element ${describe(el)}`);
    // the app's SVG: icons and the enrolment QR code, made of paths and rectangles only
    const appSvg = (svg: Element | null) => !!svg && ['icon', 'qr-code'].includes(svg.getAttribute('class') ?? '');
    if (el.namespaceURI === 'http://www.w3.org/2000/svg' && !(tag === 'svg' ? appSvg(el) : (tag === 'path' || tag === 'rect') && appSvg(el.closest('svg')))) injected.push(`svg content ${describe(el)}`);
    if (el.namespaceURI === 'http://www.w3.org/1998/Math/MathML') injected.push(`mathml ${describe(el)}`);
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) injected.push(`handler ${name} ${describe(el)}`);
      if (name === 'style' || name === 'srcdoc' || name === 'background' || name === 'dynsrc' || name === 'lowsrc') injected.push(`attribute ${name} ${describe(el)}`);
      if (URL_ATTRS.has(name) && /^(javascript|vbscript|data|livescript):/i.test(a.value.replace(/[\s\u0000-\u001f]+/g, ''))) injected.push(`script URL ${name} ${describe(el)}`);
    }
  }
  // the app's own lazy stylesheets (a page's CSS chunk, added by the bundler when the page loads) are the app's doing
  const appStylesheet = (e: Element) => e.tagName === 'LINK' && e.getAttribute('rel') === 'stylesheet' && /^\/assets\/[\w.-]+\.css$/.test(new URL(e.getAttribute('href') ?? '', location.href).pathname) && new URL(e.getAttribute('href') ?? '', location.href).origin === location.origin;
  const head = Array.from(document.head.children).filter((e) => e.tagName !== 'TITLE' && !appStylesheet(e)).map((e) => `${e.tagName} ${Array.from(e.attributes).map((a) => `${a.name}=${a.value}`).sort().join(' ')}`);
  if (baseline.length && JSON.stringify(head) !== JSON.stringify(baseline)) injected.push(`head changed: ${JSON.stringify(head)}`);
  return { flag: w.__xss, csp: w.__csp ?? [], injected, head };
}

/** After each page: nothing ran, nothing was injected, nothing was refused by the CSP. */
async function check(where: string): Promise<void> {
  const r = await page.evaluate(scanPage, headBaseline);
  const problems: string[] = [];
  if (r.flag !== undefined) problems.push(`window.__xss = ${String(r.flag).slice(0, 80)}`);
  for (const c of r.csp) problems.push(`CSP violation: ${c}`);
  for (const x of r.injected) problems.push(`injected: ${x}`);
  for (const d of dialogs.splice(0)) problems.push(`dialog: ${d}`);
  for (const e of rec.errors.splice(0)) problems.push(`console: ${e}`);
  for (const u of rec.requests.splice(0)) if (!u.startsWith(`${srv.url}/`)) problems.push(`request elsewhere: ${u}`);
  expect(problems, `${where}:\n${problems.join('\n')}`).toEqual([]);
}

/** In-app navigation, like following a link. */
async function goto(path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function waitText(selector: string, text: string): Promise<void> {
  await page.waitForFunction(([s, t]) => document.querySelector(s!)?.textContent === t, [selector, text] as const);
}

async function waitValue(selector: string, value: string): Promise<void> {
  await page.waitForFunction(([s, v]) => (document.querySelector(s!) as HTMLInputElement | null)?.value === v, [selector, value] as const);
}

/** Clicks every "Mostrar" (audited reveal) and waits until every identifying value is shown. */
async function revealAll(): Promise<void> {
  await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('button.reveal[aria-pressed="false"]').forEach((b) => b.click()));
  await page.waitForFunction(() => !document.querySelector('.masked:not(.is-shown)') && !document.querySelector('button.reveal[disabled]'));
}

async function mainText(): Promise<string> {
  return (await page.textContent('main')) ?? '';
}

/** Every page of a paged list (incidents or people): the card titles seen, each page checked. */
async function pageThrough(where: string): Promise<string[]> {
  const seen: string[] = [];
  for (let n = 1; ; n++) {
    await page.waitForSelector('.cards .card-title');
    const titles = await page.$$eval('.cards .card-title', (els) => els.map((e) => e.textContent ?? ''));
    seen.push(...titles);
    await check(`${where}, page ${n}`);
    const more = page.locator('nav.pager button').last();
    if ((await more.count()) === 0 || (await more.isDisabled())) return seen;
    await more.click();
    await page.waitForFunction((first) => document.querySelector('.cards .card-title')?.textContent !== first, titles[0]!);
  }
}

beforeAll(async () => {
  expect(N).toBeGreaterThanOrEqual(100);
  expect(new Set(P).size).toBe(N);
  srv = await startServer();
  browser = await launchBrowser();
  rec = await newPage(browser, { locale: 'es-MX', width: 1280, height: 900 });
  page = rec.page;
  page.setDefaultTimeout(20_000);
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()} "${d.message()}"`);
    void d.dismiss().catch(() => undefined);
  });
  // CSP violations, as the page sees them (DevTools-injected, so the CSP does not apply to it)
  await rec.context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
  });

  // the workspace, its first organisation and admin carry payloads too
  await api.call('POST', '/api/v1/setup', { workspaceName: P[N - 1], organisationName: P[N - 2], language: 'es', passphrase: PASSPHRASE, admin: { email: ADMIN.email, displayName: P[0], password: ADMIN.password } }, 201);
  api.csrf = (await api.call<{ csrf: string }>('POST', '/api/v1/auth/login', ADMIN)).csrf;

  // vocabulary terms an admin adds (label in Spanish and English), used by the incidents: a kind
  // of act per payload, a perpetrator per group
  for (let i = 0; i < N; i++) await api.call('POST', '/api/v1/vocabularies/act/terms', { code: `xss_${i}`, label: { es: P[i], en: P[next(i)] } }, 201);
  for (const g of GROUPS) await api.call('POST', '/api/v1/vocabularies/perpetrator/terms', { code: `xssp_${g[0]}`, label: { es: P[g[0]!], en: P[g.at(-1)!] } }, 201);
  // one incident per group (three new people), then two more versions that rotate the texts
  for (const g of GROUPS) {
    const created = await api.call<{ id: string; victims: { actorId: string }[] }>('POST', '/api/v1/incidents', incidentBody(g, 0), 201);
    for (let r = 1; r < G; r++) {
      const full = await api.call<Record<string, any>>('GET', `/api/v1/incidents/${created.id}?for=edit`);
      const body = incidentBody(g, r);
      body['victims'] = full['victims'].map((v: { key: string; actorId: string }) => ({ key: v.key, actorId: v.actorId }));
      body['acts'] = body['acts'].map((a: any, j: number) => ({ ...a, id: full['acts'][j].id, victimKey: full['acts'][j].victimKey, perpetrators: [{ ...a.perpetrators[0], id: full['acts'][j].perpetrators[0].id }] }));
      body['sources'] = body['sources'].map((x: any, j: number) => ({ ...x, id: full['sources'][j].id }));
      body['interventions'] = body['interventions'].map((x: any, j: number) => ({ ...x, id: full['interventions'][j].id }));
      await api.call('PUT', `/api/v1/incidents/${created.id}`, { ...body, version: full['version'] });
    }
    incidents.push({ id: created.id, actorIds: created.victims.map((v) => v.actorId) });
  }
  // accounts with payload names (a few at a time: each hashes a password), and groups of them
  const userIds: string[] = [];
  for (let i = 0; i < N; i += 4) {
    const made = await Promise.all(Array.from({ length: Math.min(4, N - i) }, (_, j) => api.call<{ id: string }>('POST', '/api/v1/users', { email: `u${i + j}@example.org`, displayName: P[i + j], role: 'viewer', password: 'temporal-12345' }, 201)));
    userIds.push(...made.map((u) => u.id));
  }
  for (const i of GROUP_NAMES) await api.call('POST', '/api/v1/groups', { name: P[i], members: [userIds[i], userIds[next(i)]] }, 201);
  // sessions whose device (the User-Agent a browser sends) is a payload; HTTP headers carry ASCII only
  for (const i of DEVICES) {
    const r = await fetch(`${srv.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': P[i]! }, body: JSON.stringify(ADMIN) });
    expect(r.status).toBe(200);
  }
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe(`${N} known XSS payloads in every free-text field, rendered in Chromium`, () => {
  it('the detectors fire when a payload does get into the page (control)', async () => {
    await page.goto(srv.url);
    await waitText('main h1', 'Entrar a Bitácora');
    headBaseline = (await page.evaluate(scanPage, [])).head;
    expect(headBaseline.some((h) => h.startsWith('SCRIPT'))).toBe(true);
    await check('sign-in page (workspace name)');
    expect(await page.textContent('body')).toContain(P[N - 1]);

    // an app bug that put HTML where text belongs: the CSP refuses to run it, and the scan sees it
    const bug = payload('<img src=x onerror=alert(1)>') + payload('<img src=1 onerror=window.__xss=1>');
    await page.evaluate((html) => document.querySelector('main')!.insertAdjacentHTML('beforeend', html), `<div id="bug">${bug}</div>`);
    await page.waitForFunction(() => ((window as unknown as { __csp: string[] }).__csp ?? []).length > 0);
    const seen = await page.evaluate(scanPage, headBaseline);
    expect(seen.injected.join('\n')).toMatch(/<img>.*onerror/);
    expect(seen.csp.join('\n')).toMatch(/script-src/);
    await page.evaluate(() => {
      document.getElementById('bug')!.remove();
      (window as unknown as { __csp: string[] }).__csp.length = 0;
    });
    await expect(check('control')).rejects.toThrow(/console/);

    // and without the CSP (a context that bypasses it) the same payloads do run and are seen
    const open = await browser.newContext({ bypassCSP: true });
    try {
      const p = await open.newPage();
      const ran: string[] = [];
      p.on('dialog', (d) => {
        ran.push(d.message());
        void d.dismiss();
      });
      await p.goto(srv.url);
      await p.waitForSelector('main h1');
      await p.evaluate((html) => document.querySelector('main')!.insertAdjacentHTML('beforeend', html), bug);
      await p.waitForFunction(() => (window as unknown as { __xss?: unknown }).__xss === 1);
      await p.waitForTimeout(200);
      expect(ran).toContain('1');
    } finally {
      await open.close();
    }
    rec.errors.length = 0;
  });

  it('signs in and shows the incident list, its facets and search results as text', async () => {
    await page.fill('#f-email', ADMIN.email);
    await page.fill('#f-password', ADMIN.password);
    await page.click('form button[type=submit]');
    await page.waitForSelector('.app-header');
    await page.waitForSelector('.results-count');
    await check('incident list');
    expect(await page.textContent('.app-header')).toContain(P[N - 1]);

    const titles = await pageThrough('incident list');
    expect(new Set(titles)).toEqual(new Set(GROUPS.map(titleOf)));
    expect(await page.textContent('.filters-panel')).toContain(P[0]);

    const searched = page.waitForResponse((r) => r.url().endsWith('/api/v1/incidents/search') && (r.request().postData() ?? '').includes('iframe'));
    await page.fill('#q', 'iframe');
    await page.press('#q', 'Enter');
    await searched;
    await page.waitForSelector('.cards .card-title');
    const found = await pageThrough('search results for "iframe"');
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(GROUPS.length);
    for (const f of found) expect(f.toLowerCase()).toContain('iframe');
    const cleared = page.waitForResponse((r) => r.url().endsWith('/api/v1/incidents/search'));
    await page.fill('#q', '');
    await page.press('#q', 'Enter');
    await cleared;
  });

  it('shows drafts with payload titles in the list and in the form', async () => {
    for (let start = 0; start < N; start += 5) {
      const ids: string[] = [];
      for (let i = start; i < Math.min(N, start + 5); i++) {
        const id = randomUUID();
        await api.call('PUT', `/api/v1/drafts/${id}`, { data: { title: P[i], form: { title: P[i], summary: P[i] } } });
        ids.push(id);
      }
      // leave the list and come back, so it asks for the drafts again
      await goto('/account');
      await page.waitForSelector('#f-current');
      await goto('/');
      await page.waitForFunction((n) => document.querySelectorAll('.drafts-box li').length === n, ids.length);
      const shown = await page.$$eval('.drafts-box li a', (els) => els.map((e) => e.textContent));
      expect(new Set(shown)).toEqual(new Set(P.slice(start, start + ids.length)));
      await check(`drafts ${start}–${start + ids.length - 1}`);
      if (start === 0 || start + 5 >= N) {
        await goto(`/drafts/${ids[0]}`);
        await waitValue('#f-title', P[start]!);
        expect(await page.inputValue('#f-summary')).toBe(P[start]);
        await check(`draft form ${start}`);
      }
      for (const id of ids) await api.call('DELETE', `/api/v1/drafts/${id}`);
    }
  });

  it('shows every incident with its identifying values revealed, its history and its edit form', async () => {
    for (let k = 0; k < GROUPS.length; k++) {
      const g = GROUPS[k]!;
      const { id } = incidents[k]!;
      // the history names who changed it: the admin, renamed to a payload meanwhile
      await api.call('PATCH', '/api/v1/me', { displayName: P[g[0]!] });
      await goto(`/incidents/${id}`);
      await waitText('main h1', titleOf(g));
      await revealAll();
      await page.click('.history button');
      await page.waitForFunction((n) => document.querySelectorAll('.revision').length >= n, G);
      const text = await mainText();
      for (const i of g) {
        // title, summary, address, the person's pseudonym and three identifying values, act,
        // perpetrator, source and intervention texts: each payload many times over, as text
        expect(text.split(P[i]!).length - 1, `incident ${k}, payload ${i}`).toBeGreaterThanOrEqual(12);
      }
      expect(await page.textContent('.revisions')).toContain(P[g[0]!]);
      await check(`incident ${k} (detail, revealed, history)`);

      await goto(`/incidents/${id}/edit`);
      await waitValue('#f-title', titleOf(g));
      expect(await page.inputValue(`#f-sources-${g.length - 1}-testimony`)).toBe(P[g.at(-1)!]);
      await check(`incident ${k} (edit form)`);
    }
  });

  it('shows every person in the list, and on their page with values revealed, and in their edit form', async () => {
    await goto('/people');
    await page.waitForSelector('#people-q');
    const names = await pageThrough('people list');
    expect(new Set(names)).toEqual(new Set(P));
    for (let k = 0; k < GROUPS.length; k++) {
      const g = GROUPS[k]!;
      const actorId = incidents[k]!.actorIds[0]!;
      await goto(`/people/${actorId}`);
      await waitText('main h1', P[g[0]!]!);
      await revealAll();
      const text = await mainText();
      // pseudonym, real name, contact, address, locality, notes, measure: reference, includes, notes
      expect(text.split(P[g[0]!]!).length - 1, `person ${g[0]}`).toBeGreaterThanOrEqual(9);
      for (const i of g.slice(1)) expect(text.split(P[i]!).length - 1, `person ${g[0]}: payload ${i}`).toBeGreaterThanOrEqual(4);
      expect(text).toContain(titleOf(g)); // the incident that affected them
      await check(`person ${g[0]} (page, revealed)`);
      await goto(`/people/${actorId}/edit`);
      await waitValue('#f-pseudonym', P[g[0]!]!);
      await check(`person ${g[0]} (edit form)`);
    }
  });

  it('shows people found from the incident form by their payload names', async () => {
    await goto('/incidents/new');
    await page.waitForSelector('#f-title');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.click('.picker button');
    await page.waitForSelector('.pick-list li');
    const picks = await page.$$eval('.pick-list li', (els) => els.map((e) => e.textContent ?? ''));
    expect(picks.length).toBe(10);
    expect(picks.every((x) => P.some((p) => x.includes(p)))).toBe(true);
    await check('victim picker');
  });

  it('shows vocabulary terms, user and group names, the audit log and session devices', async () => {
    await goto('/admin/vocabularies');
    await page.waitForSelector('.term-tree');
    for (const scheme of ['act', 'perpetrator']) {
      await page.selectOption('#scheme', scheme);
      await page.waitForFunction((c) => !!document.querySelector(`.term-tree code`) && [...document.querySelectorAll('.term-tree code')].some((e) => e.textContent?.startsWith(c!)), scheme === 'act' ? 'xss_' : 'xssp_');
      const text = await page.textContent('.term-tree');
      for (const i of scheme === 'act' ? P.keys() : GROUPS.map((g) => g[0]!)) expect(text).toContain(P[i]);
      await check(`vocabulary admin (${scheme})`);
    }
    await goto('/admin/users');
    await page.waitForSelector('.card.user');
    const users = await page.$$eval('.card.user .card-title', (els) => els.map((e) => e.textContent ?? ''));
    for (let i = 0; i < N; i++) expect(users.some((u) => u.startsWith(P[i]!)), `user ${i}`).toBe(true);
    await check('user admin');

    await goto('/admin/groups');
    await page.waitForSelector('.cards .card-title');
    const groups = await page.textContent('main');
    for (const i of GROUP_NAMES) expect(groups, `group ${i}`).toContain(P[i]);
    await check('group admin');

    await goto('/admin/audit');
    await page.waitForSelector('.audit-table');
    await check('audit log');

    // the device is what the server makes of the User-Agent a client sent: the list stays clean
    await goto('/account/security');
    await page.waitForSelector('.session-list');
    expect(await page.locator('.session-list .session').count()).toBeGreaterThanOrEqual(DEVICES.length + 2);
    await check('own sessions');
  });

  it('shows the identifying-values scan results', async () => {
    await goto('/incidents/scan');
    await page.waitForSelector('#scan-text');
    for (const q of ['alert', 'img']) {
      await page.fill('#scan-text', q);
      await page.press('#scan-text', 'Enter');
      await page.waitForSelector('.scan-progress [role=status]');
      await page.waitForFunction(() => !document.querySelector('button.btn-primary[disabled]'));
      await page.waitForSelector('.cards .card-title');
      await check(`identifying scan "${q}"`);
    }
  });

  it('shows urgent cases (steps, notes, campaigns, appeals), check-in plans, alerts and the measures registry', async () => {
    // issue 6's free texts: every payload as a note and a custom step of one of six urgent cases, the
    // single-line ones as campaign titles too, each case's payloads in an action and an appeal's letter;
    // the first twenty as the purposes of check-in plans
    const CASES = 6;
    const single = (i: number) => !/[\r\n]/.test(P[i]!) && P[i]!.trim().length > 0;
    const cases: { id: string; payloads: number[] }[] = [];
    for (let c = 0; c < CASES; c++) {
      const opened = await api.call<{ id: string }>('POST', `/api/v1/incidents/${incidents[c]!.id}/urgent`, { kind: 'detention' }, 201);
      const payloads = [...P.keys()].filter((i) => i % CASES === c);
      for (const i of payloads) {
        await api.call('POST', `/api/v1/urgent/${opened.id}/notes`, { body: P[i] });
        if (single(i) && P[i]!.trim().length <= 200) await api.call('POST', `/api/v1/urgent/${opened.id}/steps`, { code: 'custom', label: P[i] });
      }
      const titled = payloads.find((i) => single(i) && P[i]!.trim().length <= 200)!;
      await api.call('POST', `/api/v1/urgent/${opened.id}/campaigns`, { title: P[titled], actions: payloads.slice(0, 10).map((i) => ({ kind: 'statement', description: P[i] })) }, 201);
      const appeal = await api.call<{ id: string; version: number }>('POST', `/api/v1/urgent/${opened.id}/appeals`, { body: 'iachr', lang: 'es' }, 201);
      await api.call('PUT', `/api/v1/appeals/${appeal.id}`, { letter: payloads.map((i) => P[i]).join('\n'), version: appeal.version });
      cases.push({ id: opened.id, payloads });
    }
    const contact = await api.call<{ id: string }>('POST', '/api/v1/users', { email: 'contacto@example.org', displayName: 'Contacto', role: 'viewer', password: 'temporal-12345' }, 201);
    const purposes = [...P.keys()].slice(0, 20);
    const firstDueAt = new Date(Date.now() + 86_400_000).toISOString();
    for (const i of purposes) await api.call('POST', '/api/v1/checkins', { purpose: P[i], firstDueAt, graceMinutes: 30, contacts: [contact.id] }, 201);

    await goto('/urgent');
    await page.waitForSelector('.cards .card-title');
    await check('urgent cases');
    for (const [c, k] of cases.entries()) {
      await goto(`/urgent/${k.id}`);
      const last = P[k.payloads.at(-1)!]!.trim();
      await page.waitForFunction((t) => document.querySelector('main')?.textContent?.includes(t!) ?? false, last);
      await page.locator('section.appeals button:has-text("Abrir la apelación")').first().click();
      await page.waitForSelector('section.appeals textarea');
      const text = await mainText();
      for (const i of k.payloads) expect(text.split(P[i]!.trim()).length - 1, `case ${c}, payload ${i}`).toBeGreaterThanOrEqual(1);
      expect(await page.inputValue('section.appeals textarea')).toBe(k.payloads.map((i) => P[i]).join('\n').trim());
      await check(`urgent case ${c}`);
    }
    await goto('/checkins');
    await page.waitForFunction((t) => document.querySelector('main')?.textContent?.includes(t!) ?? false, P[purposes.at(-1)!]!.trim());
    const plans = await mainText();
    for (const i of purposes) expect(plans, `purpose ${i}`).toContain(P[i]!.trim());
    await check('check-in plans');
    await goto('/alerts');
    await page.waitForSelector('.alert-item');
    await check('alerts');
    await goto('/measures');
    await page.waitForSelector('.measures-table tbody tr');
    await check('protection measures registry');
  });

  it('shows evidence descriptions and online captures (account, address, text, notes) on the item pages', async () => {
    // issue 7's free texts: per group of payloads, a capture with the group's first payload as its
    // account and in its address, and the group's payloads as its text and notes; the first five
    // groups' payloads also describe a PDF
    const post = async (path: string, form: () => FormData): Promise<{ status: number; body: any }> => {
      for (;;) {
        const res = await fetch(`${srv.url}${path}`, { method: 'POST', headers: { cookie: api.cookie, 'x-csrf-token': api.csrf }, body: form() });
        const text = await res.text();
        // uploads are limited per minute: wait as told, then send it again
        if (res.status === 429) await new Promise((r) => setTimeout(r, (Number(res.headers.get('retry-after')) || 5) * 1000));
        else return { status: res.status, body: text ? JSON.parse(text) : undefined };
      }
    };
    const items: { id: string; ref: string; g: number[]; times: number }[] = [];
    for (const [k, g] of GROUPS.entries()) {
      const joined = g.map((i) => P[i]).join('\n');
      // an address must be an http(s) link: the payload rides in its query, raw when the server takes it so
      const capture = (url: string) => ({ platform: 'other', account: P[g[0]!], url, text: joined, seenAt: '2026-11-28', description: joined });
      const send = (url: string) => post(`/api/v1/incidents/${incidents[k]!.id}/evidence/captures`, () => {
        const f = new FormData();
        f.append('capture', JSON.stringify(capture(url)));
        return f;
      });
      let r = await send(`https://example.org/?q=${P[g[0]!]!.trim()}`);
      if (r.status === 400 && JSON.stringify(r.body).includes('"path":"url"')) r = await send(`https://example.org/?q=${encodeURIComponent(P[g[0]!]!)}`);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      items.push({ id: r.body.id, ref: r.body.ref, g, times: 2 });
      if (k >= 5) continue;
      const u = await post(`/api/v1/incidents/${incidents[k]!.id}/evidence`, () => {
        const f = new FormData();
        f.append('description', joined);
        f.append('consent', JSON.stringify({ legal_action: 'given' }));
        f.append('file', new Blob([new Uint8Array(minimalPdf())], { type: 'application/pdf' }), 'evidencia.pdf');
        return f;
      });
      expect(u.status, JSON.stringify(u.body)).toBe(201);
      items.push({ id: u.body.id, ref: u.body.ref, g, times: 1 });
    }
    await goto(`/incidents/${incidents[0]!.id}`);
    await page.waitForSelector('.evidence-list li.evidence-item');
    await check('incident evidence list');
    for (const { id, ref, g, times } of items) {
      await goto(`/evidence/${id}`);
      await waitText('main h1', `Prueba ${ref}`);
      // the chain of custody names who acted: the admin, whose name is a payload by now
      await page.waitForSelector('.custody-list');
      await revealAll();
      const text = await mainText();
      for (const i of g) expect(text.split(P[i]!.trim()).length - 1, `evidence ${id}, payload ${i}`).toBeGreaterThanOrEqual(times);
      await check(`evidence item ${id}`);
    }
  });

  it('imports a spreadsheet whose headers and cells are payloads: columns, saved mappings, values, dry-run problems, preview, commit', async () => {
    const H = HEADER_PAYLOADS;
    const header = (c: number) => P[H[c]!]!.trim();
    const sample = (s: string) => (Array.from(s.trim()).length > 80 ? Array.from(s.trim()).slice(0, 79).join('') + '…' : s.trim());
    const cellOf = (r: number, role: Role) => P[cellPayload(r, column(role))!]!;
    // saved mappings named with payloads (ICU messages among them: the names go into translated
    // sentences); the first maps the file's columns and two payload columns the file lacks
    const fullName = payload('{count, plural, other {<img src=x onerror=alert(1)>}}');
    const uiName = payload("{a} {b, select, other {c}} '{' </div><script>alert(1)</script>");
    const otherNames = P.filter((p) => p.includes('{') && p !== fullName && p !== uiName);
    // the payloads no header holds (a header repeating another in another case)
    const missing = [...P.keys()].filter((i) => !H.includes(i)).map((i) => P[i]!);
    expect(missing.length).toBeGreaterThan(0);
    const full = await api.call<{ id: string }>('POST', '/api/v1/import-mappings', { name: fullName, mapping: { columns: { ...Object.fromEntries(ROLES.map((role, c) => [header(c), role])), ...Object.fromEntries(missing.map((m) => [m, 'summary'])) } } }, 201);
    for (const name of otherNames.slice(0, 10)) await api.call('POST', '/api/v1/import-mappings', { name, mapping: { columns: { [header(0)]: 'title' } } }, 201);

    await goto('/import');
    await page.waitForSelector('#import-file');
    await page.waitForSelector('.import-runs .muted, .import-runs table');
    await check('import page');

    // step 1: the file, through the page's picker (its name is a payload too: shown on the page only)
    const fileName = `${payload('<img src=x onerror=alert(1)>')}.csv`;
    await page.setInputFiles('#import-file', { name: fileName, mimeType: 'text/csv', buffer: payloadCsv() });
    await page.click('main button:has-text("Subir y leer")');
    await page.waitForSelector('#import-step2-h');
    expect(await page.textContent('.import-file-name')).toBe(fileName);
    // step 2: every header as its select's label, with its first three cells as samples
    const columns = await page.$$eval('.import-column', (els) => els.map((e) => ({ label: e.querySelector('.label')?.textContent ?? '', samples: Array.from(e.querySelectorAll('.import-samples q')).map((q) => q.textContent ?? '') })));
    expect(columns.map((c) => c.label)).toEqual(H.map((_h, c) => header(c)));
    for (const [c, col] of columns.entries()) {
      expect(col.samples, `samples of column ${c}`).toEqual(c === column('date') ? [0, 1, 2].map(dateOf) : [0, 1, 2].map((r) => sample(P[cellPayload(r, c)!]!)));
    }
    const savedNames = await page.$$eval('#import-saved option', (os) => os.map((o) => o.textContent ?? ''));
    for (const name of [fullName, ...otherNames.slice(0, 10)]) expect(savedNames).toContain(name);
    await check('import: columns (payload headers and samples, saved mappings)');

    // the saved mapping: applied, with the two payload columns it names that the file lacks said in words
    await page.selectOption('#import-saved', full.id);
    await page.click('.import-use-saved button:has-text("Aplicar")');
    await page.waitForSelector('.import-use-saved .alert-warning');
    const applied = (await page.textContent('.import-use-saved .alert-warning')) ?? '';
    expect(applied).toContain(`Se aplicó «${fullName}».`);
    for (const m of missing) expect(applied).toContain(m);
    expect(await page.textContent('#import-saved-hint')).toBe(`En uso: «${fullName}».`);
    const targets = await page.$$eval('.import-column select', (list) => list.map((s) => (s as HTMLSelectElement).value));
    expect(targets).toEqual(H.map((_h, c) => ROLES[c] ?? ''));
    await check('import: a saved mapping applied');

    // step 3: the values of the kind-of-act and perpetrator columns, each a payload
    await page.click('main button:has-text("Seguir: revisar los valores")');
    await page.waitForSelector('#import-step3-h');
    await page.waitForFunction(() => document.querySelectorAll('.import-value-column').length === 2);
    const headings = await page.$$eval('.import-value-column h3', (els) => els.map((e) => e.textContent ?? ''));
    expect(headings).toEqual([`«${header(column('act'))}» → Qué le hicieron (tipo de acto)`, `«${header(column('perpetrator'))}» → Responsable`]);
    for (const k of [0, 1]) {
      const values = await page.locator('.import-value-column').nth(k).locator('.import-value-text').allTextContents();
      expect(new Set(values), `values of list column ${k}`).toEqual(new Set(P.map((p) => p.trim())));
    }
    // a kind of act is a payload term by its label; most perpetrators are not: suggested, to choose
    expect(await page.locator('.import-value-column').first().locator('.import-value.is-missing').count()).toBe(0);
    expect(await page.locator('.import-value-column').nth(1).locator('.import-value.is-missing').count()).toBeGreaterThan(0);
    await check('import: values (payload values, terms and suggestions)');

    // saved under a payload name, through the page
    await page.fill('#import-save-name', uiName);
    await page.click('.import-save button:has-text("Guardar como nueva")');
    await page.waitForSelector('.import-save .alert-success');
    expect(await page.textContent('.import-save .alert-success')).toBe(`Se guardó «${uiName}».`);
    expect(await page.textContent('.import-save button:has-text("Guardar cambios")')).toBe(`Guardar cambios en «${uiName}»`);
    await check('import: mapping saved under a payload name');

    // step 4, first dry run: errors on the perpetrators nobody placed, warnings on the places and
    // counts, each quoting (at most 40 characters of) its payload cell under its payload column
    await page.click('main button:has-text("Probar la importación")');
    await page.waitForSelector('#import-step4-h');
    await page.waitForSelector('.import-step .alert-error');
    for (;;) {
      const more = page.locator('.import-problems .actions button');
      if ((await more.count()) === 0) break;
      const before = await page.locator('.import-problem-table tbody tr').count();
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('.import-problem-table tbody tr').length > n, before);
    }
    const problems = await page.$$eval('.import-problem-table tbody tr', (rows) => rows.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')));
    const at = (r: number, role: Role) => problems.filter(([line, col]) => line === String(r + 2) && col === header(column(role)));
    let perpetratorErrors = 0;
    for (let r = 0; r < ROWS; r++) {
      for (const role of ['place', 'counts.dead'] as const) {
        const found = at(r, role);
        expect(found.length, `line ${r + 2}, ${role}`).toBe(1);
        expect(found[0]![2]).toBe('Aviso');
        expect(found[0]![3]).toContain(quote(cellOf(r, role)));
      }
      for (const [, , severity, reason] of at(r, 'perpetrator')) {
        expect(severity).toBe('Error');
        expect(reason).toContain(quote(cellOf(r, 'perpetrator')));
        perpetratorErrors++;
      }
    }
    expect(perpetratorErrors).toBeGreaterThan(ROWS / 4);
    expect(problems.every(([, col]) => [column('perpetrator'), column('place'), column('counts.dead')].some((c) => col === header(c)))).toBe(true);
    expect(await page.locator('main button:has-text("Importar 0 incidentes")').isDisabled()).toBe(true);
    await check('import: dry run with errors (problems quoting payload cells)');

    // the perpetrator column left out: the values follow, the dry run is stale, then clean
    await page.selectOption(`#import-col-${column('perpetrator')}`, '');
    await page.waitForFunction(() => document.querySelectorAll('.import-value-column').length === 1);
    await page.waitForSelector('.import-step .alert-warning:has-text("vuelve a probar antes de importar")');
    await check('import: values again, dry run stale');
    await page.click('#import-step4-h ~ .actions button:has-text("Volver a probar")');
    await page.waitForSelector(`.import-step .alert-success:has-text("Sin errores: se pueden importar ${ROWS} incidentes.")`);
    const preview = await page.$$eval('.import-preview tbody tr', (rows) => rows.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')));
    expect(preview.map((p) => p[0])).toEqual(Array.from({ length: 10 }, (_, r) => String(r + 2)));
    expect(preview.map((p) => p[1])).toEqual(Array.from({ length: 10 }, (_, r) => asImported(P[r]!)));
    for (const [r, p] of preview.entries()) {
      expect(p[2], `preview date ${r}`).not.toBe('—');
      expect(p[3], `preview place ${r}`).toContain(cellOf(r, 'place').trim());
      expect(P.map((x) => x.trim()), `preview act ${r}`).toContain(p[4]);
    }
    expect(await page.locator('.import-problem-table tr.is-error').count()).toBe(0);
    await check('import: clean dry run, preview of payload titles');

    // step 5: the commit, recorded with the saved mapping's payload name
    await page.click(`main button:has-text("Importar ${ROWS} incidentes")`);
    await page.waitForSelector('#import-step5-h');
    await page.waitForSelector(`.import-step .alert-success:has-text("Listo: se importaron ${ROWS} incidentes.")`);
    await page.waitForSelector('.import-runs tbody tr');
    const run = await page.$$eval('.import-runs tbody tr:first-child td', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(run.slice(2)).toEqual([uiName, 'CSV', String(ROWS), String(ROWS), String(ROWS * 2)]);
    await check('import: committed, past imports');

    // the incident list (most recently changed first) shows every imported payload title as text
    await page.click('main button:has-text("Ver los incidentes")');
    await page.waitForSelector('.results-count');
    const titles = new Set(await pageThrough('incident list after the import'));
    for (let r = 0; r < ROWS; r++) expect(titles.has(asImported(P[r]!)), `imported title ${r}`).toBe(true);
  }, 600_000);

  it('suggests likely duplicates with payload titles on incident pages and the period page, and merges them through the page', async () => {
    // per group, two records of one event: the same day (ten days from the next group's), the same
    // payload town, the same recorded person and a second victim under the same payload pseudonym,
    // the same payload kinds of act and perpetrator; titles in opposite orders
    const dayOf = (k: number) => new Date(Date.UTC(2024, 0, 1) + k * 10 * 86_400_000).toISOString().slice(0, 10);
    const record = (k: number, order: number[]) => ({
      title: titleOf(order),
      summary: order.map((i) => P[i]).join('\n'),
      date: { start: dayOf(k) },
      place: { precision: 'locality', country: 'MX', state: 'MX-COA', locality: P[GROUPS[k]![0]!] },
      victims: [{ key: 'v0', actorId: incidents[k]!.actorIds[0] }, { key: 'v1', actor: { kind: 'person', pseudonym: P[GROUPS[k]!.at(-1)!] } }],
      acts: order.map((i, j) => ({ kind: `xss_${i}`, victimKey: j === 0 ? 'v0' : 'v1', perpetrators: [{ perpetrator: `xssp_${GROUPS[k]![0]}`, degree: 'direct' }] })),
      sources: [{ kind: 'witness', pseudonym: P[order[0]!], testimony: P[order.at(-1)!] }],
    });
    type Made = { id: string; ref: string };
    const pairs: { a: Made; b: Made; g: number[] }[] = [];
    for (const [k, g] of GROUPS.entries()) {
      const a = await api.call<Made>('POST', '/api/v1/incidents', record(k, g), 201);
      const b = await api.call<Made>('POST', '/api/v1/incidents', record(k, [...g].reverse()), 201);
      pairs.push({ a, b, g });
    }
    const reversed = (g: number[]) => titleOf([...g].reverse());

    // "Posibles duplicados" on each first record's page: the other, side by side, with the reasons
    for (const [k, { a, b, g }] of pairs.entries()) {
      await goto(`/incidents/${a.id}`);
      await waitText('main h1', titleOf(g));
      await page.waitForSelector('section.duplicates .dup-card');
      expect(await page.locator('section.duplicates .dup-card').count(), `pair ${k}`).toBe(1);
      expect(await page.textContent('section.duplicates .dup-card-title')).toBe(`${b.ref} — ${reversed(g)}`);
      const compare = (await page.textContent('section.duplicates table.dup-compare')) ?? '';
      expect(compare).toContain(titleOf(g));
      expect(compare).toContain(reversed(g));
      const reasons = (await page.textContent('section.duplicates .dup-reasons')) ?? '';
      // (the name shown is one of the pseudonyms that fold alike: payloads differing only in case do)
      expect(g.some((i) => reasons.includes(`Mismo seudónimo: ${P[i]}`)), `pair ${k}: ${reasons}`).toBe(true);
      expect(reasons).toContain('La misma víctima registrada');
      for (const i of g) expect(reasons, `pair ${k}: the act labelled ${i}`).toContain(P[i]);
      await check(`incident ${k} with its likely duplicate`);
    }

    // the period page, every page of pairs
    const last = dayOf(pairs.length - 1);
    await goto('/duplicates');
    await page.waitForSelector('form.dup-form');
    await check('duplicates page');
    await page.fill('#f-from', '2024');
    await page.selectOption('#f-from-m', '01');
    await page.fill('#f-to', last.slice(0, 4));
    await page.selectOption('#f-to-m', last.slice(5, 7));
    await page.click('form.dup-form button[type=submit]');
    await waitText('#dup-results-h', `${pairs.length} posibles duplicados`);
    const shown = new Map<string, string>();
    for (let n = 1; ; n++) {
      const cards = await page.$$eval('.dup-results .dup-card', (els) => els.map((e) => [e.querySelector('h3')?.textContent ?? '', e.querySelector('table.dup-compare')?.textContent ?? ''] as [string, string]));
      for (const [h, table] of cards) shown.set(h, table);
      await check(`duplicates page, page ${n}`);
      const next = page.locator('.dup-pages button:has-text("Siguiente")');
      if ((await next.count()) === 0 || (await next.isDisabled())) break;
      await next.click();
      await page.waitForFunction((first) => document.querySelector('.dup-results .dup-card h3')?.textContent !== first, cards[0]![0]);
    }
    expect(shown.size).toBe(pairs.length);
    for (const { a, b, g } of pairs) {
      const [x, y] = [a.ref, b.ref].sort();
      const table = shown.get(`${x} y ${y}`);
      expect(table, `pair ${a.ref}`).toBeDefined();
      expect(table).toContain(titleOf(g));
      expect(table).toContain(reversed(g));
    }

    // merged from the period page: the first pair of the page shown
    const firstCard = page.locator('.dup-results .dup-card').first();
    const [keepRef, otherRef] = ((await firstCard.locator('h3').textContent()) ?? '').split(' y ');
    await firstCard.locator(`button:has-text("Unir ${otherRef} en ${keepRef}")`).click();
    await page.waitForSelector('.dup-results .dup-confirm');
    await check('duplicates page, merge confirmation');
    await page.click(`.dup-results .dup-confirm button:has-text("Unir ${otherRef} en ${keepRef}")`);
    await waitText('#dup-results-h', `${pairs.length - 1} posibles duplicados`);
    await page.waitForSelector(`.alert:has-text("${otherRef} se unió a ${keepRef}.")`);
    await check('duplicates page, after a merge');

    // merged from an incident's page: another pair
    const { a, b, g } = pairs.find((p) => ![keepRef, otherRef].includes(p.a.ref))!;
    await goto(`/incidents/${a.id}`);
    await waitText('main h1', titleOf(g));
    await page.click(`section.duplicates button:has-text("Unir ${b.ref} en este incidente")`);
    await page.waitForSelector('section.duplicates .dup-confirm');
    expect(await page.textContent('section.duplicates .dup-confirm h4')).toBe(`¿Unir ${b.ref} en ${a.ref}?`);
    await check('incident page, merge confirmation');
    await page.click(`section.duplicates .dup-confirm button:has-text("Unir ${b.ref} en ${a.ref}")`);
    await page.waitForSelector(`section.duplicates .alert:has-text("${b.ref} se unió a este incidente.")`);
    await page.waitForSelector('section.duplicates .dup-merged-from');
    // the kept incident now holds the other's source, a payload pseudonym and testimony
    const cardTitles = await page.$$eval('.details-block .card-title', (els) => els.map((e) => e.textContent ?? ''));
    for (const i of [g[0]!, g.at(-1)!]) expect(cardTitles.filter((x) => x.endsWith(` — ${P[i]}`)), `source ${i}`).toHaveLength(1);
    await check('incident page after the merge');

    // the merged record's page: its notice (the kept incident's payload title) and its own history;
    // the record itself answers 404, the only console errors allowed here
    const missingUrls: string[] = [];
    const on404 = (r: { status(): number; url(): string }) => {
      if (r.status() === 404) missingUrls.push(r.url());
    };
    page.on('response', on404);
    try {
      await goto(`/incidents/${b.id}`);
      await page.waitForSelector('.merged-notice .revisions');
      const notice = (await page.textContent('.merged-notice')) ?? '';
      expect(notice).toContain(`${a.ref} — ${titleOf(g)}`);
      expect(notice).toContain(`Se unió a: ${a.ref}`);
    } finally {
      page.off('response', on404);
    }
    const notFound = (e: string) => e.startsWith('Failed to load resource: the server responded with a status of 404');
    expect(missingUrls.length).toBeGreaterThan(0);
    expect(missingUrls.every((u) => u.startsWith(`${srv.url}/api/v1/incidents/${b.id}`)), missingUrls.join('\n')).toBe(true);
    expect(rec.errors.filter(notFound).length).toBe(missingUrls.length);
    rec.errors.splice(0, rec.errors.length, ...rec.errors.filter((e) => !notFound(e)));
    await check('merged incident page (notice and history)');
  }, 600_000);

  it('shows accompanied people and their families, hearings with their representative and notes opened, runs with their meeting points opened, and the tracking page', async () => {
    // issue 9's free texts: every payload that fits a pseudonym (80 characters) names an accompanied
    // person, each in a family labelled with the next payload; per group of payloads, one hearing
    // of the group's people with the first payload as its representative and all three as its
    // notes (sealed: shown after the audited look), and one run labelled with the first payload
    // whose two legs' meeting points (sealed) are the second and third; three partner
    // organisations named with payloads take over leg 2 of a run in turn, the admin escorts leg 1
    const fits = (i: number) => P[i]!.trim().length > 0 && P[i]!.trim().length <= 80;
    const tr = (i: number) => P[i]!.trim();
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const me = await api.call<{ user: { id: string } }>('GET', '/api/v1/session');
    const partners: { id: string; name: string }[] = [];
    for (const i of [1, 2, 3]) partners.push(await api.call<{ id: string; name: string }>('POST', '/api/v1/organisations', { name: P[i] }, 201));
    const person = new Map<number, { id: string; ref: string; family: number }>();
    for (let i = 0; i < N; i++) {
      if (!fits(i)) continue;
      const family = fits(next(i)) ? next(i) : i;
      const made = await api.call<{ id: string; ref: string; familyLabel: string }>('POST', '/api/v1/accompaniment/people', { pseudonym: P[i], newFamily: P[family], ageGroup: i % 5 === 0 ? 'child' : 'adult', needs: i % 4 === 0 ? ['interpreter'] : [], languages: ['es'] }, 201);
      expect(made.familyLabel).toBe(tr(family));
      person.set(i, { id: made.id, ref: made.ref, family });
    }
    const acc: { g: number[]; who: number[]; hearing: { id: string; ref: string }; run: { id: string; ref: string } }[] = [];
    for (const [k, g] of GROUPS.entries()) {
      const who = g.filter((i) => person.has(i));
      if (!who.length) who.push([...person.keys()][k % person.size]!);
      const hearing = await api.call<{ id: string; ref: string }>('POST', '/api/v1/accompaniment/hearings', {
        court: 'court-san-diego', startsLocal: `${day}T09:00`, kind: 'master_calendar', presentPlace: 'poe-san-ysidro', presentLocal: `${day}T05:00`,
        representative: P[g[0]!], notes: g.map((i) => P[i]).join('\n'), people: who.map((i) => person.get(i)!.id),
      }, 201);
      const run = await api.call<{ id: string; ref: string }>('POST', '/api/v1/accompaniment/runs', {
        label: P[g[0]!], arriveBy: { place: 'poe-san-ysidro', local: `${day}T05:00` },
        legs: [
          { from: 'mx-mexicali', to: 'mx-tijuana', mode: 'bus', durationMinutes: 160, seats: 3, escortId: me.user.id, meetingPoint: P[g[1] ?? g[0]!] },
          { from: 'mx-tijuana', to: 'poe-san-ysidro', mode: 'car', durationMinutes: 25, seats: 3, handoffOrgId: partners[k % partners.length]!.id, meetingPoint: P[g[2] ?? g[0]!] },
        ],
        passengers: who.map((i) => ({ personId: person.get(i)!.id, hearingId: hearing.id })),
      }, 201);
      acc.push({ g, who, hearing, run });
    }
    const waitMain = (texts: string[]) => page.waitForFunction((ts) => { const m = document.querySelector('main')?.textContent ?? ''; return ts.every((x) => m.includes(x)); }, texts);

    await goto('/accompaniment');
    await page.waitForSelector('#acc-hub-next ~ ul .card-title');
    await check('accompaniment hub (next hearings)');
    await goto('/accompaniment/people');
    await page.waitForSelector('.acc-person .card-title');
    await waitMain([...person.keys()].map(tr));
    const listed = await mainText();
    for (const [i, p] of person) {
      expect(listed, `pseudonym ${i}`).toContain(tr(i));
      expect(listed, `family label of ${i}`).toContain(tr(p.family));
    }
    await check('accompanied people, by family');
    await goto('/accompaniment/reminders');
    await page.waitForSelector('.acc-rem-list li');
    await check('reminders due');
    await goto('/accompaniment/my-runs');
    await page.waitForSelector('.runs-trips li');
    await check('my runs');
    await goto('/accompaniment/runs');
    await page.waitForSelector('.plan-list li');
    await check('runs by day');
    await goto('/accompaniment/plan');
    await page.waitForSelector('#plan-week');
    await page.fill('#plan-week', day);
    await page.waitForSelector(`[data-testid="plan-day-${day}"] .plan-list li`);
    await check('plan of the week');

    for (const [k, { g, who, hearing, run }] of acc.entries()) {
      const first = who[0]!;
      await goto(`/accompaniment/people/${person.get(first)!.id}`);
      await waitText('main h1', `${tr(first)} ${person.get(first)!.ref}`);
      await waitMain([tr(person.get(first)!.family), hearing.ref]);
      await check(`accompanied person ${first}`);

      await goto(`/accompaniment/hearings/${hearing.id}`);
      await waitText('main h1', `Audiencia ${hearing.ref}`);
      await page.click('button:has-text("Mostrar representante y notas")');
      await waitMain([...g.map(tr), ...who.map(tr)]);
      expect(await page.locator('.acc-ident .prewrap').textContent(), `notes of hearing ${k}`).toBe(g.map((i) => P[i]).join('\n').trim());
      await check(`hearing ${k} (representative and notes opened)`);

      await goto(`/accompaniment/runs/${run.id}`);
      await page.waitForSelector('.runs-page [data-testid="run-meeting-points"]');
      await page.click('[data-testid="run-meeting-points"]');
      await page.waitForSelector('.runs-legs .ident-line');
      await waitMain([tr(g[0]!), ...g.map(tr), ...who.flatMap((i) => [tr(i), tr(person.get(i)!.family)]), partners[k % partners.length]!.name]);
      expect(await page.locator('.runs-legs .ident-line').allTextContents(), `meeting points of run ${k}`).toEqual([tr(g[1] ?? g[0]!), tr(g[2] ?? g[0]!)]);
      expect(await page.textContent('.runs-head')).toContain(tr(g[0]!));
      await check(`run ${k} (meeting points opened)`);

      await goto(`/accompaniment/runs/${run.id}/track`);
      await page.waitForSelector('.runs-riders li');
      await waitMain(who.map(tr));
      await check(`run ${k} (tracking page)`);
    }

    // the forms: a person, a hearing with its sealed part opened, runs with their meeting points opened
    const [one] = acc;
    const p0 = one!.who[0]!;
    await goto(`/accompaniment/people/${person.get(p0)!.id}/edit`);
    await waitValue('#f-pseudonym', tr(p0));
    await check('accompanied person (edit form)');
    await goto(`/accompaniment/hearings/${one!.hearing.id}/edit`);
    await page.click('button:has-text("Abrir representante y notas para cambiarlos")');
    await waitValue('#f-representative', tr(one!.g[0]!));
    expect(await page.inputValue('#f-notes')).toBe(one!.g.map((i) => P[i]).join('\n').trim());
    await check('hearing (edit form, sealed part opened)');
    for (const { g, run } of [acc[0]!, acc.at(-1)!]) {
      await goto(`/accompaniment/runs/${run.id}/edit`);
      await waitValue('#f-label', tr(g[0]!));
      await page.click('button:has-text("Mostrar los puntos de encuentro guardados para cambiarlos")');
      await waitValue('#f-legs-0-meetingPoint', tr(g[1] ?? g[0]!));
      expect(await page.inputValue('#f-legs-1-meetingPoint')).toBe(tr(g[2] ?? g[0]!));
      await check(`run ${run.ref} (edit form, meeting points opened)`);
    }
    // a new run: people found by a payload word, one added with its hearing to choose
    await goto('/accompaniment/runs/new');
    await page.waitForSelector('#runs-person-q');
    await page.fill('#runs-person-q', 'img');
    await page.click('.runs-search button:has-text("Buscar")');
    await page.waitForSelector('.runs-hits li');
    const hits = await page.$$eval('.runs-hits li strong', (els) => els.map((e) => e.textContent ?? ''));
    expect(hits.length).toBeGreaterThan(5);
    for (const h of hits) expect([...person.keys()].map(tr)).toContain(h);
    await page.locator('.runs-hits li button').first().click();
    await page.waitForSelector('#f-passengers-0-hearingId option[value]:not([value=""])', { state: 'attached' });
    await check('new run (people found, a passenger added)');
  }, 600_000);

  it('opens the exports page', async () => {
    await goto('/exports');
    await page.waitForSelector('#ex-download');
    await check('exports page');
  });

  it('shows the same in English (the other label of each term)', async () => {
    await goto('/');
    await page.click('.nav-tools button:has-text("English")');
    await page.waitForSelector('html[lang=en]');
    await page.waitForSelector('.cards .card-title');
    await check('list in English');
    const g = GROUPS[0]!;
    await goto(`/incidents/${incidents[0]!.id}`);
    await waitText('main h1', titleOf(g));
    const text = await mainText();
    for (const i of g) expect(text).toContain(P[next(i)]); // the English labels of the acts
    await check('incident in English');
    await page.click('.nav-tools button:has-text("Español")');
    await page.waitForSelector('html[lang=es]');
    await page.waitForTimeout(300);
    await check('the end');
  });
});
