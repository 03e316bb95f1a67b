/**
 * The import routes over HTTP on a real workspace: upload (multipart) → analyse → dry run → commit
 * (202, then progress) → the incidents are searchable and carry the import; a commit refused while
 * errors remain writes nothing; sessions belong to their uploader; saved mappings with versions;
 * sealing drops every uploaded file.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import iconv from 'iconv-lite';
import { newWorkspace, Client, userWithRole, PASSPHRASE, type TestWorkspace } from '../helpers/api.js';
import { formDataBody, postMultipart } from '../helpers/multipart.js';

const CSV = [
  'Fecha;Título;Tipo de agresión;Estado;Muertos',
  '23/07/2019;Amenaza al albergue de Saltillo;Amenaza de muerte;Coahuila;0',
  '05/08/2019;Vigilancia frente a la casa;Vigilancia;Chiapas;',
  '12/08/2019;Llamada al director;Amenaza telefonica;Tabasco;',
].join('\r\n');

const MAPPING = {
  columns: { Fecha: 'date', Título: 'title', 'Tipo de agresión': 'act', Estado: 'state', Muertos: 'counts.dead' },
  options: { dateOrder: 'dmy' },
};

async function upload(ws: TestWorkspace, c: Client, bytes: Buffer, filename = 'agresiones.csv') {
  return postMultipart(ws.app, c, '/api/v1/imports', await formDataBody({}, [{ name: 'file', filename, content: bytes, type: 'text/csv' }]));
}

async function waitForCommit(c: Client, id: string) {
  for (let i = 0; i < 200; i++) {
    const r = await c.req('GET', `/api/v1/imports/${id}`);
    const commit = (r.json() as { commit?: { state: string } }).commit;
    if (commit && commit.state !== 'running') return r.json() as { commit: { state: string; done: number; total: number; runId?: string; error?: { code: string } } };
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error('the commit did not end');
}

describe('import over HTTP', () => {
  let ws: TestWorkspace;
  let admin: Client;
  beforeAll(async () => {
    ws = await newWorkspace();
    admin = new Client(ws.app);
    await admin.login();
  });
  afterAll(async () => { await ws?.close(); });

  it('uploads a Windows-1252 file, maps it, dry-runs, is refused with an error left, commits once fixed, and finds the incidents', async () => {
    const r = await upload(ws, admin, iconv.encode(CSV, 'windows1252'));
    expect(r.statusCode, r.body).toBe(201);
    const s = r.json() as { id: string; table: { format: string; encoding: string; delimiter: string; header: string[]; rows: number }; columns: { header: string; suggested?: string; samples: string[] }[] };
    expect(s.table).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', rows: 3 });
    expect(s.table.header).toContain('Título');
    expect(s.columns.find((c) => c.header === 'Fecha')).toMatchObject({ suggested: 'date', samples: ['23/07/2019', '05/08/2019', '12/08/2019'] });
    expect(r.headers['cache-control']).toBe('no-store');

    const a = await admin.req('POST', `/api/v1/imports/${s.id}/analyse`, { mapping: MAPPING, lang: 'es' });
    expect(a.statusCode, a.body).toBe(200);
    const acts = (a.json() as { values: { column: string; values: { value: string; resolution: { how: string; suggestions?: { code: string }[] } }[] }[] }).values.find((v) => v.column === 'Tipo de agresión')!;
    const phone = acts.values.find((v) => v.value === 'Amenaza telefonica')!;
    expect(phone.resolution.how).toBe('none');
    expect(phone.resolution.suggestions!.map((x) => x.code)).toContain('threat.phone');

    const dry = await admin.req('POST', `/api/v1/imports/${s.id}/dry-run`, { mapping: MAPPING, lang: 'es' });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ rows: 3, errors: 1, incidents: 0, problems: [{ line: 4, column: 'Tipo de agresión', code: 'unmapped_value', severity: 'error' }] });
    const before = await ws.vault.runtime().store.db.selectFrom('incidents').select('id').execute();
    const refused = await admin.req('POST', `/api/v1/imports/${s.id}/commit`, { mapping: MAPPING, lang: 'es' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'import_has_errors' });

    const fixed = { ...MAPPING, values: { act: { 'Amenaza telefonica': 'threat.phone' } } };
    const ok = await admin.req('POST', `/api/v1/imports/${s.id}/dry-run`, { mapping: fixed, lang: 'es' });
    expect(ok.json()).toMatchObject({ errors: 0, incidents: 3 });
    const saved = await admin.req('POST', '/api/v1/import-mappings', { name: 'Hoja de agresiones', mapping: fixed });
    expect(saved.statusCode, saved.body).toBe(201);
    const mappingId = (saved.json() as { id: string }).id;
    const c = await admin.req('POST', `/api/v1/imports/${s.id}/commit`, { mapping: fixed, lang: 'es', mappingId });
    expect(c.statusCode, c.body).toBe(202);
    const done = await waitForCommit(admin, s.id);
    expect(done.commit).toMatchObject({ state: 'done', done: 3, total: 3 });
    const again = await admin.req('POST', `/api/v1/imports/${s.id}/commit`, { mapping: fixed, lang: 'es' });
    expect(again.statusCode).toBe(409);

    const after = await ws.vault.runtime().store.db.selectFrom('incidents').select(['id', 'import_run_id', 'state', 'date_start']).execute();
    expect(after.length - before.length).toBe(3);
    const found = await admin.req('POST', '/api/v1/incidents/search', { q: 'albergue Saltillo' });
    expect(found.statusCode, found.body).toBe(200);
    expect(JSON.stringify(found.json())).toContain('Amenaza al albergue de Saltillo');
    const runs = (await admin.req('GET', '/api/v1/import-runs')).json() as { imports: { id: string; incidents: number; rows: number; format: string; mappingId: string }[] };
    expect(runs.imports[0]).toMatchObject({ id: done.commit.runId, incidents: 3, rows: 3, format: 'csv', mappingId, mappingName: 'Hoja de agresiones', userName: 'Rosa (admin)' });
    expect(after.filter((x) => x.import_run_id === done.commit.runId).map((x) => x.state).sort()).toEqual(['MX-CHP', 'MX-COA', 'MX-TAB']);
  });

  it('keeps an upload to its uploader, refuses analysts, and refuses what is not a table, naming the file field only', async () => {
    const s = (await upload(ws, admin, Buffer.from(CSV, 'utf8'))).json() as { id: string };
    const coordinator = await userWithRole(ws, admin, 'coordinator', 'coord-import@example.org');
    expect((await coordinator.req('POST', `/api/v1/imports/${s.id}/dry-run`, { mapping: MAPPING })).statusCode).toBe(404);
    const analyst = await userWithRole(ws, admin, 'analyst', 'analyst-import@example.org');
    expect((await upload(ws, analyst, Buffer.from(CSV))).statusCode).toBe(403);
    const pdf = await upload(ws, admin, Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1'), 'Maria Lopez.csv');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.body).not.toContain('Maria');
    expect(pdf.json()).toMatchObject({ problems: [{ path: 'file' }] });
    const empty = await upload(ws, admin, Buffer.alloc(0));
    expect([400, 413]).toContain(empty.statusCode);
    const notMultipart = await admin.req('POST', '/api/v1/imports', { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);
  });

  it('saves, changes with its version, and removes mappings; a bad mapping names its field', async () => {
    const bad = await admin.req('POST', '/api/v1/import-mappings', { name: 'x', mapping: { columns: { F: 'date' } } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('mapping.columns');
    const m = (await admin.req('POST', '/api/v1/import-mappings', { name: 'Kobo 2024', mapping: MAPPING })).json() as { id: string; version: number };
    expect((await admin.req('POST', '/api/v1/import-mappings', { name: 'Kobo 2024', mapping: MAPPING })).statusCode).toBe(409);
    const ch = await admin.req('PUT', `/api/v1/import-mappings/${m.id}`, { name: 'Kobo 2024 (v2)', mapping: MAPPING, version: m.version });
    expect(ch.json()).toMatchObject({ name: 'Kobo 2024 (v2)', version: 2 });
    expect((await admin.req('PUT', `/api/v1/import-mappings/${m.id}`, { name: 'otra', mapping: MAPPING, version: 1 })).statusCode).toBe(409);
    expect((await admin.req('DELETE', `/api/v1/import-mappings/${m.id}`)).statusCode).toBe(200);
    expect((await admin.req('DELETE', `/api/v1/import-mappings/${m.id}`)).statusCode).toBe(404);
    // a commit naming a saved mapping removed meanwhile says so with its own code
    const s = (await upload(ws, admin, Buffer.from(CSV))).json() as { id: string };
    const fixed = { ...MAPPING, values: { act: { 'Amenaza telefonica': 'threat.phone' } } };
    const gone = await admin.req('POST', `/api/v1/imports/${s.id}/commit`, { mapping: fixed, mappingId: m.id });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ error: 'mapping_not_found', problems: [{ path: 'mappingId' }] });
  });

  it('forgets every uploaded file when the vault seals', async () => {
    const s = (await upload(ws, admin, Buffer.from(CSV))).json() as { id: string };
    await ws.vault.seal();
    await ws.vault.unseal({ passphrase: PASSPHRASE });
    const again = new Client(ws.app);
    await again.login();
    expect((await again.req('GET', `/api/v1/imports/${s.id}`)).statusCode).toBe(404);
    admin = again;
  });
});
