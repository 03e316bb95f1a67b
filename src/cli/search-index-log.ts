/**
 * The fields of the server's "search index ready" log line: how many incidents the memory index
 * holds, its size, how long it took to read, and the process's memory at that moment (resident,
 * JavaScript heap, buffers outside the heap) — what an administrator sizing a server needs. Counts
 * and sizes only: nothing about any incident.
 */
import type { LogFields } from '../http/server.js';
import type { MemoryIndexStats } from '../store/search/memory-index/memory-index.js';

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

export function searchIndexFields(s: MemoryIndexStats, mem: NodeJS.MemoryUsage = process.memoryUsage()): LogFields {
  return {
    incidents: s.incidents,
    indexMiB: mib(s.bytes),
    loadSeconds: s.loadedInMs === null ? null : Math.round(s.loadedInMs / 100) / 10,
    rssMiB: mib(mem.rss),
    heapUsedMiB: mib(mem.heapUsed),
    heapTotalMiB: mib(mem.heapTotal),
    externalMiB: mib(mem.external),
  };
}
