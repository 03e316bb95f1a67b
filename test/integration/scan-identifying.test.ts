/**
 * Decrypt-and-scan search of identifying values: finds names with or without accents across
 * batches, reports progress, refuses roles without identifying.read, audits each batch without the
 * words searched — and the ordinary (indexed) search never finds identifying text.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, Client, userWithRole, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';

let ws: TestWorkspace;
let admin: Client;
const refs: string[] = [];

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
  for (const [i, name] of ['María Pérez Zárate', 'Juan López', 'Ana Pérez'].entries()) {
    const inc = fullIncident(`caso${i}`);
    inc.victims[0]!.actor.realName = name;
    inc.sources[0]!.testimony = i === 1 ? 'Vi a la señora Zárate en la garita' : 'Sin novedad';
    const r = await admin.req('POST', '/api/v1/incidents', inc);
    expect(r.statusCode, r.body).toBe(201);
    refs.push((r.json() as { ref: string }).ref);
  }
});
afterAll(async () => { await ws.close(); });

type Scan = { scanned: number; total: number; next: number | null; matches: { ref: string; fields: string[] }[] };

async function scanAll(c: Client, text: string, batch: number): Promise<{ pages: Scan[]; matches: Scan['matches'] }> {
  const pages: Scan[] = [];
  let after: number | undefined;
  let scanned = 0;
  for (;;) {
    const r = await c.req('POST', '/api/v1/incidents/scan-identifying', { text, batch, ...(after !== undefined ? { after, scanned } : {}) });
    expect(r.statusCode, r.body).toBe(200);
    const page = r.json() as Scan;
    pages.push(page);
    scanned = page.scanned;
    if (page.next === null) break;
    after = page.next;
  }
  return { pages, matches: pages.flatMap((p) => p.matches) };
}

describe('decrypt-and-scan search', () => {
  it('finds identifying values without accents or case, batch by batch, with progress', async () => {
    const { pages, matches } = await scanAll(admin, 'zarate', 1);
    expect(pages.map((p) => p.scanned)).toEqual([1, 2, 3, 3]);
    expect(pages.every((p) => p.total === 3)).toBe(true);
    expect(matches).toEqual([
      { id: expect.any(String), ref: refs[0], title: expect.stringContaining('caso0'), fields: ['victims.realName'] },
      { id: expect.any(String), ref: refs[1], title: expect.stringContaining('caso1'), fields: ['sources.testimony'] },
    ]);
    expect((await scanAll(admin, 'PEREZ ana', 500)).matches.map((m) => m.ref)).toEqual([refs[2]]);
    expect(JSON.stringify(pages)).not.toContain('Zárate');
  });

  it('the indexed search never finds identifying text', async () => {
    const r = await admin.req('POST', '/api/v1/incidents/search', { q: 'Zárate', page: 1, pageSize: 20 });
    expect(r.statusCode, r.body).toBe(200);
    expect((r.json() as { total: number }).total).toBe(0);
    const control = await admin.req('POST', '/api/v1/incidents/search', { q: 'caso1', page: 1, pageSize: 20 });
    expect((control.json() as { total: number }).total).toBe(1);
  });

  it('is audited per batch, without the words searched', async () => {
    const rows = await ws.vault.runtime().store.db.selectFrom('audit_events').select(['action', 'detail']).where('action', '=', 'identifying.scanned').execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) expect(r.detail ?? '').not.toMatch(/zarate|perez/i);
  });

  it('is refused to roles that may not read identifying values, and rejects bad input by field', async () => {
    const analyst = await userWithRole(ws, admin, 'analyst');
    expect((await analyst.req('POST', '/api/v1/incidents/scan-identifying', { text: 'perez' })).statusCode).toBe(403);
    const bad = await admin.req('POST', '/api/v1/incidents/scan-identifying', { text: 'a' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('text');
  });
});
