/**
 * Accompaniment on the day (issue 9), in Debian's Chromium against the real `bitacora serve`, in
 * Spanish on a 360 px phone: three families (Ceiba: two adults; Roble: a mother and her child;
 * Pino: one man who speaks Haitian Creole) summoned to the San Diego immigration court, to present
 * themselves at the San Ysidro port of entry at 04:00 ten days from now, are recorded through the
 * API. In the browser a run is planned through the form (arrive by San Ysidro at 04:00; Mexicali →
 * Tijuana by bus, 160 minutes; Tijuana → San Ysidro by car, 25 minutes; five seats each), the live
 * preview shows each departure at its own place's zone, and the five passengers are added with
 * their hearings; the run page shows the legs and the passengers. On the tracking page everyone is
 * picked up and arrives on leg 1; on leg 2 four are picked up and present themselves, and the man of
 * the Pino family is marked "No llegó"; the coordinator's alert is in the inbox with the run's
 * reference and no name, and leads to the run. The run is ended; the reminders page lists the five
 * (the Pino man's message in Haitian Creole, none naming anyone, the court or the case), the
 * organisation's reminder channel is set to a bridge on this machine and each reminder reaches it
 * signed with only {type, to, lang, text}. The outcomes are recorded on
 * each hearing's page (the Ceiba hearing continued to a next hearing, which their pages then list;
 * the Pino hearing a removal order in absentia). axe in Spanish and English on the run form, the run
 * page, the tracking page and the reminders page; no sideways scroll at 360 px; no console error; no request to another
 * origin; no pseudonym, family label or real name in a page title, a URL or a request's address.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import { createHmac } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { apiCall, expectAccessibleInBothLanguages, gotoInApp, hasHorizontalScroll, servedWorkspace, shot, signedInPage, type ApiSession } from './helpers.js';

const PASS = 'frase de custodia del acompañamiento 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };
const ZONE = 'America/Los_Angeles';

/** The UTC offset (minutes) of a zone at an instant. */
function offsetAt(ms: number, zone: string): number {
  const o = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(o);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}
/** A day `n` days from now (UTC calendar), moved on past any day whose night has a clock change on the border. */
function dayAhead(n: number): string {
  for (let k = n; ; k++) {
    const day = new Date(Date.now() + k * 86_400_000).toISOString().slice(0, 10);
    const noon = Date.parse(`${day}T12:00:00Z`);
    if (offsetAt(noon - 86_400_000, ZONE) === offsetAt(noon, ZONE)) return day;
  }
}
/** the hearing day, ten days ahead; the next hearing about ten weeks later */
const DAY = dayAhead(10);
const NEXT_DAY = (() => {
  const base = Math.round((Date.parse(`${DAY}T12:00:00Z`) - Date.now()) / 86_400_000);
  return dayAhead(base + 70);
})();
/** the zone's short name on the hearing day (PST in winter, PDT in summer) */
const ZN = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hour: '2-digit', timeZoneName: 'short' }).formatToParts(new Date(`${DAY}T12:00:00Z`)).find((p) => p.type === 'timeZoneName')!.value;

interface Member { key: string; pseudonym: string; names: string; ageGroup: 'adult' | 'child'; role: 'head' | 'partner' | 'child'; needs?: string[]; languages: string[] }
const FAMILIES: { label: string; members: Member[]; outcome: string; attendance: 'presented' | 'missed' }[] = [
  {
    label: 'Familia Ceiba', outcome: 'continued', attendance: 'presented',
    members: [
      { key: 'ceiba1', pseudonym: 'Alondra Ceiba', names: 'María Fernanda Ortiz Lara', ageGroup: 'adult', role: 'head', languages: ['es'] },
      { key: 'ceiba2', pseudonym: 'Bruno Ceiba', names: 'José Antonio Ramos Peña', ageGroup: 'adult', role: 'partner', languages: ['es'] },
    ],
  },
  {
    label: 'Familia Roble', outcome: 'asylum_granted', attendance: 'presented',
    members: [
      { key: 'roble1', pseudonym: 'Carmen Roble', names: 'Rosa Elvira Castañeda Ruiz', ageGroup: 'adult', role: 'head', languages: ['es', 'mam'] },
      { key: 'roble2', pseudonym: 'Dani Roble', names: 'Daniel Castañeda Ruiz', ageGroup: 'child', role: 'child', needs: ['infant'], languages: ['es'] },
    ],
  },
  {
    label: 'Familia Pino', outcome: 'removal_in_absentia', attendance: 'missed',
    members: [{ key: 'pino1', pseudonym: 'Emile Pino', names: 'Jean-Baptiste Louis', ageGroup: 'adult', role: 'head', needs: ['interpreter'], languages: ['ht'] }],
  },
];
const MEMBERS = FAMILIES.flatMap((f) => f.members);
/** everything that names someone: never in a title, a URL or a request's address */
const NAMES = [...MEMBERS.flatMap((m) => [m.pseudonym, m.names]), ...FAMILIES.map((f) => f.label)];
/** real names: never anywhere on a page (nobody opens an identity here) */
const REAL_NAMES = MEMBERS.map((m) => m.names);

