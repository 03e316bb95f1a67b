/**
 * Importing a spreadsheet (issue 8) in Debian's Chromium against the real `bitacora serve`, in
 * Spanish: an admin opens "Importar", is told in place that an empty file is not a table, uploads a
 * 30-row CSV written as Spanish Excel writes it (Windows-1252, semicolons, CRLF) and sees the
 * encoding and separator detected with their reasons; maps the column no header gave away
 * ("Qué ocurrió" → kind of act), is stopped in place when no column gives the title, chooses the
 * suggested term for "Amenazas por telefono" (not an exact label), saves the mapping, dry-runs and
 * finds the ambiguous date 05/03/2024 as an error on its line and column, fixes it by choosing
 * day/month/year, dry-runs again (the empty date stays a warning), commits and watches the progress
 * bar reach 30 of 30, sees the import listed, then finds the incidents through the app's search
 * (the fixed row with its term and date); back on the page, the finished import is still shown and
 * the saved mapping, applied to the next file, brings its columns and values, and is removed. axe
 * in Spanish and English on the steps; 360 px; the audit log names the import and the mapping; no
 * console error but the one 400 provoked on purpose; nothing asked of another origin.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { expectAccessibleInBothLanguages, gotoInApp, hasHorizontalScroll, provokedErrors, servedWorkspace, shot, signedInPage, tabTo } from './helpers.js';

const PASS = 'frase de custodia de importaciones 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };

const HEADER = ['Título', 'Fecha', 'Qué ocurrió', 'Responsable', 'País', 'Ciudad', 'Descripción'];
const ACTS = ['Amenaza de muerte', 'Vigilancia', 'Amenaza de muerte', 'Vigilancia', 'Hostigamiento e intimidación'];

/** 30 rows: row 3 has the near value and the D/M/Y date, row 20 has no date. */
function rows(): string[][] {
  const out: string[][] = [];
  for (let n = 1; n <= 30; n++) {
    const day = String(((n * 7) % 27) + 1).padStart(2, '0');
    out.push([
      n === 3 ? 'Planilla caso tres: llamada amenazante al albergue' : `Planilla caso ${n}: hostigamiento al albergue`,
      n === 3 ? '05/03/2024' : n === 20 ? '' : `2024-${String((n % 12) + 1).padStart(2, '0')}-${day}`,
      n === 3 ? 'Amenazas por telefono' : ACTS[n % ACTS.length]!,
      n % 2 ? 'Guardia Nacional' : 'Policía municipal',
      'México',
      n % 3 ? 'Saltillo' : 'Tapachula',
      `Relato número ${n}; la coordinadora lo anotó "a mano"`,
    ]);
  }
  return out;
}

