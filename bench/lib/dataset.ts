/**
 * The benchmark datasets: a real workspace (keyring in a data folder, vault set up and unsealed
 * like the app does) on either backend, filled by the bulk demo generator, cached between runs:
 *  - SQLite: the whole data folder under .tmp/bench-cache/, so `bitacora serve` can open it too;
 *  - PostgreSQL: the schema bench_<size>_<key> (the keyring stays in the cache folder).
 * The cache key covers size, seed and the generator's source, so a change to any of them builds
 * afresh; a newer migration is applied to a cached dataset when it opens, as it would be to a real
 * workspace (rebuilding a million incidents for every schema change would take longer than the
 * change). A build that did not finish leaves no marker and is thrown away.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'kysely';
import { DataFolder } from '../../src/store/embedded/data-folder.js';
import { Vault } from '../../src/services/vault.js';
import { sqliteBackend } from '../../src/store/backend/sqlite-backend.js';
import { postgresBackend } from '../../src/store/backend/postgres-backend.js';
import { generateDemoBulk } from '../../src/services/demo/generate-demo-bulk.js';
import type { ServiceContext } from '../../src/services/context.js';
import { isRole } from '../../src/domain/user/roles.js';
import { ROOT, type Backend } from './paths.js';

/** Synthetic data only: these secrets protect nothing real. */
export const BENCH_ADMIN = { email: 'bench@example.org', displayName: 'Bench', password: 'bench-password-2026' };
export const BENCH_PASSPHRASE = 'bench passphrase 2026, synthetic data only';

export interface BuildInfo { size: number; seed: number; seconds: number; perSecond: number; people: number; organisations: number; builtAt: string }

export interface Dataset {
  backend: Backend;
  size: number;
  dir: string;
  /** PostgreSQL schema (postgres only) */
  schema?: string;
  vault: Vault;
  ctx: ServiceContext;
  build: BuildInfo;
  /** environment for `bitacora serve` on this dataset */
  serveEnv: Record<string, string>;
  close(): Promise<void>;
}

function cacheKey(size: number, seed: number): string {
  const h = createHash('sha256').update(`${size}/${seed}`);
  for (const dir of ['src/services/demo']) {
    for (const f of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort()) h.update(readFileSync(join(ROOT, dir, f)));
  }
  return h.digest('hex').slice(0, 8);
}

async function adminContext(vault: Vault): Promise<ServiceContext> {
  const rt = vault.runtime();
  const admin = (await rt.store.users.list()).find((u) => u.role === 'admin');
  if (!admin || !isRole(admin.role)) throw new Error('bench: no admin in the workspace');
  return { store: rt.store, vocab: rt.vocab, user: { id: admin.id, role: admin.role, orgId: admin.org_id, displayName: admin.display_name }, now: () => new Date().toISOString() };
}

async function dropSchema(pgUrl: string, schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}

