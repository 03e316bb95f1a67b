#!/usr/bin/env node
// Checks the shipped data files: src/domain/vocabulary/vocabularies.json and
// src/domain/places/places.json. Prints every problem and exits 1 if there is any.
// Usage: node scripts/check-data.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const VOCAB_FILE = 'src/domain/vocabulary/vocabularies.json';
const PLACES_FILE = 'src/domain/places/places.json';

const problems = [];
const fail = (where, msg) => problems.push(`${where}: ${msg}`);

function load(rel) {
  try {
    return JSON.parse(readFileSync(join(root, rel), 'utf8'));
  } catch (err) {
    fail(rel, `cannot be read as JSON (${err.message})`);
    return undefined;
  }
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v) => typeof v === 'string' && v.trim() !== '';

function checkKeys(where, obj, allowed) {
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) fail(where, `unexpected key "${k}"`);
}

function checkI18n(where, v) {
  if (!isObject(v)) return fail(where, 'must be an object {es, en}');
  checkKeys(where, v, ['es', 'en']);
  for (const lang of ['es', 'en']) if (!nonEmpty(v[lang])) fail(where, `missing or empty "${lang}"`);
}

// ------------------------------------------------------------------ vocabularies

const REQUIRED_SCHEMES = [
  'act', 'perpetrator', 'involvement_degree', 'victim_role', 'gender_identity', 'lgbti',
  'migration_status', 'age_group', 'org_type', 'context', 'route_segment', 'act_method',
  'consequence', 'source_kind', 'source_method', 'reliability', 'consent_use', 'consent_value',
  'intervention_kind', 'intervention_outcome', 'follow_up', 'protection_kind', 'protection_status',
  'incident_status', 'confidentiality',
];
const SCHEME_ID = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const SEGMENT = /^[a-z0-9_]+$/;
const CODE = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;
const MAX_DEPTH = 3;

function checkVocabularies(v) {
  const F = VOCAB_FILE;
  if (!isObject(v)) return fail(F, 'top level must be an object');
  checkKeys(F, v, ['version', 'schemes']);
  if (!Number.isInteger(v.version) || v.version < 1) fail(F, '"version" must be a positive integer');
  if (!Array.isArray(v.schemes)) return fail(F, '"schemes" must be an array');

  const seen = new Set();
  const counts = {};
  v.schemes.forEach((s, i) => {
    const where = `${F} schemes[${i}]${s && s.id ? ` (${s.id})` : ''}`;
    if (!isObject(s)) return fail(where, 'must be an object');
    checkKeys(where, s, ['id', 'label', 'description', 'terms']);
    if (!nonEmpty(s.id) || !SCHEME_ID.test(s.id)) fail(where, `scheme id ${JSON.stringify(s.id)} is not snake_case`);
    if (seen.has(s.id)) fail(where, `duplicate scheme id "${s.id}"`);
    seen.add(s.id);
    checkI18n(`${where} label`, s.label);
    checkI18n(`${where} description`, s.description);
    if (!Array.isArray(s.terms) || s.terms.length === 0) return fail(where, '"terms" must be a non-empty array');
    const codes = new Set();
    let n = 0;
    const walk = (terms, parent, depth) => {
      terms.forEach((t, j) => {
        const tw = `${where} ${parent ? `${parent} > ` : ''}terms[${j}]${t && t.code ? ` (${t.code})` : ''}`;
        if (!isObject(t)) return fail(tw, 'must be an object');
        n += 1;
        checkKeys(tw, t, ['code', 'label', 'mapping', 'children']);
        if (!nonEmpty(t.code) || !CODE.test(t.code)) {
          fail(tw, `code ${JSON.stringify(t.code)} must be lowercase [a-z0-9_] segments joined by dots`);
        } else {
          const segs = t.code.split('.');
          if (segs.length !== depth) fail(tw, `code has ${segs.length} segment(s) but the term is at depth ${depth}`);
          if (parent && !t.code.startsWith(`${parent}.`)) fail(tw, `code must start with its parent's code "${parent}."`);
          if (parent && !SEGMENT.test(t.code.slice(parent.length + 1))) fail(tw, 'code must be parent code + "." + one segment');
          if (codes.has(t.code)) fail(tw, `duplicate code "${t.code}" in scheme`);
          codes.add(t.code);
        }
        if (depth > MAX_DEPTH) fail(tw, `depth ${depth} exceeds the maximum of ${MAX_DEPTH}`);
        checkI18n(`${tw} label`, t.label);
        if (t.mapping !== undefined) {
          if (!isObject(t.mapping) || Object.keys(t.mapping).length === 0) fail(tw, '"mapping" must be a non-empty object (omit it when there is none)');
          else for (const [k, val] of Object.entries(t.mapping)) if (!nonEmpty(val)) fail(tw, `mapping "${k}" must be a non-empty string`);
        }
        if (t.children !== undefined) {
          if (!Array.isArray(t.children) || t.children.length === 0) fail(tw, '"children" must be a non-empty array (omit it when there is none)');
          else walk(t.children, t.code, depth + 1);
        }
      });
    };
    walk(s.terms, '', 1);
    counts[s.id] = n;
  });
  for (const id of REQUIRED_SCHEMES) if (!seen.has(id)) fail(F, `required scheme "${id}" is missing`);

  // The reliability scale is ordered and mirrors the Admiralty/NATO A–F code.
  const rel = v.schemes.find((s) => s && s.id === 'reliability');
  if (rel && Array.isArray(rel.terms)) {
    const letters = rel.terms.map((t) => t && t.mapping && t.mapping.admiralty);
    if (rel.terms.length !== 6 || letters.join('') !== 'ABCDEF') {
      fail(`${F} (reliability)`, `must have 6 terms mapped in order to Admiralty A–F, found ${JSON.stringify(letters)}`);
    }
  }
  return counts;
}

