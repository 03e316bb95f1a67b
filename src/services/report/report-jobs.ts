/**
 * Report generation jobs, in this process's memory only: a report is sensitive, so neither the job
 * nor its files are ever written to disk or to the database. A job belongs to the user who started
 * it (anyone else is told it does not exist), expires 15 minutes after it finished, and every job
 * is dropped at once when the vault seals (clear(), called from the vault's seal listeners) — a
 * job still running then is discarded when it ends. At most MAX_RUNNING per user run at once.
 */
import { newId } from '../../crypto/random.js';
import { ServiceError, tooMany } from '../errors.js';
import type { Progress, ReportFiles, ReportStep } from './run-report.js';

export const REPORT_TTL_MS = 15 * 60_000;
export const MAX_RUNNING = 2;
/** finished jobs kept per user (the oldest dropped first) */
export const MAX_KEPT = 5;
/** jobs (running or finished) one process keeps at most, all users together: a bound on memory */
export const MAX_JOBS = 60;

export interface ReportJobStatus {
  id: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  step: ReportStep;
  /** when failed: a code and a message that names the field, never report text */
  error?: { code: string; message: string };
}

interface Job extends ReportJobStatus {
  userId: string;
  startedAt: number;
  endedAt?: number;
  files?: ReportFiles;
}

export class ReportJobs {
  private jobs = new Map<string, Job>();
  private generation = 0;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly clock: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** 429 when `userId` already has MAX_RUNNING jobs running, or the process holds MAX_JOBS: checked before any work. */
  assertCanStart(userId: string): void {
    this.sweep();
    if ([...this.jobs.values()].filter((j) => j.userId === userId && j.state === 'running').length >= MAX_RUNNING) throw tooMany(`at most ${MAX_RUNNING} reports are generated at once per person; wait for one to finish`);
    if (this.jobs.size >= MAX_JOBS) throw tooMany('too many reports are being kept right now; try again in a few minutes');
  }

  /** Starts `run` as a job of `userId` (assertCanStart first). */
  start(userId: string, run: (progress: (p: Progress) => void) => Promise<ReportFiles>): ReportJobStatus {
    this.assertCanStart(userId);
    const mine = [...this.jobs.values()].filter((j) => j.userId === userId);
    const finished = mine.filter((j) => j.state !== 'running').sort((a, b) => a.startedAt - b.startedAt);
    while (finished.length >= MAX_KEPT) this.jobs.delete(finished.shift()!.id);
    const job: Job = { id: newId(), userId, state: 'running', done: 0, total: 0, step: 'queued', startedAt: this.clock() };
    this.jobs.set(job.id, job);
    const generation = this.generation;
    const live = () => generation === this.generation && this.jobs.get(job.id) === job;
    // started on the next turn, so the caller answers 202 before any work
    setImmediate(() => {
      run((p) => {
        if (live()) Object.assign(job, { done: p.done, total: p.total, step: p.step });
      }).then(
        (files) => {
          if (!live()) return;
          Object.assign(job, { state: 'done', step: 'done', files, endedAt: this.clock(), done: Math.max(job.done, job.total) });
        },
        (e: unknown) => {
          if (!live()) return;
          const error = e instanceof ServiceError && e.status < 500 ? { code: e.code, message: e.message } : { code: 'report_failed', message: 'the report could not be generated; try again' };
          Object.assign(job, { state: 'failed', error, endedAt: this.clock() });
        },
      );
    });
    return status(job);
  }

  /** The job of this user, or undefined (someone else's, expired, unknown: all the same). */
  private find(userId: string, id: string): Job | undefined {
    this.sweep();
    const job = this.jobs.get(id);
    return job && job.userId === userId ? job : undefined;
  }

  status(userId: string, id: string): ReportJobStatus | undefined {
    const job = this.find(userId, id);
    return job ? status(job) : undefined;
  }

  files(userId: string, id: string): ReportFiles | undefined {
    return this.find(userId, id)?.files;
  }

  /** Drops every job and its files now (the vault sealed); jobs still running are discarded when they end. */
  clear(): void {
    this.generation++;
    this.jobs = new Map();
  }

  private sweep(): void {
    const now = this.clock();
    for (const [id, j] of this.jobs) {
      const since = j.endedAt ?? j.startedAt;
      // a job running longer than the TTL is dropped too: nobody waits that long
      if (now - since > REPORT_TTL_MS) this.jobs.delete(id);
    }
  }

  size(): number {
    return this.jobs.size;
  }
}

function status(j: Job): ReportJobStatus {
  return { id: j.id, state: j.state, done: j.done, total: j.total, step: j.step, ...(j.error ? { error: j.error } : {}) };
}
