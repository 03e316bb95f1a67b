/**
 * Words of the open-data files in Spanish and English: column names, yes/no, precisions and the
 * few values that are not vocabulary terms. Vocabulary terms come from the vocabularies (Labeller).
 */
import type { Lang } from '../vocabulary/vocabulary.js';

/** Labels of codes: vocabulary terms, countries and states, in the export's language. */
export interface Labeller {
  lang: Lang;
  term(scheme: string, code: string): string;
  country(code: string): string;
  state(code: string): string;
}

export const INCIDENT_COLUMNS = ['row', 'date', 'date_end', 'date_precision', 'approximate', 'country', 'country_name', 'state', 'state_name', 'municipality', 'place_precision',
  'acts', 'acts_label', 'perpetrators', 'perpetrators_label', 'context', 'context_label', 'status', 'status_label', 'follow_up', 'follow_up_label'] as const;
export const VICTIM_COLUMNS = ['year', 'country', 'country_name', 'state', 'state_name', 'municipality', 'place_precision', 'dimension', 'value', 'value_label', 'victims', 'suppressed'] as const;

const HEADERS_ES: Record<string, string> = {
  row: 'fila', date: 'fecha', date_end: 'fecha_fin', date_precision: 'precision_fecha', approximate: 'aproximada', country: 'pais', country_name: 'nombre_pais',
  state: 'estado', state_name: 'nombre_estado', municipality: 'municipio', place_precision: 'precision_lugar', acts: 'actos', acts_label: 'actos_nombre',
  perpetrators: 'perpetradores', perpetrators_label: 'perpetradores_nombre', context: 'contexto', context_label: 'contexto_nombre', status: 'estado_verificacion',
  status_label: 'estado_verificacion_nombre', follow_up: 'seguimiento', follow_up_label: 'seguimiento_nombre', year: 'anio', dimension: 'dimension', value: 'valor',
  value_label: 'valor_nombre', victims: 'victimas', suppressed: 'suprimido',
};

export function header(column: string, lang: Lang): string {
  return lang === 'es' ? (HEADERS_ES[column] ?? column) : column;
}

const WORDS = {
  es: { yes: 'sí', no: 'no', unknown: 'desconocida', country: 'país', state: 'estado', municipality: 'municipio', month: 'mes', year: 'año', not_recorded: 'no registrado', person: 'persona', organisation: 'organización', all: 'todas' },
  en: { yes: 'yes', no: 'no', unknown: 'unknown', country: 'country', state: 'state', municipality: 'municipality', month: 'month', year: 'year', not_recorded: 'not recorded', person: 'person', organisation: 'organisation', all: 'all' },
} as const;
export type Word = keyof (typeof WORDS)['en'];

export function word(w: Word, lang: Lang): string {
  return WORDS[lang][w];
}

/** Vocabulary scheme of each victim dimension (kind has none: person / organisation). */
export const DIMENSION_SCHEME = { role: 'victim_role', gender: 'gender_identity', lgbti: 'lgbti', migrationStatus: 'migration_status', act: 'act' } as const;
export const DIMENSION_NAME: Record<string, string> = { kind: 'victim_kind', role: 'role', gender: 'gender_identity', lgbti: 'lgbti', migrationStatus: 'migration_status', act: 'act', total: 'total' };