// ------------------------------------------------------------------ places

const COUNTRIES = ['MX', 'GT', 'HN', 'SV', 'US', 'NI', 'BZ', 'CR', 'PA'];
const STATE_COUNTS = { MX: 32, GT: 22, HN: 18, SV: 14, US: 51 };
// Rough bounding boxes [minLat, maxLat, minLon, maxLon]; US is the lower 48 plus DC.
const BOXES = {
  MX: [14.5, 32.75, -118.5, -86.7],
  GT: [13.7, 17.85, -92.3, -88.2],
  HN: [12.95, 16.55, -89.4, -83.1],
  SV: [13.1, 14.5, -90.15, -87.65],
  US: [24.4, 49.4, -124.8, -66.9],
  NI: [10.7, 15.05, -87.7, -82.7],
  BZ: [15.85, 18.5, -89.25, -87.45],
  CR: [8.0, 11.25, -86.0, -82.5],
  PA: [7.15, 9.7, -83.1, -77.1],
};
const CROSSING_KINDS = ['port_of_entry', 'bridge', 'river_crossing', 'land_crossing'];
const STATE_CODE = /^([A-Z]{2})-[A-Z0-9]{1,3}$/;
const CROSSING_CODE = /^([a-z]{2})_([a-z]{2})\.[a-z0-9_]+$/;

const inBox = (cc, lat, lon) => {
  const b = BOXES[cc];
  return b !== undefined && lat >= b[0] && lat <= b[1] && lon >= b[2] && lon <= b[3];
};
const twoDecimals = (x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;

function checkPoint(where, lat, lon) {
  let ok = true;
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) { fail(where, `lat ${JSON.stringify(lat)} must be a number in [-90, 90]`); ok = false; }
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) { fail(where, `lon ${JSON.stringify(lon)} must be a number in [-180, 180]`); ok = false; }
  if (ok && (!twoDecimals(lat) || !twoDecimals(lon))) fail(where, 'coordinates must have at most 2 decimals (public precision)');
  return ok;
}