let srv: ServerProcess;
let session: ApiSession;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
/** by member key */
const people = new Map<string, { id: string; ref: string }>();
/** by family label */
const hearings = new Map<string, { id: string; ref: string }>();
let runId = '';
const titles: string[] = [];

const call = (method: string, path: string, body?: unknown) => apiCall(srv.url, session, method, path, body);

const ref = (key: string) => people.get(key)!.ref;
const pino = () => ref('pino1');

/** The page as it stands: its title and address name nobody; no real name anywhere on it. */
async function noNames(where: string): Promise<void> {
  const title = await page.title();
  titles.push(title);
  const url = decodeURIComponent(page.url());
  for (const n of NAMES) {
    expect(title, `${where}: title`).not.toContain(n);
    expect(url, `${where}: url`).not.toContain(n);
  }
  const body = (await page.textContent('body')) ?? '';
  for (const n of REAL_NAMES) expect(body, `${where}: page text`).not.toContain(n);
}

async function noSidewaysScroll(): Promise<void> {
  const h = await hasHorizontalScroll(page);
  expect(h.overflow, h.culprits.join(', ')).toBe(false);
}

/** One tap on the tracking page, and the row then says the new mark in words. */
async function tap(key: string, mark: 'picked_up' | 'arrived' | 'presented' | 'missed', says: string): Promise<void> {
  await page.click(`[data-testid="mark-${ref(key)}-${mark}"]`);
  await page.waitForSelector(`[data-testid="mark-${ref(key)}-${mark}"][aria-pressed="true"]`);
  expect(await page.locator(`[data-testid="mark-now-${ref(key)}"]`).innerText()).toMatch(new RegExp(`^Ahora: ${says}( · \\d{2}:\\d{2} [A-Z]{3})?$`));
}

