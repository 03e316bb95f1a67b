/**
 * A store for @fastify/rate-limit that keeps its counters in the database (server mode), so every
 * app process counts against the same limit: ten sign-in attempts a minute means ten across all
 * processes, not ten per process. Keys (address, e-mail) are stored only as digests, namespaced by
 * route. The embedded mode keeps the plugin's in-memory store (one process).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema-types.js';
import { RateLimitRepository } from '../store/repositories/rate-limit-repository.js';
import { tokenDigest } from '../crypto/random.js';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

const SWEEP_EVERY_MS = 60_000;

export function sharedRateLimitStore(database: () => Promise<Kysely<Database> | undefined>) {
  let lastSweep = 0;
  async function repo(): Promise<RateLimitRepository> {
    const db = await database();
    if (!db) throw new Error('shared rate limits need the server database');
    return new RateLimitRepository(db);
  }

  return class SharedRateLimitStore {
    private readonly namespace: string;
    /** the plugin passes its options; children carry the route they count for */
    constructor(_options?: unknown, namespace = '') {
      this.namespace = namespace;
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      const now = Date.now();
      repo()
        .then(async (r) => {
          const { hits, windowStart } = await r.hit(tokenDigest(`${this.namespace}\u0000${key}`), now, timeWindow);
          if (now - lastSweep > SWEEP_EVERY_MS) {
            lastSweep = now;
            await r.sweep(now - 3_600_000).catch(() => undefined);
          }
          cb(null, { current: hits, ttl: Math.max(0, windowStart + timeWindow - now) });
        })
        .catch((e: Error) => cb(e));
    }

    read(key: string, cb: Callback, timeWindow: number): void {
      const now = Date.now();
      repo()
        .then(async (r) => {
          const row = await r.peek(tokenDigest(`${this.namespace}\u0000${key}`));
          if (!row || row.windowStart + timeWindow <= now) return cb(null, { current: 0, ttl: 0 });
          cb(null, { current: row.hits, ttl: row.windowStart + timeWindow - now });
        })
        .catch((e: Error) => cb(e));
    }

    // the plugin passes the route's merged limit options, with the route itself under `routeInfo`
    child(routeOptions: object): SharedRateLimitStore {
      const info = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new SharedRateLimitStore(undefined, `${String(info.method ?? '')} ${info.url ?? ''}`);
    }
  };
}
