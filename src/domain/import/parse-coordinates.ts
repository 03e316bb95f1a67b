/**
 * Reads a point from spreadsheet cells: one "lat, lon" cell (parseImportCoordinates) or a latitude
 * column and a longitude column (parseCoordinatePair). Pure. Messages never quote a whole point,
 * since a precise place can identify a person or a shelter; they name what is wrong instead.
 *
 * Each value is decimal degrees ("16.9", "-92.1", "16.9°") or degrees, minutes and optionally
 * seconds ("16°54'N", "16°54'30\"N", "16°54.5'N", "16 54 0 N"; the symbols ° º ' ′ ’ " ″ ” '' all
 * read), with a hemisphere letter before or after: N, S, E, W, and O (oeste, Spanish for west).
 * A minus sign and S/W/O together are refused. Minutes and seconds must be below 60.
 *
 * One cell: the two values separated by ",", ";" or whitespace, with or without spaces, optionally
 * in ( ) or [ ]: "31.650259, -110.366453", "31.65,-110.36", "31.65 -110.36", "31.65;-110.36",
 * "16°54'N 92°06'W", "N16°54' W92°06'". Without hemisphere letters, degrees-minutes-seconds need
 * a "," or ";" between the two values. A decimal comma cannot be read in one cell — the comma is
 * taken to separate the values, so "16,9, -92,1" is refused ('decimal_comma'); "16,9" would read as
 * latitude 16, longitude 9. Two columns do accept a decimal comma ("16,9" and "-92,1").
 *
 * Order: hemisphere letters say which value is which (in two columns, a latitude column holding an
 * E/W value is a 'swapped' warning). Without letters the first is the latitude, unless it only makes
 * sense the other way round (|first| > 90 and |second| ≤ 90): then the two are exchanged with a
 * 'swapped' warning. Points that fit both ways ("-89.2, 13.7") are taken as written; outsideRegion
 * catches those.
 * Problems: 'empty' (nothing at all), 'incomplete' (one of the two missing), 'decimal_comma',
 * 'out_of_range' (|lat| > 90, |lon| > 180, minutes or seconds ≥ 60), 'unrecognised'.
 * Warnings: 'swapped', 'null_island' (0, 0: usually a placeholder for "no location").
 * Whether the point lies where the row says it does is regions.ts' outsideRegion.
 */
import { problem, type ImportWarning } from './import-warning.js';

export interface Point {
  lat: number;
  lon: number;
}

export type ImportPointResult =
  | { ok: true; point: Point; warnings: ImportWarning[] }
  | { ok: false; problem: ImportWarning };

type Axis = 'lat' | 'lon';
interface Value { value: number; axis?: Axis }
type Read = Value | { problem: ImportWarning };

const MAX_LENGTH = 100;
const LETTERS = 'NSEWO';

