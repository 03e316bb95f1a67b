/**
 * One row of a table → the input of one incident (as the API takes it), with every problem on that
 * line: errors (the row cannot be imported as the mapping says) and warnings (it imports, and the
 * warning says how). Nothing here guesses silently: a value the mapping does not place, an
 * ambiguous date, a point outside its region are said on their line and column.
 *
 * Pure: places are looked up through a `PlaceFinder` (the offline gazetteer in production).
 */
import type { Lang, VocabularyIndex } from '../vocabulary/vocabulary.js';
import type { FuzzyDate } from '../dates.js';
import { partialDateIssue } from '../dates.js';
import { COUNT_FIELDS } from '../incident/schema.js';
import { stateByCode } from '../places/places.js';
import { parseImportDate } from './parse-date.js';
import { parseImportNumber } from './parse-number.js';
import { parseImportCoordinates, parseCoordinatePair, type Point } from './parse-coordinates.js';
import { outsideRegion, IOM_REGIONS } from './regions.js';
import { monthNumber } from './month-names.js';
import { quote } from './import-warning.js';
import { columnsFor, LIST_TARGETS, type ImportMapping, type ImportTarget, type ValueTarget } from './mapping.js';
import { ValueResolver } from './resolve-value.js';
import { rowError, rowWarning, type RowProblem } from './row-problem.js';

export interface FoundPlace {
  kind: 'country' | 'state' | 'municipality' | 'locality';
  name: string;
  country: string;
  state?: string;
  lat?: number;
  lon?: number;
}

/** What the converter needs of a gazetteer. */
export interface PlaceFinder {
  lookup(name: string, opts?: { country?: string; state?: string; limit?: number }): FoundPlace[];
  locate(lat: number, lon: number): { country?: string; state?: string };
  pointInCountry(lat: number, lon: number, country: string): 'inside' | 'near_border' | 'outside';
}

export interface ConvertContext {
  mapping: ImportMapping;
  header: readonly string[];
  vocab: VocabularyIndex;
  values: ValueResolver;
  places: PlaceFinder | null;
  /** YYYY-MM-DD: dates after it get a warning */
  today: string;
  lang: Lang;
}

export interface ConvertedRow {
  /** absent when the row has an error */
  input?: Record<string, unknown>;
  problems: RowProblem[];
}

const TITLE_MAX = 300;
const SUMMARY_MAX = 20_000;
const LOCALITY_MAX = 120;
const PSEUDONYM_MAX = 120;

/** The position of each header, computed once per table. */
export class RowConverter {
  private readonly col = new Map<string, number>();
  private readonly byTarget = new Map<ImportTarget, string[]>();

  constructor(private readonly cx: ConvertContext) {
    cx.header.forEach((h, i) => this.col.set(h, i));
    for (const target of new Set(Object.values(cx.mapping.columns))) this.byTarget.set(target, columnsFor(cx.mapping, cx.header, target));
  }

  /** Columns of the mapping that the table does not have (an error on the header line). */
  missingColumns(): string[] {
    return Object.keys(this.cx.mapping.columns).filter((c) => !this.col.has(c));
  }

  convert(line: number, cells: readonly string[]): ConvertedRow {
    return new RowWork(this.cx, this.col, this.byTarget, line, cells).run();
  }
}

class RowWork {
  readonly problems: RowProblem[] = [];
  private failed = false;

  constructor(
    private readonly cx: ConvertContext,
    private readonly col: Map<string, number>,
    private readonly byTarget: Map<ImportTarget, string[]>,
    private readonly line: number,
    private readonly cells: readonly string[],
  ) {}

  private error(column: string | undefined, code: string, message: string): void {
    this.failed = true;
    this.problems.push(rowError(this.line, column, code, message));
  }
  private warn(column: string | undefined, code: string, message: string): void {
    this.problems.push(rowWarning(this.line, column, code, message));
  }

  private cell(column: string): string {
    const i = this.col.get(column);
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }
  /** The one column given for `target` and its cell, or undefined when no column is. */
  private one(target: ImportTarget): { column: string; value: string } | undefined {
    const column = this.byTarget.get(target)?.[0];
    return column === undefined ? undefined : { column, value: this.cell(column) };
  }

