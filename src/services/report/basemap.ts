/**
 * The basemap the report's map is drawn from: dist/basemap.json, written by `npm run build`
 * (scripts/basemap.mjs --out) from the npm map data; when running from the sources (tests, tsx) it
 * is built from the same script instead. Read once per process; null if neither is there (the
 * report then shows the counts-by-state table alone).
 */
import { readFile } from 'node:fs/promises';
import type { Basemap } from '../../domain/report/state-map.js';

let loaded: Promise<Basemap | null> | undefined;

export function loadBasemap(): Promise<Basemap | null> {
  return (loaded ??= (async () => {
    try {
      return JSON.parse(await readFile(new URL('../../basemap.json', import.meta.url), 'utf8')) as Basemap;
    } catch {
      try {
        const script = new URL('../../../scripts/basemap.mjs', import.meta.url).href;
        const m = (await import(script)) as { buildBasemap: () => Basemap };
        return m.buildBasemap();
      } catch {
        return null;
      }
    }
  })());
}
