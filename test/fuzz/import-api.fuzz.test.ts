/**
 * The import routes under generated files (issue 8 must-hold): malformed CSV (broken quotes, ragged
 * rows, junk bytes, NULs, formulas), damaged and odd XLSX, junk mappings — through upload, dry run
 * and commit over HTTP on a real workspace. Never a 5xx; every problem names a line; a commit is
 * refused (409) while the dry run finds an error and then nothing is written; when it is accepted,
 * exactly the dry run's incidents are written — never part of a file. Plus the named cases: a 10 MB
 * single cell and formula cells.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { newWorkspace, Client, type TestWorkspace } from '../helpers/api.js';
import { formDataBody, postMultipart } from '../helpers/multipart.js';
import { xlsxFile, type XlsxCell } from '../helpers/xlsx-files.js';

const MAPPING = { columns: { Título: 'title', Fecha: 'date', Muertos: 'counts.dead', Agresión: 'act' }, options: { dateOrder: 'dmy' } };

let ws: TestWorkspace;
let admin: Client;
let uses = 0;
/** The routes' rate limits count per address (3 imports a minute hold 10 commits): a fresh admin browser every 3 files. */
async function rotate(): Promise<void> {
  if (uses++ % 3 !== 0) return;
  admin = new Client(ws.app);
  expect((await admin.login()).statusCode).toBe(200);
}
beforeAll(async () => {
  ws = await newWorkspace();
});
afterAll(async () => { await ws?.close(); });