  /** A category value → its code; '' (empty cell, or mapped to nothing) → undefined. */
  private code(target: ValueTarget, column: string, value: string): string | undefined {
    if (!value) return undefined;
    const r = this.cx.values.resolve(target, value, this.cx.mapping.values[target], this.cx.lang);
    if (r.how === 'none') {
      const hint = r.suggestions.length ? `; did you mean ${r.suggestions.map((s) => `${s.label} (${s.code})`).join(', ')}?` : '';
      this.error(column, 'unmapped_value', `${quote(value)} is not mapped to a value of the list${hint}`);
      return undefined;
    }
    if (r.how === 'mapped' && r.code && !this.cx.values.knows(target, r.code)) {
      this.error(column, 'unknown_code', `${quote(value)} is mapped to "${r.code}", which the list does not have`);
      return undefined;
    }
    return r.code || undefined;
  }

  private valueOf(target: ValueTarget & keyof ImportMapping['defaults']): string | undefined {
    const given = this.one(target);
    const code = given ? this.code(target, given.column, given.value) : undefined;
    return code ?? this.cx.mapping.defaults[target];
  }

  run(): ConvertedRow {
    const input: Record<string, unknown> = {};
    const title = this.title();
    if (title !== undefined) input.title = title;
    const summary = this.summary();
    if (summary) input.summary = summary;
    const date = this.date();
    if (date) input.date = date;
    input.place = this.place();
    const counts = this.counts();
    if (counts) input.counts = counts;
    const context = this.context();
    if (context.length) input.context = context;
    for (const t of ['status', 'followUp', 'confidentiality'] as const) {
      const v = this.valueOf(t);
      if (v) input[t] = v;
    }
    const victim = this.victim();
    if (victim) input.victims = [victim];
    const act = this.act(victim ? 'v1' : undefined);
    if (act) input.acts = [act];
    return this.failed ? { problems: this.problems } : { input, problems: this.problems };
  }

  private title(): string | undefined {
    const parts = (this.byTarget.get('title') ?? []).map((c) => this.cell(c).replace(/\s+/g, ' ')).filter(Boolean);
    let title = parts.join(' — ');
    if (!title) {
      const act = this.one('act');
      const code = act?.value ? this.cx.values.resolve('act', act.value, this.cx.mapping.values.act, this.cx.lang) : undefined;
      const kind = code && code.how !== 'none' && code.code ? code.code : this.cx.mapping.defaults.act;
      if (!kind) {
        this.error(this.byTarget.get('title')?.[0], 'title_missing', 'the title is empty, and no kind of act gives one');
        return undefined;
      }
      title = this.cx.vocab.label('act', kind, this.cx.lang);
      this.warn(this.byTarget.get('title')?.[0], 'title_from_act', `the title is empty: the kind of act is used ("${title}")`);
    }
    const chars = Array.from(title);
    if (chars.length > TITLE_MAX) {
      title = chars.slice(0, TITLE_MAX - 1).join('').trimEnd() + '…';
      this.warn(this.byTarget.get('title')?.[0], 'title_shortened', `the title has ${chars.length} characters: it is cut to ${TITLE_MAX} (the whole text stays in the summary)`);
    }
    return title;
  }

  private summary(): string | undefined {
    const columns = [...(this.byTarget.get('externalId') ?? []), ...(this.byTarget.get('summary') ?? [])];
    const titleColumns = this.byTarget.get('title') ?? [];
    const longTitle = titleColumns.some((c) => Array.from(this.cell(c)).length > TITLE_MAX);
    const labelled = columns.length + (longTitle ? titleColumns.length : 0) > 1;
    const lines: string[] = [];
    if (longTitle) for (const c of titleColumns) if (this.cell(c)) lines.push(labelled ? `${c}: ${this.cell(c)}` : this.cell(c));
    for (const c of columns) if (this.cell(c)) lines.push(labelled ? `${c}: ${this.cell(c)}` : this.cell(c));
    const text = lines.join('\n');
    const chars = Array.from(text);
    if (chars.length <= SUMMARY_MAX) return text || undefined;
    this.warn(columns[0], 'summary_shortened', `the summary has ${chars.length} characters: it is cut to ${SUMMARY_MAX}`);
    return chars.slice(0, SUMMARY_MAX - 1).join('') + '…';
  }

  private date(): FuzzyDate | undefined {
    const opts = { order: this.cx.mapping.options.dateOrder, today: this.cx.today };
    const start = this.one('date');
    let date: FuzzyDate | undefined;
    if (start?.value) {
      const r = parseImportDate(start.value, opts);
      if (!r.ok) {
        this.error(start.column, `date_${r.problem.code}`, r.problem.message);
        return undefined;
      }
      for (const w of r.warnings) this.warn(start.column, `date_${w.code}`, w.message);
      date = r.date;
    } else {
      date = this.yearMonth(start?.column);
    }
    const end = this.one('dateEnd');
    if (date && end?.value) {
      const r = parseImportDate(end.value, opts);
      if (!r.ok) this.error(end.column, `date_${r.problem.code}`, r.problem.message);
      else {
        const last = r.date.end ?? r.date.start;
        if (last < date.start) this.error(end.column, 'end_before_start', 'the end date is before the start date');
        else if (last !== date.start) date = { ...date, end: last };
      }
    }
    return date;
  }

