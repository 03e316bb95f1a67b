/**
 * The response scheduler (ADR 0018). Every server process runs one; each tick, while unsealed:
 *  1. raises what has fallen due — missed check-ins, overdue checklist steps, protection measures
 *     about to expire — each under a dedupe key, so a restart or a second process raises nothing twice;
 *  2. sends the pending deliveries, each claimed with a lease, so no two processes send one.
 * Nothing is kept in memory between ticks: the database is the schedule, so a deadline that
 * passed while the server was down (or sealed) escalates at the first tick after it is back.
 * Every SWEEP_EVERY_MS it also removes evidence files left half-written by an upload that died and
 * files no evidence item uses any more (ADR 0019).
 */
import type { Vault } from '../vault.js';
import type { Store } from '../../store/store.js';
import { newId } from '../../crypto/random.js';
import { escalateMissedCheckins } from '../checkins/escalate-missed.js';
import { alertOverdueSteps } from '../urgent/overdue-steps.js';
import { alertUnmarkedLegs } from '../accompaniment/tracking/unmarked-legs.js';
import { remindRenewals } from '../measures/renewal-reminders.js';
import { sendPending } from './send-pending.js';

export const DEFAULT_TICK_MS = 15_000;
export const SWEEP_EVERY_MS = 10 * 60_000;
/** an upload still `writing` after this long died (a gigabyte over a very slow link stays well inside) */
export const ABANDONED_UPLOAD_MS = 24 * 3_600_000;

/** Removes abandoned uploads and files no item uses; returns how many went. */
export function sweepFiles(store: Store, now: string): Promise<number> {
  return store.files.sweep(new Date(Date.parse(now) - ABANDONED_UPLOAD_MS).toISOString());
}

/** One pass over everything due at `now`: what was raised and what was sent. */
export async function runDueWork(store: Store, owner: string, now: () => string): Promise<{ raised: number; sent: number }> {
  const at = now();
  const raised = (await escalateMissedCheckins(store, at)) + (await alertOverdueSteps(store, at)) + (await remindRenewals(store, at)) + (await alertUnmarkedLegs(store, at));
  const sent = await sendPending(store, { owner, now });
  return { raised, sent };
}

export interface SchedulerHandle {
  /** runs one tick now (tests, and right after an unseal) */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts ticking every `everyMs`; a tick never overlaps the previous one; errors are logged by code, never with data. */
export function startScheduler(vault: Vault, opts: { everyMs?: number; now?: () => string; log?: (msg: string, fields?: Record<string, string | number>) => void } = {}): SchedulerHandle {
  const owner = newId();
  const now = opts.now ?? (() => new Date().toISOString());
  let running: Promise<void> | null = null;
  let stopped = false;
  let lastSweep = 0;
  const tick = async () => {
    if (running) return running;
    if (stopped || vault.state() !== 'unsealed') return;
    running = (async () => {
      try {
        let store: Store;
        try {
          store = vault.runtime().store;
        } catch {
          return;
        }
        const r = await runDueWork(store, owner, now);
        if (r.raised || r.sent) opts.log?.('alerts', { raised: r.raised, sent: r.sent });
        if (Date.now() - lastSweep >= SWEEP_EVERY_MS) {
          lastSweep = Date.now();
          const swept = await sweepFiles(store, now());
          if (swept) opts.log?.('files swept', { removed: swept });
        }
      } catch (e) {
        if (vault.state() === 'unsealed') opts.log?.('alert scheduler error', { code: String((e as { code?: unknown }).code ?? (e as Error).name ?? 'error').slice(0, 40) });
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void tick(), opts.everyMs ?? DEFAULT_TICK_MS);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
