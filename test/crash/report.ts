/**
 * Writes bench/CRASH.md from the last crash run's figures (.tmp/crash/<backend>.json, written by
 * test/crash/crash-safety.test.ts). Run after a full run of both halves:
 *   npx vitest run test/crash && npx tsx test/crash/report.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CRASH_DIR, summaryMarkdown, type CrashSummary } from './summary.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'CRASH.md');

const summaries = (['sqlite', 'postgres'] as const)
  .map((b) => join(CRASH_DIR, `${b}.json`))
  .filter((f) => existsSync(f))
  .map((f) => JSON.parse(readFileSync(f, 'utf8')) as CrashSummary);
if (!summaries.length) {
  process.stderr.write(`no figures in ${CRASH_DIR}: run the crash test first\n`);
  process.exit(1);
}

const allPassed = summaries.every((s) => s.passed);
const text = [
  '# Crash safety',
  '',
  `Test: \`test/crash/crash-safety.test.ts\` (issue 4, part 6) — run on ${summaries[0]!.date.slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}; the machine was shared with other work.`,
  '',
  'Each round restarts the real `bitacora serve` on the data the previous kill left. An admin reads acknowledged incidents back through',
  'the API (`?for=edit`, which opens every sealed value), four people (admin, coordinator, two documenters) record and correct',
  'incidents as fast as the server answers, and in about 40% of the rounds an admin runs `bitacora import` of a batch of',
  'incidents (each with its people, acts, sources and history) beside the server. At a moment drawn from a seeded PRNG',
  '(import rounds take turns: three in five inside the import\'s transaction, aimed by the time earlier imports took to write;',
  'one anywhere in its life; one just after it committed)',
  'the server and the import get SIGKILL. Then, beside the dead server:',
  '',
  '- **integrity**: on SQLite `PRAGMA integrity_check`, `foreign_key_check` and FTS5\'s own `integrity-check` (the encrypted file opened',
  '  with the project\'s code and key); on both, the full-text index has exactly one row per live incident, and the audit chain is',
  '  verified by the function `bitacora audit verify` runs, anchored on the head the previous check saw (nothing committed was cut off);',
  '- **acknowledged writes**: every incident whose create or edit got a 2xx is there, at the acknowledged version or a later one',
  '  (at the same version, with the acknowledged title);',
  '- **imports**: each batch\'s incidents, people, acts, sources and history are all there or all absent, with its `interchange.imported`',
  '  audit event exactly when its rows are there; an import that printed its result must be all there.',
  '',
  'At the end: a last restart, the chain checked through the API, and `bitacora audit verify` on the command line.',
  '',
  `**Result: ${allPassed ? 'zero lost acknowledged writes, zero half-applied imports, every integrity check passed' : 'FAILED (see problems)'}.**`,
  '',
  summaryMarkdown(summaries),
  'Repeat a run with `CRASH_SEED=<seed> CRASH_ITERATIONS=<n> npx vitest run test/crash`.',
  '',
].join('\n');
writeFileSync(OUT, text);
process.stdout.write(`wrote ${OUT}\n`);
