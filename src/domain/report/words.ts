/** The report's own words in Spanish and English (vocabulary terms, countries and states come from their own labels). */
import type { Lang } from '../vocabulary/vocabulary.js';

const ES = {
  networkReport: 'Informe',
  period: 'Periodo',
  previousPeriod: 'Periodo anterior',
  generatedOn: 'Generado el',
  filters: 'Criterios',
  allIncidents: 'Todos los incidentes publicables del periodo',
  textSearch: 'una búsqueda por palabras (las palabras no se publican)',
  keyFigures: 'Cifras clave',
  incidents: 'Incidentes',
  victims: 'Víctimas (personas y organizaciones distintas)',
  change: 'Cambio',
  fewerThan: 'menos de {k}',
  notComparable: 'no comparable',
  charts: 'Gráficas',
  byAct: 'Incidentes por tipo de acto',
  byPerpetratorType: 'Incidentes por tipo de perpetrador',
  byCountry: 'Incidentes por país',
  overTime: 'Incidentes en el tiempo',
  byState: 'Incidentes por estado',
  mapNote: 'Los conteos del mapa, estado por estado.',
  mapTitle: 'Mapa: incidentes por estado en el periodo',
  mapNone: 'ninguno',
  value: 'Valor',
  before: 'Antes',
  recent: 'Periodo',
  bucket: 'Periodo',
  undated: 'Sin fecha suficiente para esta escala: {n}',
  chartNote: 'Cada barra lleva su número; la tabla da los mismos datos.',
  noData: 'Ningún incidente.',
  caseStudies: 'Casos',
  caseN: 'Caso {n}',
  when: 'Cuándo',
  where: 'Dónde',
  acts: 'Actos',
  perpetrators: 'Perpetradores',
  affected: 'Personas y organizaciones afectadas',
  testimonies: 'Testimonios',
  person: 'Persona',
  organisation: 'Organización',
  unknownPlace: 'lugar no publicado',
  unknownDate: 'fecha no publicada',
  approximate: 'aprox.',
  recommendations: 'Recomendaciones',
  to: 'A',
  methodology: 'Nota metodológica',
  m1: 'Se cuentan los incidentes registrados que pueden haber ocurrido en el periodo (una fecha incierta que abarca dos periodos cuenta en ambos), comparados con el periodo de la misma duración inmediatamente anterior. Un incidente cuenta una vez por cada valor que tiene (dos actos del mismo tipo cuentan una vez).',
  m2: 'Solo se incluyen incidentes con confidencialidad: {levels}. Los incidentes restringidos nunca se incluyen, ni en las cifras ni como casos.',
  m3: 'Los lugares se publican como mucho al nivel de estado (o municipio, si la configuración lo permite y es un municipio conocido); nunca direcciones ni puntos exactos. Las fechas se publican por mes, o por año para los actos más sensibles.',
  m4: 'Las víctimas se cuentan como personas y organizaciones distintas; un número menor que {k} no se publica. Las personas aparecen con seudónimo; las organizaciones, solo por su tipo.',
  m5: 'No se publican nombres reales, contactos, direcciones, personas perpetradoras identificadas, notas ni descripciones. Los testimonios se citan solo cuando la fuente dio su consentimiento para la publicación anónima.',
  m6: 'Cuando el título o el resumen de un caso contenía un dato identificativo, se omitió.',
  measures: 'Personas y organizaciones afectadas con medidas de protección vigentes, por tipo',
  accAttendance: 'Audiencias acompañadas: personas que se presentaron y que no',
  accOutcomes: 'Resultados de las audiencias acompañadas, por persona',
  accRoutes: 'Personas acompañadas por mes y ruta',
  accNote: 'Cuenta a cada persona citada (una familia, cada integrante). Las cifras menores que {k} no se muestran.',
  measuresNote: 'Cuenta a quienes sufrieron algún incidente del periodo y tienen una medida otorgada y vigente. Los tipos con menos de {k} no se muestran.',
  legendRecent: 'periodo del informe',
  workspace: 'Red',
  contents: 'Contenido',
} as const;

export type WordKey = keyof typeof ES;

