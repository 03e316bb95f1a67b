/**
 * A first guess at what each column of a table is, from its header, in Spanish or English ("Fecha",
 * "Incident Date", "Lugar", "Coordinates", "Número de muertos" …). Only a suggestion: the person
 * confirms the mapping before anything is read as data. Each target is suggested for one column at
 * most (the first whose header matches best), except the text targets.
 */
import { foldName } from '../places/gazetteer.js';
import { MULTI_COLUMN_TARGETS, type ImportTarget } from './mapping.js';

/** Folded header words per target, most specific first (a header matches a target when it equals or contains one). */
const SYNONYMS: [ImportTarget, string[]][] = [
  ['externalId', ['main id', 'incident id', 'id', 'folio', 'numero de caso', 'case number', 'record id', 'referencia', 'reference']],
  ['counts.dead', ['number dead', 'dead', 'muertos', 'fallecidos', 'numero de muertos', 'personas fallecidas', 'deaths', 'fatalities']],
  ['counts.missing', ['minimum estimated number of missing', 'missing', 'desaparecidos', 'personas desaparecidas']],
  ['counts.survivors', ['number of survivors', 'survivors', 'sobrevivientes']],
  ['counts.women', ['number of females', 'females', 'women', 'mujeres']],
  ['counts.men', ['number of males', 'males', 'men', 'hombres']],
  ['counts.children', ['number of children', 'children', 'ninos', 'ninas', 'menores', 'ninas y ninos']],
  ['dateEnd', ['end date', 'fecha de fin', 'fecha final', 'hasta']],
  ['date', ['incident date', 'date', 'fecha', 'fecha del incidente', 'fecha de los hechos', 'cuando']],
  ['year', ['year', 'ano', 'anio']],
  ['month', ['reported month', 'month', 'mes']],
  ['coordinates', ['coordinates', 'coordenadas', 'coords', 'ubicacion gps', 'gps']],
  ['latitude', ['latitude', 'latitud', 'lat']],
  ['longitude', ['longitude', 'longitud', 'lon', 'lng', 'long']],
  ['region', ['region', 'region of incident']],
  ['routeSegment', ['migration route', 'migrantion route', 'route', 'ruta', 'tramo', 'tramo de la ruta']],
  ['crossing', ['crossing', 'port of entry', 'garita', 'cruce', 'puerto de entrada']],
  ['country', ['country', 'pais']],
  ['state', ['state', 'estado', 'departamento', 'province', 'provincia', 'entidad', 'entidad federativa']],
  ['locality', ['city', 'town', 'ciudad', 'localidad', 'municipio', 'municipality', 'poblado']],
  ['place', ['location', 'place', 'lugar', 'sitio', 'location of death', 'ubicacion', 'donde']],
  ['act', ['cause of death', 'type of act', 'act', 'tipo de agresion', 'agresion', 'tipo de acto', 'tipo de incidente', 'hecho', 'violation', 'violacion', 'tipo']],
  ['perpetrator', ['perpetrator', 'perpetrador', 'agresor', 'responsable', 'presunto responsable', 'autoridad']],
  ['context', ['context', 'contexto', 'etiquetas', 'tags']],
  ['status', ['verification', 'verificacion', 'estatus de verificacion', 'status', 'estatus']],
  ['followUp', ['follow up', 'seguimiento']],
  ['confidentiality', ['confidentiality', 'confidencialidad']],
  ['victimRole', ['victim role', 'perfil', 'perfil de la victima', 'rol']],
  ['victim', ['victim', 'victima', 'persona afectada', 'afectado', 'afectada']],
  ['title', ['title', 'titulo', 'name', 'nombre del caso', 'asunto', 'que paso']],
  ['summary', ['summary', 'resumen', 'description', 'descripcion', 'narrative', 'narrativa', 'relato', 'information source', 'fuente', 'source', 'notes', 'notas', 'observaciones']],
];

export function suggestTargets(header: readonly string[]): Record<string, ImportTarget> {
  const out: Record<string, ImportTarget> = {};
  const taken = new Set<ImportTarget>();
  const folded = header.map((h) => foldName(h));
  // exact matches first, then headers that contain a synonym as whole words
  for (const exact of [true, false]) {
    for (const [target, words] of SYNONYMS) {
      if (taken.has(target) && !MULTI_COLUMN_TARGETS.includes(target)) continue;
      for (const [i, h] of folded.entries()) {
        if (out[header[i]!] !== undefined || !h) continue;
        const hit = words.some((w) => (exact ? h === w : ` ${h} `.includes(` ${w} `) && w.length > 2));
        if (!hit) continue;
        out[header[i]!] = target;
        taken.add(target);
        if (!MULTI_COLUMN_TARGETS.includes(target)) break;
      }
    }
  }
  return out;
}
