/** Words for accompaniment codes where the server writes them (reports); the web app has the same in its catalogues. */
import type { HearingOutcome } from './hearing.js';
import { placeOf } from './places.js';

type Lang = 'es' | 'en';

export const OUTCOME_WORDS: Record<HearingOutcome, Record<Lang, string>> = {
  continued: { es: 'Audiencia aplazada', en: 'Continued' },
  relief_granted: { es: 'Protección concedida', en: 'Relief granted' },
  asylum_granted: { es: 'Asilo concedido', en: 'Asylum granted' },
  withholding_granted: { es: 'Suspensión de la deportación concedida', en: 'Withholding of removal granted' },
  removal_ordered: { es: 'Orden de deportación', en: 'Removal ordered' },
  removal_in_absentia: { es: 'Orden de deportación en ausencia', en: 'Removal ordered in absentia' },
  voluntary_departure: { es: 'Salida voluntaria', en: 'Voluntary departure' },
  case_terminated: { es: 'Caso terminado', en: 'Case terminated' },
  case_dismissed: { es: 'Caso desestimado', en: 'Case dismissed' },
  transferred_to_us_custody: { es: 'Bajo custodia en EE. UU.', en: 'Taken into US custody' },
  returned_to_mexico: { es: 'Devuelto a México', en: 'Returned to Mexico' },
  other: { es: 'Otro resultado', en: 'Other outcome' },
};

export const ATTENDANCE_WORDS: Record<'presented' | 'missed' | 'excused', Record<Lang, string>> = {
  presented: { es: 'Se presentaron', en: 'Attended' },
  missed: { es: 'No se presentaron', en: 'Missed' },
  excused: { es: 'Dispensados', en: 'Excused' },
};

export function outcomeWords(code: string, lang: Lang): string {
  return (OUTCOME_WORDS as Record<string, Record<Lang, string>>)[code]?.[lang] ?? code;
}

export function placeWords(code: string, lang: Lang): string {
  return placeOf(code)?.[lang] ?? code;
}