const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
/** As Spanish Excel saves "CSV (delimitado por comas)": Windows-1252, semicolons, CRLF. */
const csv = Buffer.from([HEADER, ...rows()].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n', 'latin1');

let srv: ServerProcess;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
let provoked: ReturnType<typeof provokedErrors>;

beforeAll(async () => {
  ({ srv } = await servedWorkspace('import', PASS, ADMIN));
  browser = await launchBrowser();
  rec = await signedInPage(browser, srv.url, ADMIN);
  provoked = provokedErrors(rec);
  page = rec.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
/** The app moves focus just after it renders (focusSoon): wait for it to land, then say where it is. */
const focusLandsOn = async (id: string) => {
  await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5_000 }).catch(() => undefined);
  expect(await focusedId()).toBe(id);
};
const valueSelect = (value: string) => page.locator(`.import-value:has(.import-value-text:text-is("${value}")) select`);

async function fitsPhone(what: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 740 });
  await shot(page, `import-360-${what}`);
  const h = await hasHorizontalScroll(page);
  expect(h.overflow, `${what} at 360 px: ${h.culprits.join(', ')}`).toBe(false);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('import', () => {
  it('reads a Windows-1252 CSV, maps its columns and values, and stops a mapping without a title in place', async () => {
    await page.click('nav a[href="/import"]');
    await page.waitForSelector('#import-file');
    expect(await page.locator('h1').innerText()).toBe('Importar incidentes de una hoja de cálculo');
    expect(page.url()).toBe(`${srv.url}/import`);
    expect(await page.title()).toBe('Bitácora — Importar');
    await page.waitForSelector('.import-runs .muted:has-text("Todavía no hay importaciones.")');

    // a file refused as a whole: said next to the picker, which gets the focus
    await page.setInputFiles('#import-file', { name: 'vacio.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await provoked.provoking400(() => page.click('main button:has-text("Subir y leer")'));
    await page.waitForSelector('#import-file-err');
    expect(await page.locator('#import-file-err').innerText()).toContain('El archivo está vacío.');
    expect(await page.getAttribute('#import-file', 'aria-invalid')).toBe('true');
    await focusLandsOn('import-file');

    await page.setInputFiles('#import-file', { name: 'registro-albergue.csv', mimeType: 'text/csv', buffer: csv });
    await page.click('main button:has-text("Subir y leer")');
    await page.waitForSelector('#import-step2-h');
    await page.waitForFunction(() => document.activeElement?.id === 'import-step2-h');
    expect(await page.locator('.import-file').innerText()).toContain('CSV, 30 filas');
    expect(await page.locator('#import-encoding-hint').innerText()).toBe('Leído como Windows-1252 (Excel antiguo en español): el texto no es UTF-8 válido. Si ves letras raras en los nombres, prueba otra codificación.');
    expect(await page.locator('#import-delimiter-hint').innerText()).toContain('Leído como Punto y coma (;): da 7 columnas al encabezado');

    // the headers, read with their accents, and the targets guessed from them
    const labels = await page.locator('.import-column .label').allInnerTexts();
    expect(labels).toEqual(HEADER);
    const targets = await page.$$eval('.import-column select', (list) => list.map((s) => (s as HTMLSelectElement).value));
    expect(targets).toEqual(['title', 'date', '', 'perpetrator', 'country', 'locality', 'summary']);
    expect(await page.locator('#import-col-2-hint').innerText()).toContain('30 de 30 filas con dato');
    expect(await page.locator('#import-col-2-hint').innerText()).toContain('Amenaza de muerte');

    // no title: stopped in place, before asking the server
    await page.selectOption('#import-col-0', '');
    await page.click('main button:has-text("Seguir: revisar los valores")');
    await page.waitForSelector('#import-mapping-err');
    expect(await page.locator('#import-mapping-err').innerText()).toContain('Elige al menos una columna para el título.');
    await focusLandsOn('import-mapping-err');
    await page.selectOption('#import-col-0', 'title');
    // a target twice: said on the column that repeats it
    await page.selectOption('#import-col-2', 'date');
    await page.waitForSelector('#import-col-2-err');
    expect(await page.locator('#import-col-2-err').innerText()).toContain('La columna «Fecha» ya es este dato');
    // the column no header gave away becomes the kind of act
    await page.selectOption('#import-col-2', 'act');
    await page.waitForSelector('#import-col-2-err', { state: 'detached' });
    await page.waitForSelector('#import-mapping-err', { state: 'detached' });

    await page.click('main button:has-text("Seguir: revisar los valores")');
    await page.waitForSelector('#import-step3-h');
    await page.waitForFunction(() => document.activeElement?.id === 'import-step3-h');
    expect(await page.locator('.import-left').innerText()).toBe('Falta por elegir 1 valor.');
    const headings = await page.locator('.import-value-column h3').allInnerTexts();
    expect(headings).toEqual(['«Qué ocurrió» → Qué le hicieron (tipo de acto)', '«Responsable» → Responsable', '«País» → País']);
    // exact labels are taken as written
    expect(await valueSelect('Amenaza de muerte').inputValue()).toBe('threat.death');
    expect(await valueSelect('Policía municipal').inputValue()).toBe('state.mx.municipal_police');
    expect(await valueSelect('México').inputValue()).toBe('MX');
    // the near value is not: its suggestions come first, marked
    const near = valueSelect('Amenazas por telefono');
    expect(await near.inputValue()).toBe('');
    expect(await page.locator('.import-value.is-missing .import-missing').innerText()).toBe('Falta elegir');
    const suggested = await near.locator('optgroup[label="Sugerencias"] option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent })));
    expect(suggested[0]).toEqual({ value: 'threat.phone', text: 'Amenaza › Amenaza por teléfono (sugerencia)' });

    await expectAccessibleInBothLanguages(page, 'import: columns and values');
    await fitsPhone('values');
  });

  it('fixes the value, saves the mapping, finds the ambiguous date on its line in the dry run and fixes it by the mapping', async () => {
    await valueSelect('Amenazas por telefono').selectOption('threat.phone');
    await page.waitForSelector('.import-left:has-text("Todos los valores tienen su término.")');
    expect(await page.locator('.import-value.is-missing').count()).toBe(0);

    await page.fill('#import-save-name', 'Planilla del albergue');
    await page.click('.import-save button:has-text("Guardar como nueva")');
    await page.waitForSelector('.import-save .alert-success');
    expect(await page.locator('.import-save .alert-success').innerText()).toBe('Se guardó «Planilla del albergue».');

    // the dry run, from the keyboard
    await tabTo(page, 'main button:has-text("Probar la importación")', 400, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#import-step4-h');
    await page.waitForFunction(() => document.activeElement?.id === 'import-step4-h');
    expect(await page.locator('.import-counts').innerText()).toContain('1 error');
    expect(await page.locator('.import-step .alert-error').innerText()).toContain('Hay 1 error.');
    const errorRow = page.locator('.import-problem-table tr.is-error');
    expect(await errorRow.count()).toBe(1);
    const cells = await errorRow.locator('td').allInnerTexts();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toBe('Fecha');
    expect(cells[2]).toBe('Error');
    expect(cells[3]).toContain('No se sabe si la fecha es día/mes o mes/día: elige el orden de las fechas en el paso 2.');
    expect(cells[3]).toContain('05/03/2024');
    expect(await page.locator('main button:has-text("Importar 0 incidentes")').isDisabled()).toBe(true);
    // the empty date is only a warning
    const warning = await page.locator('.import-problem-table tr.is-warning').first().locator('td').allInnerTexts();
    expect(warning.slice(0, 3)).toEqual(['21', 'Fecha', 'Aviso']);
    expect(warning[3]).toContain('Sin fecha: el incidente se guarda sin fecha.');

    await page.selectOption('#import-date-order', 'dmy');
    await page.waitForSelector('.import-step .alert-warning:has-text("vuelve a probar antes de importar")');
    await page.click('#import-step4-h ~ .actions button:has-text("Volver a probar")');
    await page.waitForSelector('.import-step .alert-success:has-text("Sin errores: se pueden importar 30 incidentes.")');
    expect(await page.locator('.import-problem-table tr.is-error').count()).toBe(0);
    expect(await page.locator('.import-counts').innerText()).toContain('1 aviso');
    const preview = await page.locator('.import-preview tbody tr').nth(2).locator('td').allInnerTexts();
    expect(preview.slice(0, 5)).toEqual(['4', 'Planilla caso tres: llamada amenazante al albergue', '5 de marzo de 2024', 'Tapachula, México', 'Amenaza por teléfono']);

    await expectAccessibleInBothLanguages(page, 'import: dry run');
    await fitsPhone('dry-run');
  });

  it('commits with a progress bar that reaches the end, lists the import, and the search finds the incidents', async () => {
    await page.click('main button:has-text("Importar 30 incidentes")');
    await page.waitForSelector('#import-step5-h');
    await page.waitForSelector('.import-step .alert-success:has-text("Listo: se importaron 30 incidentes.")');
    expect(await page.getAttribute('#import-progress', 'max')).toBe('30');
    expect(await page.$eval('#import-progress', (p) => (p as HTMLProgressElement).value)).toBe(30);
    expect(await page.locator('.import-progress-count').innerText()).toBe('30 de 30 incidentes');
    expect(await page.locator('label[for="import-progress"]').innerText()).toBe('Importación terminada');
    await page.waitForSelector('.import-runs tbody tr');
    const cells = await page.locator('.import-runs tbody tr td').allInnerTexts();
    // when, who, the saved mapping used (or —), format, rows, incidents, warnings
    expect(cells[1]).toBe('Admin');
    expect(cells.slice(3)).toEqual(['CSV', '30', '30', '1']);
    await page.click('main button:has-text("Ver las importaciones")');
    await focusLandsOn('import-runs-h');

    await expectAccessibleInBothLanguages(page, 'import: commit');
    await fitsPhone('commit');

    await page.click('main button:has-text("Ver los incidentes")');
    await page.waitForSelector('#q');
    await page.fill('#q', 'planilla');
    await page.press('#q', 'Enter');
    await page.waitForSelector('#results-count:has-text("30 incidentes")');
    await page.fill('#q', 'planilla llamada');
    await page.press('#q', 'Enter');
    await page.waitForSelector('#results-count:has-text("1 incidente")');
    await page.click('.card a:has-text("Planilla caso tres")');
    await page.waitForSelector('h1:has-text("Planilla caso tres")');
    const detail = await page.locator('main').innerText();
    expect(detail).toContain('Amenaza por teléfono');
    expect(detail).toContain('5 de marzo de 2024');
    expect(detail).toContain('Tapachula');
  });

  it('shows the finished import on coming back, and applies the saved mapping to the next file', async () => {
    await page.click('nav a[href="/import"]');
    await page.waitForSelector('.import-step .alert-success:has-text("Listo: se importaron 30 incidentes.")');
    await page.click('main button:has-text("Importar otro archivo")');
    await page.waitForSelector('#import-file');
    await page.waitForFunction(() => document.activeElement?.id === 'import-step1-h');
    await page.setInputFiles('#import-file', { name: 'registro-albergue-2.csv', mimeType: 'text/csv', buffer: csv });
    await page.click('main button:has-text("Subir y leer")');
    await page.waitForSelector('#import-saved');
    expect(await page.$eval('#import-col-2', (s) => (s as HTMLSelectElement).value)).toBe('');
    await page.selectOption('#import-saved', { label: 'Planilla del albergue' });
    await page.click('.import-use-saved button:has-text("Aplicar")');
    await page.waitForSelector('.import-use-saved .alert-success:has-text("Se aplicó «Planilla del albergue».")');
    expect(await page.$eval('#import-col-2', (s) => (s as HTMLSelectElement).value)).toBe('act');
    expect(await page.locator('#import-saved-hint').innerText()).toBe('En uso: «Planilla del albergue».');
    await page.click('main button:has-text("Seguir: revisar los valores")');
    await page.waitForSelector('#import-step3-h');
    // the value chosen for the first file is chosen for this one
    expect(await valueSelect('Amenazas por telefono').inputValue()).toBe('threat.phone');
    expect(await page.locator('.import-left').innerText()).toBe('Todos los valores tienen su término.');

    await page.click('.import-use-saved button:has-text("Eliminar la asignación")');
    await page.waitForSelector('.import-use-saved .alert-success:has-text("Se eliminó «Planilla del albergue».")');
    await page.click('main button:has-text("Cancelar y olvidar el archivo")');
    await page.waitForSelector('#import-file');
    expect(await page.locator('#import-saved').count()).toBe(0);
  });

  it('names the import and the saved mapping in the audit log', async () => {
    await gotoInApp(page, '/admin/audit', '#audit-action');
    await page.selectOption('#audit-action', 'records');
    await page.click('.audit-filters button[type=submit]');
    await page.waitForSelector('.audit-table td:has-text("Importó incidentes")');
    await page.selectOption('#audit-action', '');
    await page.click('.audit-filters button[type=submit]');
    await page.waitForSelector('.audit-table td:has-text("Guardó una asignación de importación")');
    await page.waitForSelector('.audit-table td:has-text("Eliminó una asignación de importación")');

    expect(provoked.unexcused()).toEqual([]);
    expect(rec.requests.filter((u) => !u.startsWith(srv.url))).toEqual([]);
  });
});
