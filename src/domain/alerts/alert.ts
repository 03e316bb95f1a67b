/**
 * Alerts (ADR 0018): what they say and nothing more. A message carries a kind, a reference (the
 * case's or the check-in's, e.g. "URG-0007", "CHK-0003") and a link into the app — never a name,
 * a place, a title, a summary or any other recorded value. Everything a responder needs beyond
 * that they read after signing in.
 */
export const ALERT_KINDS = ['urgent_opened', 'step_overdue', 'checkin_missed', 'checkin_duress', 'checkin_late', 'measure_renewal', 'run_unmarked', 'run_missed', 'test'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_CHANNELS = ['app', 'email', 'webhook'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];
export type AlertLang = 'es' | 'en';

export interface AlertMessageInput {
  kind: AlertKind;
  ref: string;
  /** absolute when the workspace's address is set, else the app's path */
  link: string;
}

const LINES: Record<AlertKind, Record<AlertLang, string>> = {
  urgent_opened: { es: 'Se abrió el caso urgente {ref}.', en: 'Urgent case {ref} was opened.' },
  step_overdue: { es: 'Caso urgente {ref}: hay un paso vencido.', en: 'Urgent case {ref}: a step is overdue.' },
  checkin_missed: { es: 'No llegó a tiempo el registro {ref}.', en: 'Check-in {ref} was missed.' },
  checkin_duress: { es: 'Alerta silenciosa del registro {ref}. Actúa con discreción.', en: 'Silent alert from check-in {ref}. Act discreetly.' },
  checkin_late: { es: 'Llegó el registro {ref} después de la alerta.', en: 'Check-in {ref} came in after the alert.' },
  measure_renewal: { es: 'La medida de protección {ref} vence pronto.', en: 'Protection measure {ref} expires soon.' },
  run_unmarked: { es: 'Traslado {ref}: alguien no fue marcado a tiempo.', en: 'Run {ref}: someone was not marked in time.' },
  run_missed: { es: 'Traslado {ref}: alguien quedó marcado como ausente.', en: 'Run {ref}: someone was marked missed.' },
  test: { es: 'Prueba de las alertas de Bitácora ({ref}).', en: 'Bitácora alert test ({ref}).' },
};
const OPEN: Record<AlertLang, string> = { es: 'Ábrelo en Bitácora:', en: 'Open it in Bitácora:' };

/** The one line a person reads (the app, an e-mail, a chat bridge). */
export function alertText(m: AlertMessageInput, lang: AlertLang): string {
  return `${LINES[m.kind][lang].replace('{ref}', m.ref)} ${OPEN[lang]} ${m.link}`;
}

/** An e-mail's subject: the reference only. */
export function alertSubject(m: AlertMessageInput): string {
  return `Bitácora: ${m.ref}`;
}

/** The link of an alert: the workspace's address (when set) and the app's path of the case or plan. */
export function alertLink(baseUrl: string | undefined, path: string): string {
  return baseUrl ? `${baseUrl.replace(/\/+$/, '')}${path}` : path;
}

/** Delays between delivery attempts; after the last, the delivery is recorded as failed. */
export const RETRY_DELAYS_S = [30, 60, 120, 300, 900, 1800, 3600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_S.length + 1;

/** When to try again after `attempts` failed attempts; undefined when no attempt is left. */
export function nextAttemptAt(now: string, attempts: number): string | undefined {
  const delay = RETRY_DELAYS_S[attempts - 1];
  return delay === undefined ? undefined : new Date(Date.parse(now) + delay * 1000).toISOString();
}
