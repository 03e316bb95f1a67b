/**
 * The crash test's figures per backend, written during the run to .tmp/crash/<backend>.json and
 * .md (git-ignored); `npx tsx test/crash/report.ts` turns the JSON files into bench/CRASH.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestBackend } from '../helpers/backend.js';

export const CRASH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.tmp', 'crash');

export interface CrashSummary {
  backend: TestBackend;
  /** PostgreSQL's version string, or SQLite's (through the project's driver) */
  engine: string;
  seed: number;
  date: string;
  seconds: number;
  passed: boolean;
  iterations: number;
  kills: number;
  writers: number;
  /** 2xx answers to creates and edits, each compared with the store after every later kill */
  acknowledgedWrites: number;
  acknowledgedCreates: number;
  acknowledgedEdits: number;
  /** incidents whose acknowledged state was compared with the store, summed over every check */
  ackComparisons: number;
  /** incidents read back through the API (sealed values opened) after restarts */
  readBack: number;
  conflicts: number;
  relogins: number;
  /** writers' sign-ins refused by the rate limit (they sat the round out) */
  rateLimited: number;
  /** answers other than 2xx / 401 / 409, by status: must stay empty */
  unexpectedStatuses: Record<string, number>;
  integrityChecks: number;
  /** chain checks after each kill (anchored on the previous check's head) and the API's at the end */
  auditVerifications: number;
  finalAuditVerify: string;
  imports: {
    batchSize: number;
    started: number;
    committed: number;
    killedBefore: number;
    killedMidWay: number;
    failed: number;
    /** all-or-nothing verdicts of the kill-interrupted imports */
    killedMidWayApplied: number;
    killedMidWayAbsent: number;
    applied: number;
    absent: number;
    halfApplied: number;
  };
  /** what failed, if anything (first 20) */
  problems: string[];
}

export function writeSummary(s: CrashSummary): void {
  mkdirSync(CRASH_DIR, { recursive: true });
  writeFileSync(join(CRASH_DIR, `${s.backend}.json`), `${JSON.stringify(s, null, 2)}\n`);
  writeFileSync(join(CRASH_DIR, `${s.backend}.md`), summaryMarkdown([s]));
}

export function summaryMarkdown(list: CrashSummary[]): string {
  const row = (label: string, f: (s: CrashSummary) => string | number) => `| ${label} | ${list.map((s) => String(f(s))).join(' | ')} |`;
  const statuses = (s: CrashSummary) => Object.entries(s.unexpectedStatuses).map(([k, v]) => `${k}×${v}`).join(', ') || 'none';
  return [
    `| | ${list.map((s) => s.backend).join(' | ')} |`,
    `|---|${list.map(() => '---').join('|')}|`,
    row('result', (s) => (s.passed ? 'passed' : 'FAILED')),
    row('engine', (s) => s.engine),
    row('date, seed', (s) => `${s.date.slice(0, 10)}, seed ${s.seed}`),
    row('duration', (s) => `${s.seconds.toFixed(0)} s`),
    row('SIGKILLs of the server (each followed by checks and a restart)', (s) => s.kills),
    row('concurrent writers', (s) => s.writers),
    row('acknowledged writes (creates + edits)', (s) => `${s.acknowledgedWrites} (${s.acknowledgedCreates} + ${s.acknowledgedEdits})`),
    row('acknowledged incidents compared with the store, over all checks', (s) => s.ackComparisons),
    row('lost acknowledged writes', (s) => s.problems.filter((p) => /acknowledged/.test(p)).length),
    row('incidents read back through the API after restarts', (s) => s.readBack),
    row('edit conflicts (409, a normal outcome)', (s) => s.conflicts),
    row('sign-ins again after a CLI import ended the sessions', (s) => s.relogins),
    row('sign-ins refused by the rate limit (429; the writer sat the round out)', (s) => s.rateLimited),
    row('other non-2xx answers', statuses),
    row('integrity checks passed', (s) => `${s.integrityChecks}/${s.kills}`),
    row('audit chain verified: after each kill (anchored on the previous head), then API and `bitacora audit verify` at the end', (s) => `${s.auditVerifications}; ${s.finalAuditVerify}`),
    row(`imports started (batches of ${list[0]?.imports.batchSize ?? '?'} incidents)`, (s) => s.imports.started),
    row('… acknowledged (finished before the kill)', (s) => s.imports.committed),
    row('… killed before their transaction wrote', (s) => s.imports.killedBefore),
    row('… killed mid-way (inside the transaction): applied / absent', (s) => `${s.imports.killedMidWay}: ${s.imports.killedMidWayApplied} / ${s.imports.killedMidWayAbsent}`),
    row('… failed on their own', (s) => s.imports.failed),
    row('import verdicts: all there / absent / half-applied', (s) => `${s.imports.applied} / ${s.imports.absent} / ${s.imports.halfApplied}`),
    row('problems', (s) => (s.problems.length ? s.problems.join('<br>') : 'none')),
    '',
  ].join('\n');
}