  /** No date: the year (and month) columns, when the mapping has them, with a warning. */
  private yearMonth(dateColumn: string | undefined): FuzzyDate | undefined {
    const year = this.one('year');
    if (!year?.value) {
      if (dateColumn !== undefined) this.warn(dateColumn, 'no_date', 'the date is empty: the incident is recorded without a date');
      return undefined;
    }
    if (!/^\d{4}$/.test(year.value) || partialDateIssue(year.value)) {
      this.error(year.column, 'bad_year', `${quote(year.value)} is not a year between 1900 and 2100`);
      return undefined;
    }
    const month = this.one('month');
    const m = month?.value ? (/^\d{1,2}$/.test(month.value) ? Number(month.value) : monthNumber(month.value)) : undefined;
    if (month?.value && (m === undefined || m < 1 || m > 12)) this.warn(month.column, 'bad_month', `${quote(month.value)} is not a month: only the year is kept`);
    const start = m !== undefined && m >= 1 && m <= 12 ? `${year.value}-${String(m).padStart(2, '0')}` : year.value;
    if (dateColumn !== undefined) this.warn(dateColumn, 'date_from_year', `the date is empty: the ${start.length > 4 ? 'year and month' : 'year'} columns give ${start}`);
    return { start };
  }

  private point(): Point | undefined {
    const one = this.one('coordinates');
    const lat = this.one('latitude');
    const lon = this.one('longitude');
    let column: string | undefined;
    let r;
    if (one?.value) { column = one.column; r = parseImportCoordinates(one.value); }
    else if (lat && lon && (lat.value || lon.value)) { column = lat.column; r = parseCoordinatePair(lat.value, lon.value); }
    else return undefined;
    if (!r.ok) {
      this.warn(column, `coordinates_${r.problem.code}`, `${r.problem.message}: the point is left out`);
      return undefined;
    }
    for (const w of r.warnings) this.warn(column, `coordinates_${w.code}`, w.message);
    const region = this.one('region');
    const box = region?.value ? IOM_REGIONS[region.value] : undefined;
    const outside = box ? outsideRegion(r.point, box) : null;
    if (outside) {
      this.warn(column, 'coordinates_outside_region', `${outside.message}; the point is left out and no place is taken from it`);
      return undefined;
    }
    return r.point;
  }

  private place(): Record<string, unknown> {
    const place: Record<string, unknown> = {};
    const country = this.one('country');
    const state = this.one('state');
    let countryCode = country ? this.code('country', country.column, country.value) : undefined;
    countryCode ??= this.cx.mapping.defaults.country;
    let stateCode = state ? this.code('state', state.column, state.value) : undefined;
    if (stateCode) {
      const st = stateByCode(stateCode);
      if (countryCode && st && st.country !== countryCode) this.warn(state!.column, 'state_not_in_country', `the state ${st.name.en} is not in ${countryCode}: the state's country is kept`);
      countryCode = st?.country ?? countryCode;
    }
    let locality: string | undefined;
    const loc = this.one('locality');
    if (loc?.value) locality = loc.value;
    const named = this.one('place');
    if (named?.value) {
      const found = this.lookup(named.column, named.value, countryCode, stateCode);
      if (found) {
        countryCode ??= found.country;
        stateCode ??= found.state;
        if (found.kind === 'locality' || found.kind === 'municipality') locality ??= found.name;
      } else locality ??= named.value;
    }
    if (locality && Array.from(locality).length > LOCALITY_MAX) {
      this.warn(loc?.column ?? named?.column, 'locality_shortened', `the place has more than ${LOCALITY_MAX} characters: it is cut`);
      locality = Array.from(locality).slice(0, LOCALITY_MAX).join('').trim();
    }

    const point = this.point();
    if (point && this.cx.places) {
      const pointColumn = this.byTarget.get('coordinates')?.[0] ?? this.byTarget.get('latitude')?.[0];
      if (countryCode) {
        const where = this.cx.places.pointInCountry(point.lat, point.lon, countryCode);
        if (where === 'outside') this.warn(pointColumn, 'point_outside_country', `the point is not in ${countryCode}`);
      } else if (this.cx.mapping.options.placeFromCoordinates) {
        const at = this.cx.places.locate(point.lat, point.lon);
        if (at.country) {
          countryCode = at.country;
          stateCode ??= at.state;
        }
      }
    }
    const crossing = this.one('crossing');
    const crossingCode = crossing ? this.code('crossing', crossing.column, crossing.value) : undefined;
    const route = this.one('routeSegment');
    const routeCode = route ? this.code('routeSegment', route.column, route.value) : undefined;

    if (countryCode) place.country = countryCode;
    if (stateCode) place.state = stateCode;
    if (locality) place.locality = locality;
    if (crossingCode) place.crossing = crossingCode;
    if (routeCode) place.routeSegment = routeCode;
    if (point) place.private = { lat: point.lat, lon: point.lon };
    place.precision = crossingCode ? 'crossing' : locality ? 'locality' : stateCode ? 'state' : countryCode ? 'country' : routeCode ? 'route' : 'unknown';
    return place;
  }