function checkPlaces(p) {
  const F = PLACES_FILE;
  if (!isObject(p)) return fail(F, 'top level must be an object');
  checkKeys(F, p, ['version', 'countries', 'states', 'localities', 'crossings']);
  if (!Number.isInteger(p.version) || p.version < 1) fail(F, '"version" must be a positive integer');
  for (const k of ['countries', 'states', 'localities', 'crossings']) {
    if (!Array.isArray(p[k])) { fail(F, `"${k}" must be an array`); p[k] = []; }
  }

  const countries = new Set();
  p.countries.forEach((c, i) => {
    const where = `${F} countries[${i}]${c && c.code ? ` (${c.code})` : ''}`;
    if (!isObject(c)) return fail(where, 'must be an object');
    checkKeys(where, c, ['code', 'name']);
    if (!/^[A-Z]{2}$/.test(c.code ?? '')) fail(where, 'code must be ISO 3166-1 alpha-2');
    if (countries.has(c.code)) fail(where, `duplicate country "${c.code}"`);
    countries.add(c.code);
    checkI18n(`${where} name`, c.name);
  });
  for (const cc of COUNTRIES) if (!countries.has(cc)) fail(F, `country "${cc}" is missing`);
  for (const cc of countries) if (!COUNTRIES.includes(cc)) fail(F, `country "${cc}" is not in the region (${COUNTRIES.join(', ')})`);

  const states = new Map();
  const perCountry = {};
  p.states.forEach((s, i) => {
    const where = `${F} states[${i}]${s && s.code ? ` (${s.code})` : ''}`;
    if (!isObject(s)) return fail(where, 'must be an object');
    checkKeys(where, s, ['code', 'country', 'name']);
    const m = STATE_CODE.exec(s.code ?? '');
    if (!m) fail(where, 'code must be an ISO 3166-2 code like "MX-COA"');
    else if (m[1] !== s.country) fail(where, `code prefix "${m[1]}" does not match country "${s.country}"`);
    if (!countries.has(s.country)) fail(where, `country "${s.country}" is not in countries`);
    if (states.has(s.code)) fail(where, `duplicate state "${s.code}"`);
    states.set(s.code, s);
    perCountry[s.country] = (perCountry[s.country] ?? 0) + 1;
    checkI18n(`${where} name`, s.name);
  });
  for (const [cc, n] of Object.entries(STATE_COUNTS)) {
    if ((perCountry[cc] ?? 0) !== n) fail(F, `${cc} must have ${n} states/departments, found ${perCountry[cc] ?? 0}`);
  }

  const localityKeys = new Set();
  p.localities.forEach((l, i) => {
    const where = `${F} localities[${i}]${l && l.name ? ` (${l.name}, ${l.state})` : ''}`;
    if (!isObject(l)) return fail(where, 'must be an object');
    checkKeys(where, l, ['name', 'state', 'country', 'lat', 'lon', 'shelterCity']);
    if (!nonEmpty(l.name)) fail(where, 'name must be a non-empty string');
    if (!countries.has(l.country)) fail(where, `country "${l.country}" is not in countries`);
    const st = states.get(l.state);
    if (!st) fail(where, `state "${l.state}" does not exist`);
    else if (st.country !== l.country) fail(where, `state "${l.state}" belongs to ${st.country}, not ${l.country}`);
    if (typeof l.shelterCity !== 'boolean') fail(where, '"shelterCity" must be true or false');
    const key = `${l.name}|${l.state}`;
    if (localityKeys.has(key)) fail(where, 'duplicate locality (same name and state)');
    localityKeys.add(key);
    if (checkPoint(where, l.lat, l.lon) && countries.has(l.country) && !inBox(l.country, l.lat, l.lon)) {
      fail(where, `point (${l.lat}, ${l.lon}) is outside the rough bounding box of ${l.country}`);
    }
  });

  const crossingCodes = new Set();
  p.crossings.forEach((c, i) => {
    const where = `${F} crossings[${i}]${c && c.code ? ` (${c.code})` : ''}`;
    if (!isObject(c)) return fail(where, 'must be an object');
    checkKeys(where, c, ['code', 'name', 'countries', 'states', 'lat', 'lon', 'kind']);
    if (crossingCodes.has(c.code)) fail(where, `duplicate crossing code "${c.code}"`);
    crossingCodes.add(c.code);
    checkI18n(`${where} name`, c.name);
    if (!CROSSING_KINDS.includes(c.kind)) fail(where, `kind ${JSON.stringify(c.kind)} must be one of ${CROSSING_KINDS.join(', ')}`);
    const cs = Array.isArray(c.countries) ? c.countries : [];
    if (cs.length !== 2 || cs[0] === cs[1]) fail(where, '"countries" must list two different countries');
    for (const cc of cs) if (!countries.has(cc)) fail(where, `country "${cc}" is not in countries`);
    const m = CROSSING_CODE.exec(c.code ?? '');
    if (!m) fail(where, 'code must look like "us_mx.name"');
    else if ([m[1], m[2]].map((x) => x.toUpperCase()).sort().join() !== [...cs].sort().join()) {
      fail(where, `code prefix "${m[1]}_${m[2]}" does not match countries ${JSON.stringify(cs)}`);
    }
    const ss = Array.isArray(c.states) ? c.states : [];
    if (ss.length === 0) fail(where, '"states" must list the states on each side');
    for (const code of ss) {
      const st = states.get(code);
      if (!st) fail(where, `state "${code}" does not exist`);
      else if (!cs.includes(st.country)) fail(where, `state "${code}" is not in the crossing's countries`);
    }
    for (const cc of cs) if (!ss.some((code) => states.get(code)?.country === cc)) fail(where, `no state given for ${cc}`);
    if (checkPoint(where, c.lat, c.lon) && !cs.some((cc) => inBox(cc, c.lat, c.lon))) {
      fail(where, `point (${c.lat}, ${c.lon}) is outside the rough bounding boxes of ${cs.join(' and ')}`);
    }
  });
  return { countries: countries.size, states: states.size, perCountry, localities: p.localities.length, crossings: p.crossings.length };
}

// ------------------------------------------------------------------ main

const vocab = load(VOCAB_FILE);
const places = load(PLACES_FILE);
const counts = vocab !== undefined ? checkVocabularies(vocab) : undefined;
const placeStats = places !== undefined ? checkPlaces(places) : undefined;

if (problems.length > 0) {
  for (const p of problems) console.error(`✗ ${p}`);
  console.error(`\n${problems.length} problem(s) found.`);
  process.exit(1);
}
const total = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(`✓ ${VOCAB_FILE}: ${Object.keys(counts).length} schemes, ${total} terms`);
console.log(`  ${Object.entries(counts).map(([id, n]) => `${id} ${n}`).join(', ')}`);
console.log(`✓ ${PLACES_FILE}: ${placeStats.countries} countries, ${placeStats.states} states (${Object.entries(placeStats.perCountry).map(([c, n]) => `${c} ${n}`).join(', ')}), ${placeStats.localities} localities, ${placeStats.crossings} crossings`);