const EN: Record<WordKey, string> = {
  networkReport: 'Report',
  period: 'Period',
  previousPeriod: 'Previous period',
  generatedOn: 'Generated on',
  filters: 'Criteria',
  allIncidents: 'All publishable incidents of the period',
  textSearch: 'a word search (the words are not published)',
  keyFigures: 'Key figures',
  incidents: 'Incidents',
  victims: 'Victims (distinct people and organisations)',
  change: 'Change',
  fewerThan: 'fewer than {k}',
  notComparable: 'not comparable',
  charts: 'Charts',
  byAct: 'Incidents by kind of act',
  byPerpetratorType: 'Incidents by type of perpetrator',
  byCountry: 'Incidents by country',
  overTime: 'Incidents over time',
  byState: 'Incidents by state',
  mapNote: 'The map\'s counts, state by state.',
  mapTitle: 'Map: incidents by state in the period',
  mapNone: 'none',
  value: 'Value',
  before: 'Before',
  recent: 'Period',
  bucket: 'Period',
  undated: 'Without a date precise enough for this scale: {n}',
  chartNote: 'Each bar carries its number; the table gives the same data.',
  noData: 'No incidents.',
  caseStudies: 'Case studies',
  caseN: 'Case {n}',
  when: 'When',
  where: 'Where',
  acts: 'Acts',
  perpetrators: 'Perpetrators',
  affected: 'People and organisations affected',
  testimonies: 'Testimonies',
  person: 'Person',
  organisation: 'Organisation',
  unknownPlace: 'place not published',
  unknownDate: 'date not published',
  approximate: 'approx.',
  recommendations: 'Recommendations',
  to: 'To',
  methodology: 'Methodology',
  m1: 'Counted: the recorded incidents that may have happened in the period (an uncertain date spanning two periods counts in both), compared with the period of the same length just before. An incident counts once per value it holds (two acts of one kind count once).',
  m2: 'Only incidents with confidentiality {levels} are included. Restricted incidents are never included, neither in the figures nor as case studies.',
  m3: 'Places are published at most at the level of the state (or of a known municipality, where the settings allow it); never addresses or exact points. Dates are published by month, or by year for the most sensitive acts.',
  m4: 'Victims are counted as distinct people and organisations; a number below {k} is not published. People appear under pseudonyms; organisations by their type only.',
  m5: 'No real names, contacts, addresses, identified perpetrators, notes or descriptions are published. Testimonies are quoted only when the source consented to anonymous publication.',
  m6: 'Where a case\'s title or summary held an identifying detail, it was left out.',
  measures: 'Affected people and organisations holding protection measures in force, by kind',
  accAttendance: 'Accompanied hearings: people who attended and who did not',
  accOutcomes: 'Outcomes of accompanied hearings, per person',
  accRoutes: 'People accompanied by month and route',
  accNote: 'Counts each person summoned (each member of a family). Figures below {k} are not shown.',
  measuresNote: 'Counts those affected by an incident of the period who hold a measure granted and in force. Kinds with fewer than {k} are not shown.',
  legendRecent: 'report period',
  workspace: 'Network',
  contents: 'Contents',
};

const MONTHS = {
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export function w(lang: Lang, key: WordKey, vars: Record<string, string | number> = {}): string {
  const s: string = lang === 'es' ? ES[key] : EN[key];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** "2024", "2024-03", "2024-03-14", "2024-Q1" in words. */
export function dateWords(d: string, lang: Lang): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(d);
  if (q) return lang === 'es' ? `T${q[2]} ${q[1]}` : `Q${q[2]} ${q[1]}`;
  const [y, m, day] = d.split('-');
  if (!m) return y!;
  const month = MONTHS[lang][Number(m) - 1] ?? m;
  if (!day) return lang === 'es' ? `${month} de ${y}` : `${month} ${y}`;
  return lang === 'es' ? `${Number(day)} de ${month} de ${y}` : `${Number(day)} ${month} ${y}`;
}

export function percentWords(p: number | null, lang: Lang): string {
  if (p === null) return w(lang, 'notComparable');
  const n = Math.abs(p).toLocaleString(lang === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: 1 });
  return `${p > 0 ? '+' : p < 0 ? '-' : ''}${n} %`;
}
