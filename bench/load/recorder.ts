/**
 * What the load test measured: every request's latency and status, per operation. Network errors
 * (no answer at all) are kept apart from statuses; 409 (an edit conflict) and 429 (a rate limit)
 * apart from other 4xx, because both are normal answers a real client handles.
 */
export interface OpFigures {
  op: string;
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  ok: number;
  conflicts: number;
  rateLimited: number;
  /** other 4xx, by status */
  otherClientErrors: Record<string, number>;
  serverErrors: number;
  networkErrors: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export class Recorder {
  private readonly ops = new Map<string, { ms: number[]; statuses: Map<number, number>; networkErrors: number }>();
  /** the first few network errors and 5xx bodies, to say what went wrong */
  readonly samples: string[] = [];

  private entry(op: string) {
    let e = this.ops.get(op);
    if (!e) this.ops.set(op, (e = { ms: [], statuses: new Map(), networkErrors: 0 }));
    return e;
  }

  answer(op: string, status: number, ms: number, body: unknown): void {
    const e = this.entry(op);
    e.ms.push(ms);
    e.statuses.set(status, (e.statuses.get(status) ?? 0) + 1);
    if (status >= 500 && this.samples.length < 10) this.samples.push(`${op}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
  }

  networkError(op: string, error: unknown): void {
    this.entry(op).networkErrors++;
    if (this.samples.length < 10) this.samples.push(`${op}: ${String((error as Error).cause ?? error)}`);
  }

  figures(): OpFigures[] {
    return [...this.ops.entries()]
      .map(([op, e]) => {
        const sorted = [...e.ms].sort((a, b) => a - b);
        const by = (f: (s: number) => boolean) => [...e.statuses.entries()].filter(([s]) => f(s)).reduce((t, [, n]) => t + n, 0);
        const other = Object.fromEntries([...e.statuses.entries()].filter(([s]) => s >= 400 && s < 500 && s !== 409 && s !== 429).map(([s, n]) => [String(s), n]));
        return {
          op, count: e.ms.length + e.networkErrors,
          p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN,
          ok: by((s) => s >= 200 && s < 400), conflicts: by((s) => s === 409), rateLimited: by((s) => s === 429),
          otherClientErrors: other, serverErrors: by((s) => s >= 500), networkErrors: e.networkErrors,
        };
      })
      .sort((a, b) => b.count - a.count);
  }

  /** every request, all operations together */
  overall(): OpFigures {
    const all: number[] = [];
    for (const e of this.ops.values()) all.push(...e.ms);
    all.sort((a, b) => a - b);
    const f = this.figures();
    const sum = (k: 'count' | 'ok' | 'conflicts' | 'rateLimited' | 'serverErrors' | 'networkErrors') => f.reduce((t, x) => t + x[k], 0);
    const other: Record<string, number> = {};
    for (const x of f) for (const [s, n] of Object.entries(x.otherClientErrors)) other[s] = (other[s] ?? 0) + n;
    return {
      op: 'all', count: sum('count'), p50: percentile(all, 50), p95: percentile(all, 95), p99: percentile(all, 99), max: all.at(-1) ?? NaN,
      ok: sum('ok'), conflicts: sum('conflicts'), rateLimited: sum('rateLimited'), otherClientErrors: other, serverErrors: sum('serverErrors'), networkErrors: sum('networkErrors'),
    };
  }
}
