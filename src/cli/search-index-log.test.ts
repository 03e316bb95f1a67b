import { describe, it, expect } from 'vitest';
import { searchIndexFields } from './search-index-log.js';

describe('search index log fields', () => {
  it('gives counts and sizes in MiB, one decimal', () => {
    const mem = { rss: 300 * 2 ** 20, heapUsed: 120.44 * 2 ** 20, heapTotal: 150 * 2 ** 20, external: 80.06 * 2 ** 20, arrayBuffers: 78 * 2 ** 20 };
    expect(searchIndexFields({ incidents: 1_000_105, bytes: 76.88 * 2 ** 20, loadedInMs: 83_950 }, mem)).toEqual({
      incidents: 1_000_105, indexMiB: 76.9, loadSeconds: 84, rssMiB: 300, heapUsedMiB: 120.4, heapTotalMiB: 150, externalMiB: 80.1,
    });
  });

  it('says when the load time is unknown', () => {
    expect(searchIndexFields({ incidents: 0, bytes: 0, loadedInMs: null }).loadSeconds).toBeNull();
  });
});
