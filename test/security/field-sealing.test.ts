/**
 * Field-level sealing, seen by someone who holds the running database (a DBA, a dump, a backup
 * opened with the database key but without the keyring): no identifying value is readable; a value
 * moved to another record or field fails loudly; values a first-version workspace left in
 * plaintext are sealed at the next unseal; key rotation keeps every record readable.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { newWorkspace, Client, PASSPHRASE, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';
import { rotateFieldKeys } from '../../src/services/keys/rotate-field-keys.js';
import { SealedValueError } from '../../src/crypto/envelope.js';
import type { Store } from '../../src/store/store.js';
import { tableNames, allRows } from '../helpers/db-tables.js';

const IDENT = 'QZIDENTMARK';

/** The fixture incident with IDENT in identifying fields only (public fields keep their own text). */
function identifyingIncident(n: number) {
  const inc = fullIncident(`publico${n}`);
  inc.place.private = { lat: 25.43, lon: -101.0, address: `Calle ${IDENT} ${n}` };
  inc.victims[0]!.actor.realName = `Nombre ${IDENT} ${n}`;
  inc.victims[0]!.actor.contact = `+52 ${IDENT} ${n}`;
  inc.victims[1]!.actor.privateAddress = `Dirección ${IDENT} ${n}`;
  (inc.acts[0]!.perpetrators[0] as { identifiedIndividuals?: string }).identifiedIndividuals = `alias ${IDENT} ${n}`;
  inc.sources[0]!.testimony = `Testimonio ${IDENT} ${n}`;
  return inc;
}

/** Every value of every table, as SQLite hands it to whoever has the database key. */
async function dumpAll(store: Store): Promise<string> {
  const tables = await tableNames(store.db);
  let out = '';
  for (const t of tables) {
    const rows = await allRows(store.db, t);
    for (const r of rows) for (const v of Object.values(r)) out += `${Buffer.isBuffer(v) ? v.toString('latin1') : String(v)}\n`;
  }
  return out;
}

let ws: TestWorkspace;
let admin: Client;
const ids: string[] = [];
const riskOf: string[] = [];

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
  for (const n of [1, 2]) {
    const r = await admin.req('POST', '/api/v1/incidents', identifyingIncident(n));
    expect(r.statusCode, r.body).toBe(201);
    ids.push((r.json() as { id: string }).id);
  }
  const d = await admin.req('PUT', '/api/v1/drafts/7b0e7a52-8e9f-4b44-9d1c-2f9f3c1f0a11', { data: { title: 'borrador', victims: [{ realName: `Borrador ${IDENT}` }] } });
  expect(d.statusCode, d.body).toBe(200);
  const victim = ((await admin.req('GET', `/api/v1/incidents/${ids[0]}`)).json() as { victims: { actorId: string }[] }).victims[0]!.actorId;
  const risk = await admin.req('POST', `/api/v1/actors/${victim}/risk`, {
    threats: [{ description: `Amenaza ${IDENT}`, level: 4, evidence: `Evidencia ${IDENT}` }], vulnerabilities: [{ description: `Vive en ${IDENT}`, level: 3 }],
    capacities: [{ description: `Red ${IDENT}`, level: 2 }], summary: `Medidas ${IDENT}`, replaces: 0,
  });
  expect(risk.statusCode, risk.body).toBe(201);
  riskOf.push(victim);
});
afterAll(async () => { await ws.close(); });

const store = () => ws.vault.runtime().store;

