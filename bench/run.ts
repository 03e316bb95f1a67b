/**
 * The benchmarks (design.md §5), each figure beside its floor measured in the same run:
 *   npx tsx bench/run.ts [--sizes 100000,1000000] [--backends sqlite,postgres] [--seed 7]
 *                        [--only search,dashboard,map,cache,readwrite,scan,import,evidence,accompaniment,memory,web] [--csv-rows 20000]
 *                        [--pg-url postgres://…] [--drop-cache] [--report-only]
 * Datasets are built once by the bulk demo generator and cached (bench/lib/dataset.ts). Each
 * backend and size writes bench/results/<backend>-<size>.json; RESULTS.md is then rendered from
 * every results file present, so sizes run on different days keep their own date and machine.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDataset, dropDataset } from './lib/dataset.js';
import { openRaw } from './lib/raw-db.js';
import { describeMachine } from './lib/machine.js';
import { ROOT, PG_URL_DEFAULT, type Backend } from './lib/paths.js';
import type { RunResult } from './lib/results.js';
import { renderResults } from './lib/report.js';
import { measureSearch, warmMemoryIndex } from './measure/search.js';
import { measureDashboard } from './measure/dashboard.js';
import { measureMap } from './measure/map.js';
import { measureReadWrite } from './measure/read-write.js';
import { measureImport } from './measure/import-csv.js';
import { measureScan } from './measure/scan-identifying.js';
import { measurePageCache } from './measure/page-cache.js';
import { measureMemory } from './measure/memory.js';
import { measureWeb } from './measure/web-first-load.js';
import { measureEvidenceFiles } from './measure/evidence-files.js';
import { measureAccompaniment } from './measure/accompaniment.js';

const ALL = ['search', 'dashboard', 'map', 'cache', 'readwrite', 'scan', 'import', 'evidence', 'accompaniment', 'memory', 'web'] as const;
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    seed: { type: 'string', default: '7' },
    only: { type: 'string', default: ALL.join(',') },
    'csv-rows': { type: 'string', default: '20000' },
    'pg-url': { type: 'string', default: process.env['BENCH_PG_URL'] ?? PG_URL_DEFAULT },
    'drop-cache': { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
    'reuse-floors': { type: 'boolean', default: false },
    // PostgreSQL: a floor statement longer than this is stopped and reported as "at least" (0: no limit)
    'floor-limit-s': { type: 'string', default: '120' },
  },
});
const sizes = values.sizes.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const backends = values.backends.split(',').filter((b): b is Backend => b === 'sqlite' || b === 'postgres');
const only = new Set(values.only.split(','));
const pgUrl = values['pg-url'];
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const resultsDir = join(ROOT, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });

/** When each measurement in a results file was taken. */
function sectionsOf(r: RunResult): Record<string, string> {
  return Object.fromEntries(['search', 'memoryIndex', 'dashboard', 'map', 'pageCache', 'readWrite', 'scan', 'importCsv', 'evidenceFiles', 'accompaniment', 'memory', 'web'].filter((k) => k in r).map((k) => [k, r.ranAt]));
}

let webDone = false;
for (const size of values['report-only'] ? [] : sizes) {
  for (const backend of backends) {
    const machine = await describeMachine(backends.includes('postgres') ? pgUrl : null);
    const d = await openDataset({ backend, size, seed: Number(values.seed), pgUrl, log });
    const raw = await openRaw(d, pgUrl, Number(values['floor-limit-s']) * 1000 || undefined);
    const count = Number(((await raw.all('SELECT count(*) AS n FROM incidents WHERE deleted_at IS NULL')) as { n: number }[])[0]!.n);
    const diskBytes = backend === 'sqlite'
      ? ['bitacora.db', 'bitacora.db-wal'].map((f) => join(d.dir, f)).filter((f) => existsSync(f)).reduce((a, f) => a + statSync(f).size, 0)
      : Number(((await raw.all('SELECT sum(pg_total_relation_size(c.oid)) AS b FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = $1 AND c.relkind = $2', [d.schema, 'r'])) as { b: number }[])[0]!.b);
    const result: RunResult = {
      backend, size, incidentsAtRun: count, diskBytes, ranAt: new Date().toISOString(), command: `npx tsx bench/run.ts ${process.argv.slice(2).join(' ')}`.trim(), machine, build: d.build,
    };
    log(`${backend} ${size}: measuring (${count.toLocaleString('en')} incidents)`);
    if (only.has('search') || only.has('dashboard') || only.has('map')) {
      const figures = await warmMemoryIndex(d, log);
      // (its figures go with the search's: a map-only run leaves the earlier ones)
      if (figures && (only.has('search') || only.has('dashboard'))) result.memoryIndex = figures;
    }
    const before = join(resultsDir, `${backend}-${size}.json`);
    const prior = values['reuse-floors'] && existsSync(before) ? (JSON.parse(readFileSync(before, 'utf8')) as RunResult) : undefined;
    if (only.has('search')) result.search = await measureSearch(d, raw, log, prior?.search ? { at: prior.sections?.['search'] ?? prior.ranAt, rows: prior.search } : undefined);
    if (only.has('dashboard')) result.dashboard = await measureDashboard(d, raw, log, prior?.dashboard ? { at: prior.sections?.['dashboard'] ?? prior.ranAt, rows: prior.dashboard } : undefined);
    if (only.has('map')) result.map = await measureMap(d, raw, log, prior?.map ? { at: prior.sections?.['map'] ?? prior.ranAt, rows: prior.map } : undefined);
    if (only.has('cache') && backend === 'sqlite') result.pageCache = await measurePageCache(d, raw, log);
    if (only.has('readwrite')) result.readWrite = await measureReadWrite(d, raw, log);
    if (only.has('scan')) result.scan = await measureScan(d, raw, log);
    if (only.has('import')) result.importCsv = await measureImport(d, raw, pgUrl, Number(values['csv-rows']), log);
    if (only.has('evidence')) result.evidenceFiles = await measureEvidenceFiles(d, raw, log);
    if (only.has('accompaniment')) result.accompaniment = await measureAccompaniment(d, raw, log);
    await raw.close();
    // the server process opens the dataset itself: close ours first (no second writer meanwhile)
    await d.close();
    if (only.has('memory') || (only.has('web') && !webDone)) {
      const { result: memory, server } = await measureMemory(d, log);
      if (only.has('memory')) result.memory = memory;
      try {
        // the web app's first load does not depend on the dataset: measured once per run
        if (only.has('web') && !webDone) {
          result.web = await measureWeb(server.url, log);
          webDone = true;
        }
      } finally {
        await server.stop();
      }
    }
    // a run of some measurements only keeps the others from the previous results file (and says so)
    const file = join(resultsDir, `${backend}-${size}.json`);
    const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunResult) : undefined;
    // accompaniment data is recorded once per cached dataset: a later run keeps how it was recorded
    if (result.accompaniment && !result.accompaniment.build && previous?.accompaniment?.build && previous.build.builtAt === result.build.builtAt) {
      result.accompaniment.build = previous.accompaniment.build;
    }
    const merged: RunResult = previous && only.size < ALL.length
      ? { ...previous, ...Object.fromEntries(Object.entries(result).filter(([k]) => !['ranAt', 'command', 'machine'].includes(k) || !previous)), sections: { ...previous.sections, ...sectionsOf(result) } }
      : { ...result, sections: sectionsOf(result) };
    writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
    if (values['drop-cache']) await dropDataset(d, pgUrl);
  }
}
writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), renderResults(resultsDir));
log('wrote bench/RESULTS.md');
process.exit(0);