export async function openDataset(opts: { backend: Backend; size: number; seed: number; pgUrl: string; log: (line: string) => void }): Promise<Dataset> {
  const key = cacheKey(opts.size, opts.seed);
  const dir = join(ROOT, '.tmp', 'bench-cache', `${opts.backend}-${opts.size}-s${opts.seed}-${key}`);
  const schema = opts.backend === 'postgres' ? `bench_${opts.size}_${key}` : undefined;
  const marker = join(dir, 'complete.json');
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    if (schema) await dropSchema(opts.pgUrl, schema);
  }
  mkdirSync(dir, { recursive: true });
  const folder = new DataFolder(dir);
  const backend = schema ? postgresBackend({ connectionString: opts.pgUrl, schema }) : sqliteBackend(folder);
  process.env['SQLITE_TMPDIR'] = folder.tmpPath;
  const vault = new Vault(folder, { backend });
  let build: BuildInfo;
  if (existsSync(marker)) {
    await vault.unseal({ passphrase: BENCH_PASSPHRASE });
    build = JSON.parse(readFileSync(marker, 'utf8')) as BuildInfo;
    opts.log(`${opts.backend} ${opts.size}: cached dataset (built in ${build.seconds.toFixed(0)} s, ${build.perSecond.toFixed(0)} incidents/s)`);
  } else {
    await vault.setup({ workspaceName: 'Bench', organisationName: 'Bench', language: 'es', passphrase: BENCH_PASSPHRASE, admin: BENCH_ADMIN });
    const ctx = await adminContext(vault);
    // incidents, acts and keys have random ids: every batch touches index pages all over the file,
    // and once the file outgrows the 64 MiB page cache each touch reads and decrypts a page again
    // (the rate fell from 1,000 to 250 incidents/s by 150,000). With 2 GiB it still fell to ~110/s
    // past 600,000 (a 10 GB file whose indexes outgrow it); the bench machines have 24 GiB, so a
    // bulk build gets 8 GiB: the indexes stay decrypted in memory for the whole build.
    if (!schema) await sql`PRAGMA cache_size = -8388608`.execute(ctx.store.db);
    opts.log(`${opts.backend} ${opts.size}: generating…`);
    const t0 = performance.now();
    let next = 0;
    const r = await generateDemoBulk(ctx, {
      incidents: opts.size, seed: opts.seed, batchSize: 1000,
      onProgress: (done, total) => {
        if (done < next && done !== total) return;
        next = done + Math.max(1000, Math.round(total / 20));
        const s = (performance.now() - t0) / 1000;
        opts.log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} in ${s.toFixed(0)} s (${(done / s).toFixed(0)}/s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB)`);
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    build = { size: opts.size, seed: opts.seed, seconds, perSecond: r.incidents / seconds, people: r.people, organisations: r.organisations, builtAt: new Date().toISOString() };
    writeFileSync(marker, JSON.stringify(build, null, 2));
  }
  // PostgreSQL plans from table statistics; a bulk load leaves none until autovacuum's analyze runs
  // (and the test server runs with autovacuum off), so gather them as a running server would have
  if (schema) await analyzeSchema(opts.pgUrl, schema);
  const ctx = await adminContext(vault);
  const serveEnv: Record<string, string> = { BITACORA_DATA_DIR: dir, BITACORA_PASSPHRASE: BENCH_PASSPHRASE };
  if (schema) Object.assign(serveEnv, { DATABASE_URL: opts.pgUrl, BITACORA_PG_SCHEMA: schema });
  return {
    backend: opts.backend, size: opts.size, dir, ...(schema ? { schema } : {}), vault, ctx, build, serveEnv,
    async close() {
      await vault.seal();
    },
  };
}

async function analyzeSchema(pgUrl: string, schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    const tables = (await c.query('SELECT tablename FROM pg_tables WHERE schemaname = $1', [schema])).rows as { tablename: string }[];
    for (const t of tables) await c.query(`ANALYZE ${schema}."${t.tablename}"`);
  } finally {
    await c.end();
  }
}

/** Removes a cached dataset (folder and, for PostgreSQL, its schema). */
export async function dropDataset(d: Dataset, pgUrl: string): Promise<void> {
  if (d.schema) await dropSchema(pgUrl, d.schema);
  rmSync(d.dir, { recursive: true, force: true });
}

/** An empty workspace on the same backend (imports are measured into it), removed by `dropDataset`. */
export async function openEmptyWorkspace(backend: Backend, pgUrl: string): Promise<Dataset> {
  const dir = join(ROOT, '.tmp', 'bench', `empty-${backend}-${process.pid}`);
  const schema = backend === 'postgres' ? `bench_empty_${process.pid}` : undefined;
  rmSync(dir, { recursive: true, force: true });
  if (schema) await dropSchema(pgUrl, schema);
  mkdirSync(dir, { recursive: true });
  const folder = new DataFolder(dir);
  const vault = new Vault(folder, { backend: schema ? postgresBackend({ connectionString: pgUrl, schema }) : sqliteBackend(folder) });
  await vault.setup({ workspaceName: 'Bench import', organisationName: 'Bench', language: 'es', passphrase: BENCH_PASSPHRASE, admin: BENCH_ADMIN });
  const build: BuildInfo = { size: 0, seed: 0, seconds: 0, perSecond: 0, people: 0, organisations: 0, builtAt: new Date().toISOString() };
  return { backend, size: 0, dir, ...(schema ? { schema } : {}), vault, ctx: await adminContext(vault), build, serveEnv: {}, close: () => vault.seal() };
}
