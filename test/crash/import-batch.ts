/**
 * Import batches for the crash test: an interchange document of N incidents cloned from one real
 * exported incident (so the format is exactly what `bitacora export` writes), each clone with fresh
 * ids — an import refuses ids the workspace already has — and the batch marker in its title; and a
 * `bitacora import` child process that can be killed at any moment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InterchangeDocument, InterchangeIncident, InterchangeActor } from '../../src/services/interchange/interchange-format.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What a batch should leave in the store when it is applied: every row, or none. */
export interface Batch {
  marker: string;
  incidentIds: string[];
  actorIds: string[];
  /** rows of the batch in each part table, when applied */
  acts: number;
  sources: number;
  revisions: number;
}

/** N clones of the template's first incident (and its victims and history) under fresh ids. */
export function buildBatch(template: InterchangeDocument, marker: string, n: number): { doc: InterchangeDocument; batch: Batch } {
  const base = template.incidents[0];
  if (!base) throw new Error('the template export has no incident');
  const baseActors = template.actors.filter((a) => base.victims.includes(a.id));
  const baseRevisions = template.revisions.filter((r) => r.incidentId === base.id);
  const incidents: InterchangeIncident[] = [];
  const actors: InterchangeActor[] = [];
  const revisions: InterchangeDocument['revisions'] = [];
  for (let i = 0; i < n; i++) {
    const actorIds = new Map(baseActors.map((a) => [a.id, randomUUID()] as const));
    for (const a of baseActors) actors.push({ ...a, id: actorIds.get(a.id)!, protectionMeasures: a.protectionMeasures.map((m) => ({ ...m, id: randomUUID() })) });
    const id = randomUUID();
    incidents.push({
      ...base,
      id,
      title: `Lote importado ${marker} número ${i + 1}`,
      victims: base.victims.map((v) => actorIds.get(v) ?? v),
      acts: base.acts.map((a) => ({
        ...a,
        id: randomUUID(),
        ...(a.victimId !== undefined ? { victimId: actorIds.get(a.victimId) ?? a.victimId } : {}),
        perpetrators: a.perpetrators.map((p) => ({ ...p, id: randomUUID() })),
      })),
      sources: base.sources.map((s) => ({ ...s, id: randomUUID() })),
      interventions: base.interventions.map((s) => ({ ...s, id: randomUUID() })),
    });
    for (const r of baseRevisions) revisions.push({ ...r, incidentId: id });
  }
  const doc: InterchangeDocument = { ...template, exportedAt: new Date().toISOString(), actors, incidents, revisions };
  return {
    doc,
    batch: {
      marker,
      incidentIds: incidents.map((x) => x.id),
      actorIds: actors.map((a) => a.id),
      acts: n * base.acts.length,
      sources: n * base.sources.length,
      revisions: revisions.length,
    },
  };
}

export type ImportOutcome =
  /** exit 0 with its result printed: acknowledged, must be all there */
  | 'committed'
  /** killed before it wrote any progress line: its transaction had not started writing */
  | 'killed-before'
  /** killed after a progress line (written inside the transaction), before it exited */
  | 'killed-mid-way'
  /** exited non-zero on its own (e.g. the database stayed locked) */
  | 'failed';

export interface ImportRun {
  child: ChildProcess;
  /** writes the document to the import's stdin: from here it unseals, checks and writes */
  send(): void;
  /** resolves at the first progress line: the import's transaction is writing */
  inTransaction: Promise<void>;
  done: Promise<void>;
  outcome(): ImportOutcome;
  /** from its first progress line to its last (the commit follows at once), when it committed: how long its transaction writes */
  writingMs(): number | undefined;
  output(): string;
  kill(): Promise<void>;
}

/**
 * Starts `bitacora import` reading the document from stdin (as `age -d file | bitacora import`
 * would): the process boots at once, and does nothing else until `send()`.
 */
export function startImport(doc: InterchangeDocument, env: Record<string, string>): ImportRun {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'bitacora.js'), 'import'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let progressed = false;
  let progressAt = 0;
  let lastProgressAt = 0;
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let markStarted = () => {};
  const inTransaction = new Promise<void>((r) => (markStarted = r));
  // a kill while the document is still being written must not surface as an unhandled EPIPE
  child.stdin!.on('error', () => undefined);
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => {
    stderr += d;
    // "phase: done/total" is written by onProgress, which the import calls inside its transaction
    if (/\w+: \d+\/\d+/.test(String(d))) lastProgressAt = performance.now();
    if (!progressed && /\w+: \d+\/\d+/.test(stderr)) { progressed = true; progressAt = performance.now(); markStarted(); }
  });
  const done = new Promise<void>((resolve) => child.on('exit', (code, signal) => { exit = { code, signal }; resolve(); }));
  return {
    child,
    send: () => child.stdin!.end(JSON.stringify(doc)),
    inTransaction,
    done,
    outcome() {
      if (!exit) throw new Error('the import is still running');
      // the result is printed only after the commit: any of it means the import was acknowledged
      if (stdout.includes('"incidents"')) return 'committed';
      if (exit.signal === 'SIGKILL') return progressed ? 'killed-mid-way' : 'killed-before';
      return 'failed';
    },
    writingMs() {
      return exit?.code === 0 && progressed ? lastProgressAt - progressAt : undefined;
    },
    output: () => `${stdout}\n${stderr}`,
    async kill() {
      if (!exit) child.kill('SIGKILL');
      await done;
    },
  };
}