  /** A place name through the gazetteer: one match is taken, several are offered, none is said. */
  private lookup(column: string, name: string, country: string | undefined, state: string | undefined): FoundPlace | undefined {
    if (!this.cx.places) return undefined;
    const found = this.cx.places.lookup(name, { ...(country ? { country } : {}), ...(state ? { state } : {}), limit: 4 });
    if (found.length === 1) return found[0];
    if (found.length === 0) {
      this.warn(column, 'place_not_found', `${quote(name)} is not in the gazetteer: it is kept as the place's name, without a state`);
      return undefined;
    }
    const choices = found.slice(0, 3).map((f) => [f.name, f.state ?? f.country].join(', ')).join('; ');
    this.warn(column, 'place_ambiguous', `${quote(name)} names several places (${choices}); add a state column to choose: it is kept as the place's name, without a state`);
    return undefined;
  }

  private counts(): Record<string, number> | undefined {
    const out: Record<string, number> = {};
    for (const f of COUNT_FIELDS) {
      const given = this.one(`counts.${f}`);
      if (!given?.value) continue;
      const r = parseImportNumber(given.value, { decimal: this.cx.mapping.options.decimal, integer: true });
      if (!r.ok) {
        this.warn(given.column, `count_${r.problem.code}`, `${r.problem.message}: the count is left empty`);
        continue;
      }
      for (const w of r.warnings) this.warn(given.column, `count_${w.code}`, w.message);
      if (r.value < 0) {
        this.warn(given.column, 'count_negative', `the count is ${r.value} (a correction of an earlier record?): a count cannot be below zero, so it is left empty`);
        continue;
      }
      if (r.value > 1_000_000) {
        this.warn(given.column, 'count_too_large', 'the count is over 1,000,000: it is left empty');
        continue;
      }
      out[f] = r.value;
    }
    return Object.keys(out).length ? out : undefined;
  }

  private context(): string[] {
    const given = this.one('context');
    if (!given?.value) return [];
    const sep = this.cx.mapping.options.listSeparator;
    const codes = new Set<string>();
    for (const part of LIST_TARGETS.includes('context') ? given.value.split(sep) : [given.value]) {
      const code = this.code('context', given.column, part.trim());
      if (code) codes.add(code);
    }
    return [...codes];
  }

  private victim(): Record<string, unknown> | undefined {
    const given = this.one('victim');
    if (!given?.value) return undefined;
    let pseudonym = given.value.replace(/\s+/g, ' ');
    if (Array.from(pseudonym).length > PSEUDONYM_MAX) {
      this.warn(given.column, 'victim_shortened', `the name has more than ${PSEUDONYM_MAX} characters: it is cut`);
      pseudonym = Array.from(pseudonym).slice(0, PSEUDONYM_MAX).join('').trim();
    }
    const role = this.valueOf('victimRole');
    return { key: 'v1', actor: { kind: 'person', pseudonym, ...(role ? { role } : {}) } };
  }

  private act(victimKey: string | undefined): Record<string, unknown> | undefined {
    const kind = this.valueOf('act');
    const perp = this.one('perpetrator');
    const perpetrator = perp ? this.code('perpetrator', perp.column, perp.value) : undefined;
    if (!kind) {
      if (perpetrator) this.error(perp!.column, 'perpetrator_without_act', 'a perpetrator needs a kind of act: map a column to it or choose a default');
      return undefined;
    }
    return { kind, ...(victimKey ? { victimKey } : {}), ...(perpetrator ? { perpetrators: [{ perpetrator }] } : {}) };
  }
}