const incidentCount = async () => (await ws.vault.runtime().store.db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

async function waitForCommit(id: string) {
  for (let i = 0; i < 400; i++) {
    const commit = ((await admin.req('GET', `/api/v1/imports/${id}`)).json() as { commit?: { state: string; done: number } }).commit;
    if (commit && commit.state !== 'running') return commit;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the commit did not end');
}

/** Upload, dry run, commit: the invariants of the whole path for one file. */
async function throughImport(bytes: Buffer, mapping: unknown = MAPPING): Promise<void> {
  await rotate();
  const up = await postMultipart(ws.app, admin, '/api/v1/imports', await formDataBody({}, [{ name: 'file', filename: 'tabla.csv', content: bytes }]));
  expect(up.statusCode, up.body).toBeLessThan(500);
  if (up.statusCode !== 201) {
    expect([400, 413, 415]).toContain(up.statusCode);
    expect((up.json() as { problems: { path: string }[] }).problems[0]!.path).toBe('file');
    return;
  }
  const id = (up.json() as { id: string }).id;
  const dry = await admin.req('POST', `/api/v1/imports/${id}/dry-run`, { mapping });
  expect(dry.statusCode, dry.body).toBeLessThan(500);
  const before = await incidentCount();
  const commit = await admin.req('POST', `/api/v1/imports/${id}/commit`, { mapping });
  expect(commit.statusCode, commit.body).toBeLessThan(500);
  if (dry.statusCode !== 200) {
    expect(commit.statusCode).toBe(dry.statusCode);
  } else {
    const d = dry.json() as { errors: number; incidents: number; problems: { line: number; severity: string }[] };
    for (const p of d.problems) expect(Number.isInteger(p.line) && p.line >= 0).toBe(true);
    if (d.errors > 0) expect(commit.statusCode).toBe(409);
    else if (d.incidents === 0) expect(commit.statusCode).toBe(400);
    else {
      expect(commit.statusCode).toBe(202);
      expect(await waitForCommit(id)).toMatchObject({ state: 'done', done: d.incidents });
      expect(await incidentCount()).toBe(before + d.incidents);
      return;
    }
  }
  expect(await incidentCount()).toBe(before);
  await admin.req('DELETE', `/api/v1/imports/${id}`);
}

const piece = fc.oneof(
  fc.constantFrom('Título', 'Fecha', 'Muertos', 'Agresión', 'Amenaza de muerte', '23/07/2019', '2019', '1,022', '-1', '"', '""', ',', ';', '\t', '\r\n', '\n', '=SUM(A1:A9)', '+cmd', '@x', '\u0000', 'é', '\uFFFD', '"a""b"', 'x"y'),
  fc.string({ maxLength: 12 }),
);
const csvText = fc.array(piece, { maxLength: 60 }).map((parts) => `Título,Fecha,Muertos,Agresión\r\n${parts.join('')}`);

describe('the import routes under generated files', () => {
  it('malformed CSV: never a 5xx, never half-imported', async () => {
    await fc.assert(fc.asyncProperty(csvText, async (text) => throughImport(Buffer.from(text, 'utf8'))), { numRuns: 40 });
  }, 300_000);

  it('junk bytes: never a 5xx', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 600 }), async (bytes) => throughImport(Buffer.from(bytes))), { numRuns: 25 });
  }, 300_000);

  it('XLSX with odd cells, and damaged XLSX: never a 5xx, never half-imported', async () => {
    const cell: fc.Arbitrary<XlsxCell> = fc.oneof(fc.string({ maxLength: 20 }), fc.integer({ min: -5, max: 5000 }), fc.constant(null), fc.record({ formula: fc.constantFrom('A1+1', 'HYPERLINK("http://x")'), value: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()) }), fc.record({ date: fc.integer({ min: 1, max: 60000 }) }));
    const sheet = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 });
    await fc.assert(fc.asyncProperty(sheet, fc.option(fc.nat(), { nil: undefined }), async (rows, flip) => {
      const bytes = await xlsxFile([{ name: 'Hoja1', rows: [['Título', 'Fecha', 'Muertos', 'Agresión'], ...rows] }]);
      if (flip !== undefined) bytes[flip % bytes.length] = bytes[flip % bytes.length]! ^ 0xff;
      await throughImport(bytes);
    }), { numRuns: 25 });
  }, 300_000);

  it('junk mappings: a 400 naming the mapping, never a 5xx', async () => {
    uses = 0;
    await rotate();
    const up = await postMultipart(ws.app, admin, '/api/v1/imports', await formDataBody({}, [{ name: 'file', filename: 't.csv', content: Buffer.from('Título\r\nuno\r\n') }]));
    const id = (up.json() as { id: string }).id;
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.anything(), async (mapping) => {
      // a fresh browser every 3 mappings, keeping the upload (it belongs to the account, not the address)
      if (n++ % 3 === 0) { admin = new Client(ws.app); await admin.login(); }
      for (const step of ['analyse', 'dry-run', 'commit']) {
        const r = await admin.req('POST', `/api/v1/imports/${id}/${step}`, { mapping });
        expect(r.statusCode, r.body).toBeLessThan(500);
        if (r.statusCode === 400) expect((r.json() as { problems: { path: string }[] }).problems[0]!.path).toMatch(/^mapping|^body/);
      }
    }), { numRuns: 40 });
  }, 300_000);

  it('a 10 MB cell is an error on its line and nothing is imported; formulas import as the text they are', async () => {
    uses = 0;
    await rotate();
    const big = `Título,Fecha\r\nuno,2019\r\n${'x'.repeat(10 * 1024 * 1024)},2019\r\ntres,2019\r\n`;
    const up = await postMultipart(ws.app, admin, '/api/v1/imports', await formDataBody({}, [{ name: 'file', filename: 't.csv', content: Buffer.from(big) }]));
    const id = (up.json() as { id: string }).id;
    const mapping = { columns: { Título: 'title', Fecha: 'date' } };
    const dry = (await admin.req('POST', `/api/v1/imports/${id}/dry-run`, { mapping })).json() as { errors: number; problems: { line: number; column: string; code: string }[] };
    expect(dry.errors).toBe(1);
    expect(dry.problems).toEqual([expect.objectContaining({ line: 3, column: 'Título', code: 'cell_too_large' })]);
    const before = await incidentCount();
    expect((await admin.req('POST', `/api/v1/imports/${id}/commit`, { mapping })).statusCode).toBe(409);
    expect(await incidentCount()).toBe(before);

    const formulas = Buffer.from('Título,Fecha\r\n"=HYPERLINK(""http://x"",""clic"")",2019\r\n@SUM(1+1),2020\r\n');
    const f = (await postMultipart(ws.app, admin, '/api/v1/imports', await formDataBody({}, [{ name: 'file', filename: 'f.csv', content: formulas }]))).json() as { id: string };
    expect((await admin.req('POST', `/api/v1/imports/${f.id}/commit`, { mapping })).statusCode).toBe(202);
    expect(await waitForCommit(f.id)).toMatchObject({ state: 'done', done: 2 });
    const titles = (await ws.vault.runtime().store.db.selectFrom('incidents').select('title').where((eb) => eb.or([eb('title', 'like', '%SUM%'), eb('title', 'like', '%HYPERLINK%')])).orderBy('title').execute()).map((r) => r.title);
    expect(titles).toEqual(['=HYPERLINK("http://x","clic")', '@SUM(1+1)']);
  }, 120_000);
});
