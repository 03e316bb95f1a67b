/**
 * One row per incident for the CSV, XLSX and GeoJSON records exports: plain columns with codes and
 * their labels in the file's language. The identifying columns exist only when the exporter asked
 * for identifying values — the file's shape depends on the request, never on the data — and are
 * empty for an incident whose identifying values did not go out (projected away, project.ts).
 * A free-text column an admin marked identifying (the summary) is empty in the same way.
 */
import type { IncidentView } from '../incident/view.js';
import { COUNT_FIELDS } from '../incident/schema.js';
import type { Lang } from '../vocabulary/vocabulary.js';
import { list, type Cell } from './cells.js';
import { precisionWord, word, type ExportWords } from './words.js';

export const RECORD_COLUMNS = [
  'ref', 'id', 'title', 'summary', 'date_start', 'date_end', 'date_approximate',
  'country', 'country_name', 'state', 'state_name', 'locality', 'place_precision', 'place_precision_label',
  'route_segment', 'route_segment_label', 'crossing', 'crossing_name',
  'acts', 'acts_label', 'perpetrators', 'perpetrators_label', 'context', 'context_label',
  'victims', 'victim_count', ...COUNT_FIELDS,
  'status', 'status_label', 'follow_up', 'follow_up_label', 'confidentiality', 'confidentiality_label',
  'created_at', 'updated_at',
] as const;

export const IDENTIFYING_COLUMNS = [
  'victims_real_names', 'victims_contacts', 'victims_private_addresses', 'private_lat', 'private_lon', 'private_address', 'identified_perpetrators', 'testimonies',
] as const;

export type RecordColumn = (typeof RECORD_COLUMNS)[number] | (typeof IDENTIFYING_COLUMNS)[number];
export type RecordRow = Record<RecordColumn, Cell>;

const HEADERS_ES: Record<RecordColumn, string> = {
  ref: 'referencia', id: 'id', title: 'titulo', summary: 'resumen', date_start: 'fecha_inicio', date_end: 'fecha_fin', date_approximate: 'fecha_aproximada',
  country: 'pais', country_name: 'nombre_pais', state: 'estado', state_name: 'nombre_estado', locality: 'localidad', place_precision: 'precision_lugar',
  place_precision_label: 'precision_lugar_nombre', route_segment: 'tramo_ruta', route_segment_label: 'tramo_ruta_nombre', crossing: 'cruce', crossing_name: 'cruce_nombre',
  acts: 'actos', acts_label: 'actos_nombre', perpetrators: 'perpetradores', perpetrators_label: 'perpetradores_nombre', context: 'contexto', context_label: 'contexto_nombre',
  victims: 'victimas', victim_count: 'num_victimas',
  dead: 'personas_muertas', missing: 'personas_desaparecidas', survivors: 'sobrevivientes', women: 'mujeres', men: 'hombres', children: 'ninas_ninos',
  status: 'estado_verificacion', status_label: 'estado_verificacion_nombre', follow_up: 'seguimiento', follow_up_label: 'seguimiento_nombre',
  confidentiality: 'confidencialidad', confidentiality_label: 'confidencialidad_nombre', created_at: 'creado', updated_at: 'actualizado',
  victims_real_names: 'victimas_nombres_reales', victims_contacts: 'victimas_contactos', victims_private_addresses: 'victimas_direcciones_privadas',
  private_lat: 'lat_privada', private_lon: 'lon_privada', private_address: 'direccion_privada', identified_perpetrators: 'perpetradores_identificados', testimonies: 'testimonios',
};

/** The columns of a file, in order: the plain ones, then the identifying ones when asked for. */
export function recordColumns(identifying: boolean): RecordColumn[] {
  return identifying ? [...RECORD_COLUMNS, ...IDENTIFYING_COLUMNS] : [...RECORD_COLUMNS];
}

export function recordHeader(column: RecordColumn, lang: Lang): string {
  return lang === 'es' ? HEADERS_ES[column] : column;
}

const unique = (xs: string[]) => [...new Set(xs)];

/** "pseudonym: value" for each victim that has the value. */
function perVictim(v: IncidentView, key: 'realName' | 'contact' | 'privateAddress'): string | null {
  return list(v.victims.map((x) => (x.actor[key] !== undefined ? `${x.actor.pseudonym}: ${x.actor[key]}` : undefined)));
}

export function recordRow(v: IncidentView, w: ExportWords): RecordRow {
  const acts = v.acts.map((a) => a.kind);
  const perps = unique(v.acts.flatMap((a) => a.perpetrators.map((p) => p.perpetrator)));
  const priv = v.place.private;
  const counts = v.counts ?? {};
  const row: RecordRow = {
    ref: v.ref, id: v.id, title: v.title, summary: v.summary ?? null,
    date_start: v.date?.start ?? null, date_end: v.date?.end ?? null, date_approximate: v.date ? word(v.date.approximate ? 'yes' : 'no', w.lang) : null,
    country: v.place.country ?? null, country_name: v.place.country ? w.country(v.place.country) : null,
    state: v.place.state ?? null, state_name: v.place.state ? w.state(v.place.state) : null,
    locality: v.place.locality ?? null, place_precision: v.place.precision, place_precision_label: precisionWord(v.place.precision, w.lang),
    route_segment: v.place.routeSegment ?? null, route_segment_label: v.place.routeSegment ? w.term('route_segment', v.place.routeSegment) : null,
    crossing: v.place.crossing ?? null, crossing_name: v.place.crossing ? w.crossing(v.place.crossing) : null,
    acts: list(acts), acts_label: list(acts.map((c) => w.term('act', c))),
    perpetrators: list(perps), perpetrators_label: list(perps.map((c) => w.term('perpetrator', c))),
    context: list(v.context), context_label: list(v.context.map((c) => w.term('context', c))),
    victims: list(v.victims.map((x) => x.actor.pseudonym)), victim_count: v.victims.length,
    dead: counts.dead ?? null, missing: counts.missing ?? null, survivors: counts.survivors ?? null, women: counts.women ?? null, men: counts.men ?? null, children: counts.children ?? null,
    status: v.status, status_label: w.term('incident_status', v.status), follow_up: v.followUp, follow_up_label: w.term('follow_up', v.followUp),
    confidentiality: v.confidentiality, confidentiality_label: w.term('confidentiality', v.confidentiality),
    created_at: v.createdAt, updated_at: v.updatedAt,
    victims_real_names: perVictim(v, 'realName'), victims_contacts: perVictim(v, 'contact'), victims_private_addresses: perVictim(v, 'privateAddress'),
    private_lat: priv?.lat ?? null, private_lon: priv?.lon ?? null, private_address: priv?.address ?? null,
    identified_perpetrators: list(v.acts.flatMap((a) => a.perpetrators.map((p) => (p.identifiedIndividuals !== undefined ? `${w.term('perpetrator', p.perpetrator)}: ${p.identifiedIndividuals}` : undefined)))),
    testimonies: list(v.sources.map((s, i) => (s.testimony !== undefined ? `${s.pseudonym ?? `#${i + 1}`}: ${s.testimony}` : undefined)), '\n\n'),
  };
  return row;
}

/** The cells of a row in the order of `columns`. */
export function rowCells(row: RecordRow, columns: readonly RecordColumn[]): Cell[] {
  return columns.map((c) => row[c]);
}