function normalise(text: string): string {
  return text
    .normalize('NFC')
    .trim()
    .toUpperCase()
    .replace(/º/g, '°')
    .replace(/[′’‘´`]/g, "'")
    .replace(/[″”“]|''/g, '"')
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, ' ');
}

function unrecognised(what: string): { problem: ImportWarning } {
  return { problem: { code: 'unrecognised', message: `${what} is not a coordinate this importer can read` } };
}

/** One latitude or longitude: decimal degrees or degrees-minutes-seconds, with an optional hemisphere letter. */
function readValue(text: string, what: string): Read {
  let s = text.trim();
  let axis: Axis | undefined;
  let sign = 1;
  const letter = /^([NSEWO])\s*(.+)$/.exec(s) ?? /^(.+?)\s*([NSEWO])$/.exec(s);
  if (letter) {
    const [l, rest] = /^[NSEWO]$/.test(letter[1]!) ? [letter[1]!, letter[2]!] : [letter[2]!, letter[1]!];
    axis = l === 'N' || l === 'S' ? 'lat' : 'lon';
    sign = l === 'S' || l === 'W' || l === 'O' ? -1 : 1;
    s = rest;
  }
  const signed = /^([+-])\s*(.*)$/.exec(s);
  if (signed) {
    if (letter && signed[1] === '-') return { problem: { code: 'unrecognised', message: `the ${what} has both a minus sign and a hemisphere letter` } };
    if (signed[1] === '-') sign = -1;
    s = signed[2]!;
  }
  const dd = /^(\d{1,3}(?:\.\d+)?)\s*°?$/.exec(s);
  const dm = /^(\d{1,3})\s*(?:°\s*|\s)(\d{1,2}(?:\.\d+)?)\s*'?$/.exec(s);
  const dms = /^(\d{1,3})\s*(?:°\s*|\s)(\d{1,2})\s*(?:'\s*|\s)(\d{1,2}(?:\.\d+)?)\s*"?$/.exec(s);
  const m = dd ?? dm ?? dms;
  if (!m) return unrecognised(`the ${what}`);
  const [deg, min = 0, sec = 0] = m.slice(1).filter((x) => x !== undefined).map(Number) as [number, number?, number?];
  if (min >= 60 || sec >= 60) return { problem: { code: 'out_of_range', message: `the ${what} has minutes or seconds of 60 or more` } };
  const value = sign * (deg + min / 60 + sec / 3600);
  return { value: value === 0 ? 0 : value, ...(axis ? { axis } : {}) };
}

function rangeProblem(axis: Axis, value: number): ImportWarning {
  const limit = axis === 'lat' ? 90 : 180;
  return { code: 'out_of_range', message: `${axis === 'lat' ? 'latitude' : 'longitude'} ${value} is outside -${limit} to ${limit}` };
}

/** Puts two read values in place: by their letters when they have them, else first = latitude unless only the other way makes sense. */
function place(first: Value, second: Value, fromColumns: boolean): ImportPointResult {
  const warnings: ImportWarning[] = [];
  let lat: number;
  let lon: number;
  if (first.axis || second.axis) {
    const firstAxis = first.axis ?? (second.axis === 'lat' ? 'lon' : 'lat');
    const secondAxis = second.axis ?? (firstAxis === 'lat' ? 'lon' : 'lat');
    if (firstAxis === secondAxis) return problem('unrecognised', `both values are marked as ${firstAxis === 'lat' ? 'latitudes (N/S)' : 'longitudes (E/W)'}`);
    [lat, lon] = firstAxis === 'lat' ? [first.value, second.value] : [second.value, first.value];
    if (firstAxis === 'lon' && fromColumns) warnings.push({ code: 'swapped', message: 'the latitude column holds a longitude (its hemisphere letter says so): the two were exchanged' });
  } else {
    [lat, lon] = [first.value, second.value];
    if (Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90) {
      [lat, lon] = [lon, lat];
      warnings.push({ code: 'swapped', message: 'the first value is above 90, so it cannot be a latitude: latitude and longitude were exchanged' });
    }
  }
  if (Math.abs(lat) > 90) return { ok: false, problem: rangeProblem('lat', lat) };
  if (Math.abs(lon) > 180) return { ok: false, problem: rangeProblem('lon', lon) };
  if (lat === 0 && lon === 0) warnings.push({ code: 'null_island', message: '0, 0 is in the sea off West Africa and is usually a placeholder for "no location"' });
  return { ok: true, point: { lat, lon }, warnings };
}

function both(a: Read, b: Read, fromColumns: boolean): ImportPointResult {
  if ('problem' in a) return { ok: false, problem: a.problem };
  if ('problem' in b) return { ok: false, problem: b.problem };
  return place(a, b, fromColumns);
}

/** The two halves of one "lat, lon" cell, or a problem. */
function split(s: string): [string, string] | { problem: ImportWarning } {
  const trailing = new RegExp(`^([^${LETTERS}]+[${LETTERS}])\\s*[,;]?\\s*([^${LETTERS}]+[${LETTERS}])$`).exec(s);
  const leading = new RegExp(`^([${LETTERS}][^${LETTERS}]+?)\\s*[,;]?\\s*([${LETTERS}][^${LETTERS}]+)$`).exec(s);
  const lettered = trailing ?? leading;
  if (lettered) return [lettered[1]!.replace(/[,;\s]+$/, ''), lettered[2]!.replace(/^[,;\s]+/, '')];
  const decimalComma = { problem: { code: 'decimal_comma', message: 'decimal commas cannot be read in one "lat, lon" cell, where the comma separates latitude from longitude: use points (16.9, -92.1) or two columns' } };
  const semicolons = s.split(';');
  if (semicolons.length === 2) return semicolons.some((p) => p.includes(',')) ? decimalComma : [semicolons[0]!, semicolons[1]!];
  if (semicolons.length > 2) return unrecognised('the text');
  const commas = s.split(',');
  if (commas.length === 2) return [commas[0]!, commas[1]!];
  if (commas.length > 2) return /\d,\d/.test(s) ? decimalComma : unrecognised('the text');
  const words = s.split(' ');
  if (words.length === 2) return [words[0]!, words[1]!];
  return { problem: { code: 'unrecognised', message: 'the text is not two coordinates: separate latitude and longitude with a comma' } };
}

/** One cell holding both values: "lat, lon", "lat lon", "lat;lon", "16°54'N 92°06'W". */
export function parseImportCoordinates(text: string): ImportPointResult {
  if (!text.trim()) return problem('empty', 'the coordinates are empty');
  if (text.length > MAX_LENGTH) return problem('unrecognised', 'the coordinates are too long to read');
  const s = normalise(text).replace(/^\((.*)\)$|^\[(.*)\]$/, '$1$2').trim();
  const halves = split(s);
  if ('problem' in halves) return { ok: false, problem: halves.problem };
  return both(readValue(halves[0], 'first value'), readValue(halves[1], 'second value'), false);
}

/** A latitude column and a longitude column; a decimal comma is read in each. */
export function parseCoordinatePair(lat: string, lon: string): ImportPointResult {
  const [a, b] = [lat.trim(), lon.trim()];
  if (!a && !b) return problem('empty', 'the coordinates are empty');
  if (!a || !b) return problem('incomplete', `the ${a ? 'longitude' : 'latitude'} is empty`);
  if (a.length > MAX_LENGTH || b.length > MAX_LENGTH) return problem('unrecognised', 'the coordinates are too long to read');
  const comma = (v: string) => (/^[^,]*\d,\d+[^,]*$/.test(v) ? v.replace(',', '.') : v);
  return both(readValue(comma(normalise(a)), 'latitude'), readValue(comma(normalise(b)), 'longitude'), true);
}