describe('sealed identifying fields', () => {
  it('a dump of the decrypted database holds no identifying value, yet the app reads them back', async () => {
    const dump = await dumpAll(store());
    expect(dump).toContain('publico1'); // the dump is real: public text is there
    expect(dump).not.toContain(IDENT);
    expect(dump).toMatch(/f1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{20,}/);
    const r = await admin.req('GET', `/api/v1/incidents/${ids[0]}?for=edit`);
    expect(r.statusCode).toBe(200);
    const v = r.json() as ReturnType<typeof identifyingIncident>;
    expect(v.place.private).toEqual({ lat: 25.43, lon: -101.0, address: `Calle ${IDENT} 1` });
    expect(v.victims[0]!.actor.realName).toBe(`Nombre ${IDENT} 1`);
    expect(v.sources[0]!.testimony).toBe(`Testimonio ${IDENT} 1`);
    const d = await admin.req('GET', '/api/v1/drafts/7b0e7a52-8e9f-4b44-9d1c-2f9f3c1f0a11');
    expect(JSON.stringify(d.json())).toContain(`Borrador ${IDENT}`);
    const risk = await admin.req('GET', `/api/v1/actors/${riskOf[0]}/risk/1`);
    expect(JSON.stringify(risk.json())).toContain(`Amenaza ${IDENT}`);
  });

  it('a sealed value copied to another record fails with an integrity error, not garbage', async () => {
    const s = store();
    const [a, b] = (await s.db.selectFrom('incident_victims').select('actor_id').where('incident_id', 'in', ids).where('ordinal', '=', 0).execute()).map((r) => r.actor_id);
    const rowA = await s.db.selectFrom('actors').select(['real_name']).where('id', '=', a!).executeTakeFirstOrThrow();
    const rowB = await s.db.selectFrom('actors').select(['real_name']).where('id', '=', b!).executeTakeFirstOrThrow();
    const nameB = (await s.actors.load(b!))?.realName;
    expect(nameB).toMatch(new RegExp(`^Nombre ${IDENT} [12]$`));
    await s.db.updateTable('actors').set({ real_name: rowA.real_name }).where('id', '=', b!).execute();
    try {
      await expect(s.actors.load(b!)).rejects.toThrow(SealedValueError);
      const r = await admin.req('GET', `/api/v1/actors/${b}?for=edit`);
      expect(r.statusCode).toBe(500);
      expect(r.body).not.toContain(IDENT);
    } finally {
      await s.db.updateTable('actors').set({ real_name: rowB.real_name }).where('id', '=', b!).execute();
    }
    expect((await s.actors.load(b!))?.realName).toBe(nameB);
  });

  it('a testimony moved to another field of the same incident fails too', async () => {
    const s = store();
    const src = await s.db.selectFrom('sources').select(['id', 'testimony']).where('incident_id', '=', ids[0]!).executeTakeFirstOrThrow();
    const inv = await s.db.selectFrom('involvements').select(['id', 'identified_individuals']).where('incident_id', '=', ids[0]!).where('identified_individuals', 'is not', null).executeTakeFirstOrThrow();
    await s.db.updateTable('involvements').set({ identified_individuals: src.testimony }).where('id', '=', inv.id).execute();
    try {
      await expect(s.incidents.load(ids[0]!, (x) => s.actors.loadMany(x))).rejects.toThrow(/involvements\/.*identified_individuals.*integrity/);
    } finally {
      await s.db.updateTable('involvements').set({ identified_individuals: inv.identified_individuals }).where('id', '=', inv.id).execute();
    }
  });

  it('seals plaintext left by a first-version workspace at the next unseal', async () => {
    const s = store();
    const actorId = (await s.db.selectFrom('incident_victims').select('actor_id').where('incident_id', '=', ids[1]!).where('ordinal', '=', 0).executeTakeFirstOrThrow()).actor_id;
    await s.db.updateTable('actors').set({ real_name: `Legado ${IDENT}`, contact: null }).where('id', '=', actorId).execute();
    await s.db.updateTable('incidents').set({ private_sealed: null, private_lat: 19.5, private_lon: -99.1, private_address: `Legado ${IDENT}` }).where('id', '=', ids[1]!).execute();
    await s.db.updateTable('sources').set({ testimony: `Legado ${IDENT}` }).where('incident_id', '=', ids[1]!).execute();
    await ws.vault.seal();
    await ws.vault.unseal({ passphrase: PASSPHRASE });
    expect(await dumpAll(store())).not.toContain(`Legado ${IDENT}`);
    const after = store();
    const actor = await after.actors.load(actorId);
    expect(actor?.realName).toBe(`Legado ${IDENT}`);
    expect(actor?.contact).toBeUndefined();
    const inc = await after.incidents.load(ids[1]!, (x) => after.actors.loadMany(x));
    expect(inc?.place.private).toEqual({ lat: 19.5, lon: -99.1, address: `Legado ${IDENT}` });
    expect(inc?.sources[0]?.testimony).toBe(`Legado ${IDENT}`);
    const row = await after.db.selectFrom('incidents').select(['private_lat', 'private_lon', 'private_address']).where('id', '=', ids[1]!).executeTakeFirstOrThrow();
    expect(row).toEqual({ private_lat: null, private_lon: null, private_address: null });
    admin = new Client(ws.app);
    await admin.login();
  });

  it('key rotation re-wraps every data key under a new KEK, retires the old one, and keeps everything readable', async () => {
    const s = store();
    const before = await s.fieldKeys.list();
    expect(before).toHaveLength(1);
    const records = Number((await s.db.selectFrom('record_keys').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const progress: number[] = [];
    const r = await rotateFieldKeys(s, { now: () => new Date().toISOString(), userId: null, onProgress: (n) => progress.push(n) });
    expect(r.rewrapped).toBe(records);
    expect(r.retired).toEqual([before[0]!.id]);
    expect(progress.at(-1)).toBe(records);
    expect((await s.fieldKeys.list()).map((k) => k.id)).toEqual([r.kekId]);
    expect(await s.fieldKeys.countByKek()).toEqual(new Map([[r.kekId, records]]));
    const actions = (await s.db.selectFrom('audit_events').select('action').where('action', 'like', 'keys.%').orderBy('id').execute()).map((x) => x.action);
    // the first key at setup, the plaintext sealed by the legacy test above, then this rotation
    expect(actions).toEqual(['keys.created', 'keys.legacy_sealed', 'keys.rotation_started', 'keys.rotated']);
    // readable now, and after a fresh unseal that must unwrap everything again
    await ws.vault.seal();
    await ws.vault.unseal({ passphrase: PASSPHRASE });
    admin = new Client(ws.app);
    await admin.login();
    const v = (await admin.req('GET', `/api/v1/incidents/${ids[0]}?for=edit`)).json() as ReturnType<typeof identifyingIncident>;
    expect(v.victims[0]!.actor.realName).toBe(`Nombre ${IDENT} 1`);
    expect((v.acts[0]!.perpetrators[0] as { identifiedIndividuals?: string }).identifiedIndividuals).toBe(`alias ${IDENT} 1`);
    const created = await admin.req('POST', '/api/v1/incidents', identifyingIncident(3));
    expect(created.statusCode).toBe(201);
  });
});
