/**
 * Search parity between the backends: the same deterministic demo data recorded through the real
 * use case on the embedded encrypted SQLite and on PostgreSQL (127.0.0.1:5432, a fresh schema) gives
 * the same totals, the same hits in the same order and the same facet counts, for words with and
 * without accents, filters by parent codes, dates, and need-to-know. Never skipped.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kysely, sql } from 'kysely';
import { openEncryptedSqlite } from '../sqlite/open-encrypted.js';
import { ImmediateSqliteDialect } from '../sqlite/immediate-dialect.js';
import { migrateToLatest } from '../migrations/index.js';
import { openPostgres } from '../postgres/open-postgres.js';
import { Store } from '../store.js';
import type { Database } from '../schema-types.js';
import { openFieldKeys } from '../../services/keys/open-field-keys.js';
import { syncVocabularyFile, loadVocabularyIndex } from '../../services/vocabulary/sync-vocabulary-file.js';
import { initialiseWorkspace } from '../../services/workspace/initialise-workspace.js';
import { generateDemo } from '../../services/demo/generate-demo.js';
import { findIncidents } from '../../services/incidents/read-incidents.js';
import type { ServiceContext } from '../../services/context.js';
import { searchQuerySchema } from '../../domain/incident/search-query.js';
import { randomKey } from '../../crypto/random.js';

const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `p_${randomBytes(6).toString('hex')}`;
const dir = mkdtempSync(join(tmpdir(), 'bitacora-parity-'));
const stores: Store[] = [];
let pgDb: Kysely<Database> | undefined;

async function workspace(db: Kysely<Database>): Promise<ServiceContext> {
  const store = new Store(db);
  stores.push(store);
  const now = () => new Date().toISOString();
  store.keys.auditKey = randomKey();
  await openFieldKeys(store, randomKey(), 'parity', now());
  await syncVocabularyFile(store, now());
  const { adminId, orgId } = await initialiseWorkspace(store, { workspaceName: 'P', organisationName: 'P', language: 'es', passphrase: 'x'.repeat(12), admin: { email: 'p@example.org', displayName: 'P', password: 'parity-password-1' } }, now());
  const ctx: ServiceContext = { store, vocab: await loadVocabularyIndex(store), user: { id: adminId, role: 'admin', orgId, displayName: 'P' }, now };
  await generateDemo(ctx, { incidents: 120, seed: 42 });
  return ctx;
}

let lite: ServiceContext;
let post: ServiceContext;

beforeAll(async () => {
  const raw = openEncryptedSqlite(join(dir, 'db'), randomKey(), 'create');
  const liteDb = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
  await migrateToLatest(liteDb);
  lite = await workspace(liteDb);
  pgDb = await openPostgres({ connectionString: PG_URL, schema, max: 4 });
  post = await workspace(pgDb);
}, 180_000);

afterAll(async () => {
  if (pgDb) await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(pgDb);
  for (const s of stores) await s.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

const QUERIES = [
  {},
  { q: 'albergue' },
  { q: 'detención' },
  { q: 'AMENAZA' },
  { q: 'border patrol' },
  { q: 'detencion migrante' },
  { country: ['MX'], perpetrator: ['state'] },
  { act: ['threat'], from: '2019', to: '2023' },
  { q: 'albergue', status: ['reported'], sort: 'date_asc' },
  { role: ['shelter_coordinator'], page: 2, pageSize: 10 },
];

describe('search on SQLite and PostgreSQL', () => {
  it('records the same incidents on both', async () => {
    const count = async (c: ServiceContext) => Number((await c.store.db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count(lite)).toBe(120);
    expect(await count(post)).toBe(120);
  });

  for (const body of QUERIES) {
    it(`gives the same answer for ${JSON.stringify(body)}`, async () => {
      const q = searchQuerySchema.parse(body);
      const shape = (r: Awaited<ReturnType<typeof findIncidents>>) => ({ total: r.total, hits: r.hits.map((h) => `${h.ref} ${h.title}`), facets: r.facets });
      const a = shape(await findIncidents(lite, q));
      const b = shape(await findIncidents(post, q));
      expect(b).toEqual(a);
      if (body.q) expect(a.total).toBeGreaterThan(0);
    });
  }
});