beforeAll(async () => {
  ({ srv, session } = await servedWorkspace('accompaniment', PASS, ADMIN));
  for (const f of FAMILIES) {
    let familyId: string | undefined;
    for (const m of f.members) {
      const r = await call('POST', '/api/v1/accompaniment/people', {
        pseudonym: m.pseudonym, ...(familyId ? { familyId } : { newFamily: f.label }), familyRole: m.role, ageGroup: m.ageGroup,
        needs: m.needs ?? [], languages: m.languages, nationality: m.languages.includes('ht') ? 'HT' : 'GT', reminderLang: m.languages.includes('ht') ? 'ht' : 'es',
        identity: { names: m.names, caseNumbers: [`A-${200_000_000 + people.size}`], phones: [`+52 686 555 01${people.size}`] },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      familyId = r.body.familyId;
      people.set(m.key, { id: r.body.id, ref: r.body.ref });
    }
    const h = await call('POST', '/api/v1/accompaniment/hearings', {
      court: 'court-san-diego', startsLocal: `${DAY}T08:30`, kind: 'master_calendar', presentPlace: 'poe-san-ysidro', presentLocal: `${DAY}T04:00`,
      documents: ['hearing_notice', 'passport'], representative: 'Lic. Ana Beltrán', people: f.members.map((m) => people.get(m.key)!.id),
    });
    expect(h.status, JSON.stringify(h.body)).toBe(201);
    hearings.set(f.label, { id: h.body.id, ref: h.body.ref });
  }
  expect([...people.values()].map((p) => p.ref)).toEqual(['ACP-0001', 'ACP-0002', 'ACP-0003', 'ACP-0004', 'ACP-0005']);
  browser = await launchBrowser();
  rec = await signedInPage(browser, srv.url, ADMIN);
  page = rec.page;
  await page.setViewportSize({ width: 360, height: 740 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('a run to a hearing at dawn, on a phone in Spanish', () => {
  it('plans the run through the form: arrive by San Ysidro at 04:00, two legs, the preview at each place\'s zone, five passengers with their hearings', async () => {
    await gotoInApp(page, '/accompaniment/runs', '[data-testid="run-new"]');
    await page.click('[data-testid="run-new"]');
    await page.waitForSelector('#f-arriveBy-place option[value="poe-san-ysidro"]', { state: 'attached' });
    expect(await page.locator('h1').innerText()).toBe('Nuevo traslado');
    await noNames('run form');

    await page.selectOption('#f-arriveBy-place', 'poe-san-ysidro');
    await page.fill('#f-arriveBy-local', `${DAY}T04:00`);
    expect(await page.locator('#f-arriveBy-local-zone').innerText()).toMatch(new RegExp(`Garita de San Ysidro \\(El Chaparral\\).*${ZN}, UTC−0[78]:00`));
    await page.fill('#f-label', 'Audiencias de San Diego');
    // leg 1: Mexicali → Tijuana by bus, 160 minutes, five tickets
    await page.selectOption('#f-legs-0-from', 'mx-mexicali');
    await page.selectOption('#f-legs-0-to', 'mx-tijuana');
    await page.selectOption('#f-legs-0-mode', 'bus');
    await page.fill('#f-legs-0-durationMinutes', '160');
    await page.fill('#f-legs-0-seats', '5');
    // leg 2 starts where leg 1 ends and ends where they present themselves
    await page.click('button:has-text("Añadir tramo")');
    await page.waitForSelector('#f-legs-1-durationMinutes');
    expect(await page.inputValue('#f-legs-1-from')).toBe('mx-tijuana');
    expect(await page.inputValue('#f-legs-1-to')).toBe('poe-san-ysidro');
    await page.selectOption('#f-legs-1-mode', 'car');
    await page.fill('#f-legs-1-durationMinutes', '25');
    await page.fill('#f-legs-1-seats', '5');

    // the live preview, planned backwards from 04:00 less the 30-minute margin, each time at its own place's zone
    await page.waitForSelector('[data-testid="preview-leg-2"]');
    await page.waitForFunction(() => /03:05/.test(document.querySelector('[data-testid="preview-leg-2"]')?.textContent ?? ''));
    expect(await page.locator('[data-testid="preview-leg-1"]').innerText()).toBe(`→ sale 00:25 (hora de Mexicali, B.C., ${ZN}) — llega 03:05 (hora de Tijuana, B.C., ${ZN})`);
    expect(await page.locator('[data-testid="preview-leg-2"]').innerText()).toBe(`→ sale 03:05 (hora de Tijuana, B.C., ${ZN}) — llega 03:30 (hora de Garita de San Ysidro (El Chaparral), ${ZN})`);
    const preview = await page.locator('[data-testid="run-preview"]').innerText();
    expect(preview).toContain('Tramo 1 Mexicali, B.C. → Tijuana, B.C.: sale 00:25');
    expect(await page.locator('.runs-preview').innerText()).toContain(`Presentarse en Garita de San Ysidro (El Chaparral):`);
    expect(await page.locator('.runs-preview').innerText()).toContain(`04:00 ${ZN}`);

    // the passengers, found by their family's name, family by family
    let n = 0;
    for (const f of FAMILIES) {
      const word = f.label.split(' ')[1]!;
      await page.fill('#runs-person-q', word);
      await page.click('.runs-search button:has-text("Buscar")');
      await page.waitForFunction((w) => {
        const hits = [...document.querySelectorAll('.runs-hits li')];
        return hits.length > 0 && hits.every((li) => li.textContent?.includes(w!));
      }, word);
      expect(await page.locator('.runs-hits li').count()).toBe(f.members.length);
      // the first family all at once ("Añadir a toda la familia"), the others person by person
      if (f === FAMILIES[0]) await page.click(`[data-testid="add-family-${ref(f.members[0]!.key)}"]`);
      for (const m of f.members) {
        if (f !== FAMILIES[0]) await page.locator('.runs-hits li', { hasText: ref(m.key) }).locator('button').first().click();
        await page.waitForSelector(`.runs-hits li:has-text("${ref(m.key)}") button:has-text("Ya está")`);
        // their hearing is chosen: the next one they have
        const hearing = hearings.get(f.label)!;
        await page.waitForFunction(([sel, v]) => (document.querySelector(sel!) as HTMLSelectElement | null)?.value === v, [`#f-passengers-${n}-hearingId`, hearing.id] as const);
        expect(await page.locator(`#f-passengers-${n}-hearingId option:checked`).innerText()).toContain(`${hearing.ref} · `);
        n++;
      }
    }
    expect(await page.locator('.runs-pass-form > li').count()).toBe(5);
    await noSidewaysScroll();
    await shot(page, 'acc-run-form');
    await expectAccessibleInBothLanguages(page, 'run form');
    await noNames('run form, filled');

    await page.click('[data-testid="run-save"]');
    await page.waitForURL(/\/accompaniment\/runs\/[0-9a-f-]{36}$/);
    runId = page.url().split('/').pop()!;
    await page.waitForSelector('.runs-page .runs-legs');
  });

  it('shows the run\'s legs and passengers on its page', async () => {
    expect(await page.locator('.runs-head').innerText()).toBe('RUN-0001 Planeado · Audiencias de San Diego');
    const legs = page.locator('.runs-legs > li');
    expect(await legs.count()).toBe(2);
    expect(await legs.nth(0).locator('h3').innerText()).toBe('Tramo 1: Mexicali, B.C. → Tijuana, B.C.');
    expect(await legs.nth(0).innerText()).toContain(`Autobús · sale 00:25 (hora de Mexicali, B.C., ${ZN}) — llega 03:05 (hora de Tijuana, B.C., ${ZN})`);
    expect(await legs.nth(0).innerText()).toContain('5 asientos · 5 pasajeros');
    expect(await legs.nth(1).locator('h3').innerText()).toBe('Tramo 2: Tijuana, B.C. → Garita de San Ysidro (El Chaparral)');
    expect(await legs.nth(1).innerText()).toContain(`Auto · sale 03:05 (hora de Tijuana, B.C., ${ZN})`);
    expect(await page.locator('.runs-flag').count()).toBe(0);
    const riders = page.locator('.runs-pass-list > li');
    expect(await riders.count()).toBe(5);
    const listed = await page.locator('.runs-pass-list').innerText();
    for (const f of FAMILIES) {
      for (const m of f.members) {
        const row = await riders.filter({ hasText: ref(m.key) }).innerText();
        expect(row).toContain(m.pseudonym);
        expect(row).toContain(f.label);
        expect(row).toContain(hearings.get(f.label)!.ref);
        expect(row).toContain(`presentarse 04:00 ${ZN} en Garita de San Ysidro (El Chaparral)`);
      }
    }
    expect(listed).toContain('niña o niño');
    expect(await page.locator(`[data-testid="cell-${pino()}-2"]`).innerText()).toMatch(/^Pendiente/);
    // the run as saved, through the API: planned backwards from 04:00 at San Ysidro
    const saved = await call('GET', `/api/v1/accompaniment/runs/${runId}`);
    expect(saved.body.arriveBy).toMatchObject({ place: 'poe-san-ysidro', local: `${DAY}T04:00` });
    expect(saved.body.legs.map((l: { departLocal: string; arriveLocal: string; seats: number; mode: string }) => [l.mode, l.departLocal.slice(11), l.arriveLocal.slice(11), l.seats])).toEqual([['bus', '00:25', '03:05', 5], ['car', '03:05', '03:30', 5]]);
    await noSidewaysScroll();
    await shot(page, 'acc-run-page');
    await expectAccessibleInBothLanguages(page, 'run page');
    await noNames('run page');
  });

  it('checks them in leg by leg on the tracking page: everyone on leg 1, four present themselves and one is marked "No llegó"', async () => {
    await page.click('[data-testid="run-track"]');
    await page.waitForURL(`${srv.url}/accompaniment/runs/${runId}/track`);
    await page.waitForSelector('#track-leg-h');
    expect(await page.locator('#track-leg-h').innerText()).toBe('Tramo 1: Mexicali, B.C. → Tijuana, B.C.');
    expect(await page.locator('[data-testid="track-deadline"]').innerText()).toBe(`Marcar antes de 03:25 ${ZN}`);
    const pinoRow = await page.locator(`[data-testid="rider-${pino()}"]`).innerText();
    expect(pinoRow).toContain('Emile Pino');
    expect(pinoRow).toContain('ht');
    expect(pinoRow).toContain('Intérprete');
    expect(pinoRow).toContain(`presentarse 04:00 ${ZN} en Garita de San Ysidro (El Chaparral)`);
    await noNames('tracking page');

    // leg 1: picked up in Mexicali, arrived in Tijuana
    for (const m of MEMBERS) await tap(m.key, 'picked_up', 'Recogido');
    expect(await page.locator('.runs-track-leg').innerText()).toContain('0 de 5 con marca final');
    for (const m of MEMBERS) await tap(m.key, 'arrived', 'Llegó');
    expect(await page.locator('.runs-track-leg').innerText()).toContain('5 de 5 con marca final');
    expect(await page.locator('[data-testid="track-said"]').innerText()).toBe(`${pino()}: Llegó`);

    // leg 2: the Pino family's man is not at the car in Tijuana
    await page.selectOption('#track-leg', '1');
    await page.waitForFunction(() => document.querySelector('#track-leg-h')?.textContent?.startsWith('Tramo 2'));
    expect(await page.locator('#track-leg-h').innerText()).toBe('Tramo 2: Tijuana, B.C. → Garita de San Ysidro (El Chaparral)');
    expect(await page.locator('[data-testid="track-deadline"]').innerText()).toBe(`Marcar antes de 03:50 ${ZN}`);
    const others = MEMBERS.filter((m) => m.key !== 'pino1');
    for (const m of others) await tap(m.key, 'picked_up', 'Recogido');
    await tap('pino1', 'missed', 'No llegó');
    expect(await page.locator('[data-testid="track-said"]').innerText()).toBe(`${pino()}: No llegó. Se avisó a quien coordina el traslado.`);
    for (const m of others) await tap(m.key, 'presented', 'Se presentó');
    expect(await page.locator('.runs-track-leg').innerText()).toContain('5 de 5 con marca final');
    // the undo is there for a mistake
    expect(await page.locator(`[data-testid="undo-${pino()}"]`).count()).toBe(1);
    await noSidewaysScroll();
    await shot(page, 'acc-track');
    await expectAccessibleInBothLanguages(page, 'tracking page');
    await noNames('tracking page, marked');
  });

  it('the coordinator sees the alert in the inbox: the run\'s reference, no name, and it leads to the run', async () => {
    await gotoInApp(page, '/alerts', '.alert-item');
    const items = page.locator('.alert-item');
    expect(await items.count()).toBe(1);
    const text = await items.first().innerText();
    expect(text).toContain('Traslado RUN-0001: alguien quedó marcado como ausente.');
    expect(text).toContain('Sin leer');
    for (const n of [...NAMES, ...MEMBERS.map((m) => people.get(m.key)!.ref)]) expect(text).not.toContain(n);
    const alerts = await call('GET', '/api/v1/alerts');
    expect(alerts.body.items.map((a: { kind: string; ref: string }) => [a.kind, a.ref])).toEqual([['run_missed', 'RUN-0001']]);
    expect(JSON.stringify(alerts.body)).not.toMatch(/Pino|Ceiba|Roble|ACP-/);
    await noSidewaysScroll();
    await noNames('alerts');

    await items.first().locator(`a[href="/accompaniment/runs/${runId}"]`).click();
    await page.waitForSelector('.runs-page .runs-legs');
    // the first pick-up started the run
    expect(await page.locator('.runs-head').innerText()).toContain('En camino');
    expect(await page.locator(`[data-testid="cell-${pino()}-1"]`).innerText()).toMatch(/^Llegó/);
    expect(await page.locator(`[data-testid="cell-${pino()}-2"]`).innerText()).toMatch(/^No llegó/);
    expect(await page.locator(`[data-testid="cell-${ref('roble2')}-2"]`).innerText()).toMatch(/^Se presentó/);
    await page.click('[data-testid="run-end"]');
    await page.waitForFunction(() => document.querySelector('.runs-head')?.textContent?.includes('Terminado'));
    expect(await page.locator('[data-testid="run-track"]').count()).toBe(0);
    await noNames('run page, ended');
  });

  it('reminds the families before the hearing: the messages in their language say only when and where, the channel is set and each is posted signed', async () => {
    // the organisation's messaging bridge, on this machine
    const got: { body: string; signature: string }[] = [];
    const bridge: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
      req.on('end', () => { got.push({ body, signature: String(req.headers['x-bitacora-signature'] ?? '') }); res.end('ok'); });
    });
    await new Promise<void>((r) => bridge.listen(0, '127.0.0.1', () => r()));
    const port = (bridge.address() as { port: number }).port;
    try {
      await gotoInApp(page, '/accompaniment/reminders', '#acc-rem-days');
      await page.fill('#acc-rem-days', '30');
      await page.click('button:has-text("Ver")');
      await page.waitForFunction(() => document.querySelectorAll('.acc-rem-list > li').length === 5);
      const messages = await page.$$eval('.acc-rem-message', (els) => els.map((e) => ({ lang: e.getAttribute('lang'), text: e.textContent ?? '' })));
      expect(messages.filter((m) => m.lang === 'ht')).toHaveLength(1);
      for (const m of messages) {
        for (const n of [...NAMES, 'San Diego', 'A-2000', 'HRG-', 'master']) expect(m.text).not.toContain(n);
      }
      // the channel: the bridge's address, a secret made and shown once
      await page.fill('#acc-remhook-url', `http://127.0.0.1:${port}/bitacora`);
      await page.click('button:has-text("Guardar el canal")');
      await page.waitForSelector('text=Copia este secreto en el puente ahora');
      const secret = (await page.locator('.card-edit code').innerText()).trim();
      expect(secret.length).toBeGreaterThan(20);
      await noSidewaysScroll();
      await expectAccessibleInBothLanguages(page, 'reminders');
      await page.click('button:has-text("Enviar por el canal configurado")');
      await page.waitForSelector('text=Enviados: 5. Fallidos: 0.');
      expect(got).toHaveLength(5);
      for (const g of got) {
        expect(g.signature).toBe(`sha256=${createHmac('sha256', secret).update(g.body).digest('hex')}`);
        const b = JSON.parse(g.body) as Record<string, string>;
        expect(Object.keys(b).sort()).toEqual(['lang', 'text', 'to', 'type']);
        expect(b['to']).toMatch(/^\+52 686 555 01\d$/);
        for (const n of [...NAMES, 'San Diego', 'A-2000', 'HRG-', 'ACP-']) expect(g.body).not.toContain(n);
      }
      await noNames('reminders');
    } finally {
      await new Promise<void>((r) => bridge.close(() => r()));
    }
  });

  it('records the outcomes on each hearing\'s page: held, attendance, and the Ceiba family\'s next hearing', async () => {
    for (const f of FAMILIES) {
      const h = hearings.get(f.label)!;
      // from the run page's list of passengers, as a coordinator would
      await gotoInApp(page, `/accompaniment/runs/${runId}`, '.runs-pass-list');
      await page.locator('.runs-pass-list > li', { hasText: ref(f.members[0]!.key) }).locator(`a[href="/accompaniment/hearings/${h.id}"]`).click();
      await page.waitForSelector('#acc-h-outcome');
      expect(await page.locator('h1').innerText()).toBe(`Audiencia ${h.ref}`);
      expect(await page.locator('.meta .status').innerText()).toBe('Programada');
      expect(await page.isChecked('#acc-outcome-held')).toBe(true);
      await page.selectOption('#f-outcome', f.outcome);
      for (const m of f.members) await page.selectOption(`#f-attendance-${people.get(m.key)!.id}`, f.attendance);
      if (f.label === 'Familia Ceiba') {
        await page.check('#acc-outcome-next');
        await page.waitForSelector('#f-next-startsLocal');
        expect(await page.inputValue('#f-next-court')).toBe('court-san-diego');
        expect(await page.inputValue('#f-next-presentPlace')).toBe('poe-san-ysidro');
        await page.fill('#f-next-startsLocal', NEXT_DAY);
        await page.fill('#f-next-startsLocal-time', '08:30');
        await page.fill('#f-next-presentLocal-time', '04:00');
        expect(await page.locator('#f-next-people').innerText()).toContain('Alondra Ceiba (ACP-0001)');
        expect(await page.locator('#f-next-people').innerText()).toContain('Bruno Ceiba (ACP-0002)');
      }
      await page.click('.acc-outcome button[type=submit]');
      await page.waitForSelector('.acc-outcome .alert-success');
      expect(await page.locator('.acc-outcome .alert-success').innerText()).toBe('Resultado guardado.');
      expect(await page.locator('.meta .status').innerText()).toBe('Celebrada');
      const people_ = await page.locator('#acc-h-people + ul').innerText();
      for (const m of f.members) expect(people_).toContain(`${m.pseudonym} ${ref(m.key)} · ${f.attendance === 'missed' ? 'No se presentó' : 'Se presentó'}`);
      if (f.label === 'Familia Ceiba') expect(await page.locator('.acc-nav-hearings').innerText()).toBe('Siguiente audiencia HRG-0004 →');
      await noSidewaysScroll();
      await noNames(`hearing ${h.ref}`);
    }
    expect(await page.locator('.meta').innerText()).toContain('Orden de expulsión en ausencia');
    const ceiba = await call('GET', `/api/v1/accompaniment/hearings/${hearings.get('Familia Ceiba')!.id}`);
    expect(ceiba.body).toMatchObject({ status: 'held', outcome: 'continued', nextHearing: { ref: 'HRG-0004', startsLocal: `${NEXT_DAY}T08:30`, presentLocal: `${NEXT_DAY}T04:00`, status: 'scheduled' } });
  });

  it('the Ceiba family\'s pages list the next hearing; the Pino family\'s the missed one', async () => {
    const first = people.get('ceiba1')!;
    await gotoInApp(page, `/accompaniment/people/${first.id}`, '#acc-hearings-h');
    await page.waitForSelector('#acc-hearings-h + ul .card');
    expect(await page.locator('h1').innerText()).toBe('Alondra Ceiba ACP-0001');
    const cards = page.locator('#acc-hearings-h + ul > li');
    expect(await cards.count()).toBe(2);
    const next = await cards.filter({ hasText: 'HRG-0004' }).innerText();
    expect(next).toContain('Programada');
    expect(next).toContain('Corte de inmigración de San Diego');
    expect(next).toMatch(new RegExp(`04:00`));
    const held = await cards.filter({ hasText: hearings.get('Familia Ceiba')!.ref }).innerText();
    expect(held).toContain('Celebrada');
    expect(held).toContain('Aplazada a otra fecha');
    expect(held).toContain('Asistencia: Se presentó');
    for (const key of ['ceiba1', 'ceiba2']) {
      const v = await call('GET', `/api/v1/accompaniment/people/${people.get(key)!.id}`);
      expect(v.body.nextHearing).toMatchObject({ ref: 'HRG-0004', court: 'court-san-diego' });
    }
    await noSidewaysScroll();
    await noNames('person page (Ceiba)');

    await gotoInApp(page, `/accompaniment/people/${people.get('pino1')!.id}`, '#acc-hearings-h + ul .card');
    const pinoCard = await page.locator('#acc-hearings-h + ul > li').innerText();
    expect(pinoCard).toContain('Orden de expulsión en ausencia');
    expect(pinoCard).toContain('Asistencia: No se presentó');
    await noNames('person page (Pino)');

    // nothing left the workstation, nothing broke, and no one was named where it should not be
    expect(rec.errors).toEqual([]);
    expect(rec.requests.filter((u) => !u.startsWith(`${srv.url}/`))).toEqual([]);
    for (const u of rec.requests.map(decodeURIComponent)) for (const n of NAMES) expect(u).not.toContain(n);
    expect(titles.every((t) => t.startsWith('Bitácora — '))).toBe(true);
  });
});
