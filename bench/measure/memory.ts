/**
 * Server resident memory: the real server (`bitacora serve` from dist/) unsealed on the dataset,
 * after every benchmark search has run once through the HTTP API, vs an idle Node process (the floor:
 * what the runtime alone costs).
 */
import { spawn } from 'node:child_process';
import { startServer, signIn, residentMiB, type RunningServer } from '../lib/server.js';
import type { Dataset } from '../lib/dataset.js';
import { SEARCHES } from './search.js';

/** `atIndexReady`: the server's own "search index ready" log line (index size, heap, buffers outside the heap). */
export interface MemoryResult { afterStart: number; afterSearches: number; peak: number; idleNode: number; atIndexReady?: Record<string, number | null> }

/** The fields of the server's "search index ready" JSON log line, once written. */
function indexReady(output: string): Record<string, number | null> | null {
  for (const line of output.split('\n')) {
    if (!line.includes('"search index ready"')) continue;
    try {
      const { time: _t, level: _l, msg: _m, ...fields } = JSON.parse(line) as Record<string, number | null>;
      return fields;
    } catch {
      return null;
    }
  }
  return null;
}

async function idleNodeRss(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 1500));
  const { rss } = residentMiB(child.pid!);
  child.kill('SIGTERM');
  return rss;
}

export async function measureMemory(d: Dataset, log: (l: string) => void): Promise<{ result: MemoryResult; server: RunningServer }> {
  const server = await startServer(d.serveEnv);
  // wait for the unseal at start (BITACORA_PASSPHRASE)
  for (let i = 0; i < 600 && !server.output().includes('unsealed'); i++) await new Promise((r) => setTimeout(r, 100));
  const afterStart = residentMiB(server.pid).rss;
  // the memory index is read in the background after the unseal (minutes at a million)
  let ready = indexReady(server.output());
  for (let i = 0; i < 6000 && !ready; i++) {
    await new Promise((r) => setTimeout(r, 100));
    ready = indexReady(server.output());
  }
  if (ready) log(`  search index ready: ${JSON.stringify(ready)}`);
  const api = await signIn(server.url);
  // every benchmark search once (at a million incidents one search can take minutes)
  for (const [name, body] of SEARCHES) {
    try {
      await api('POST', '/api/v1/incidents/search', body);
    } catch (e) {
      log(`  (search ${name} through the API failed: ${String(e).slice(0, 200)})`);
    }
  }
  const mem = residentMiB(server.pid);
  const result: MemoryResult = { afterStart, afterSearches: mem.rss, peak: mem.peak, idleNode: await idleNodeRss(), ...(ready ? { atIndexReady: ready } : {}) };
  log(`  server RSS ${result.afterSearches.toFixed(0)} MiB after searches (peak ${result.peak.toFixed(0)}, idle node ${result.idleNode.toFixed(0)})`);
  return { result, server };
}
