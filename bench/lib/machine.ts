/** The machine a run happened on, for RESULTS.md. */
import { cpus, totalmem, loadavg } from 'node:os';
import pg from 'pg';

export interface Machine { cpu: string; cores: number; ramGiB: number; node: string; postgres: string | null; loadAtStart: number[] }

export async function describeMachine(pgUrl: string | null): Promise<Machine> {
  let postgres: string | null = null;
  if (pgUrl) {
    const c = new pg.Client({ connectionString: pgUrl });
    try {
      await c.connect();
      postgres = String((await c.query('SHOW server_version')).rows[0]?.server_version ?? 'unknown');
    } catch {
      postgres = null;
    } finally {
      await c.end().catch(() => undefined);
    }
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    // other work on a shared machine shows up here (and in the figures)
    loadAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
