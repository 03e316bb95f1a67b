/** Report jobs in memory: owner only, progress, expiry, the per-person limit, dropped on seal. */
import { describe, it, expect } from 'vitest';
import { ReportJobs, REPORT_TTL_MS, MAX_RUNNING } from './report-jobs.js';
import type { ReportFiles } from './run-report.js';
import { ServiceError } from '../errors.js';

const files = { html: '<p>x</p>', pdf: Buffer.from('%PDF-'), lang: 'es' } as unknown as ReportFiles;
const tick = () => new Promise((r) => setImmediate(r));

describe('report jobs', () => {
  it('runs a job for its owner only, with progress, and keeps its files until they expire', async () => {
    let now = 1_000;
    const jobs = new ReportJobs(() => now);
    let release!: () => void;
    const s = jobs.start('ana', async (progress) => {
      progress({ done: 1, total: 4, step: 'counting' });
      await new Promise<void>((r) => (release = r));
      return files;
    });
    expect(s).toMatchObject({ state: 'running', step: 'queued' });
    await tick();
    expect(jobs.status('ana', s.id)).toMatchObject({ state: 'running', done: 1, total: 4, step: 'counting' });
    expect(jobs.status('beto', s.id)).toBeUndefined();
    expect(jobs.files('ana', s.id)).toBeUndefined();
    release();
    await tick();
    expect(jobs.status('ana', s.id)).toMatchObject({ state: 'done', step: 'done' });
    expect(jobs.files('ana', s.id)).toBe(files);
    expect(jobs.files('beto', s.id)).toBeUndefined();
    now += REPORT_TTL_MS + 1;
    expect(jobs.status('ana', s.id)).toBeUndefined();
  });

  it('limits how many run at once per person, and reports a failure without its details', async () => {
    const jobs = new ReportJobs();
    const never = () => new Promise<ReportFiles>(() => undefined);
    for (let i = 0; i < MAX_RUNNING; i++) jobs.start('ana', never);
    expect(() => jobs.start('ana', never)).toThrow(ServiceError);
    expect(() => jobs.start('beto', async () => { throw new Error('secret detail'); })).not.toThrow();
    const failing = jobs.start('carla', async () => { throw new Error('secret detail'); });
    await tick();
    await tick();
    expect(jobs.status('carla', failing.id)).toMatchObject({ state: 'failed', error: { code: 'report_failed' } });
    expect(JSON.stringify(jobs.status('carla', failing.id))).not.toContain('secret');
  });

  it('drops every job on clear (the seal), and a running one when it ends', async () => {
    const jobs = new ReportJobs();
    let release!: () => void;
    const running = jobs.start('ana', async () => {
      await new Promise<void>((r) => (release = r));
      return files;
    });
    const done = jobs.start('beto', async () => files);
    await tick();
    expect(jobs.files('beto', done.id)).toBe(files);
    jobs.clear();
    expect(jobs.size()).toBe(0);
    release();
    await tick();
    expect(jobs.status('ana', running.id)).toBeUndefined();
    expect(jobs.size()).toBe(0);
  });
});
