/**
 * Stored XSS, in Debian's Chromium against the real `bitacora serve`. Every known payload of
 * xss-payloads.ts is saved through the API into every free-text field: incident title, summary,
 * locality and private address; act and perpetrator descriptions and named perpetrators; source
 * pseudonym and testimony; intervention actor, addressee and notes; the person's pseudonym, real
 * name, contact, address, locality, notes and protection measures; vocabulary labels in both
 * languages; user display names; group names; draft titles; workspace and organisation names;
 * evidence descriptions and online captures (account, address, text); and the User-Agent of
 * sign-ins, which the sessions page describes. There is one person, term, user
 * and draft per payload, and one incident per group of three payloads (three victims, acts, sources
 * and interventions; title, summary and address hold all three; three versions rotate the rest, so
 * the history shows them before and after).
 *
 * Then every page that shows them is opened: sign-in, incident list, facets, search results,
 * drafts, detail with every identifying value revealed, history, edit forms, people list, person
 * page and edit form, the victim picker, vocabulary, user and group administration, the audit log,
 * one's sessions, the identifying-values scan, evidence items with their sealed texts revealed, and
 * English. After each page the test requires: no
 * dialog (alert/confirm/prompt), no console error or page error, no CSP violation, `window.__xss`
 * unset, no request to another origin, and no element, event-handler attribute or script URL in the
 * DOM that the app did not make (so an injection is caught even when the CSP stops it from
 * running). The payloads must also appear as text where expected. A first test shows that the
 * detectors fire when a payload does get into the page, and that it runs without the CSP.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { startServer, type ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, newPage, type RecordedPage } from '../helpers/browser.js';
import { XSS_PAYLOADS } from './xss-payloads.js';
import { minimalPdf } from '../helpers/evidence-files.js';

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
