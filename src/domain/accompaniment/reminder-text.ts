/**
 * The text of a hearing reminder (ADR 0024), in the person's language: only when to be ready and
 * where to meet — never the court, the kind of hearing, a case number or a name, because a phone
 * is shared, lost or taken. The time is the wall time at the meeting place.
 */
import { DateTime } from 'luxon';
import type { ReminderLang } from './person.js';

export interface ReminderFacts {
  /** the wall time to be ready ('YYYY-MM-DDTHH:mm' at the meeting place's zone) */
  local: string;
  /** the meeting place's public label in that language, or null when none is known */
  place: string | null;
}

const LOCALE: Record<ReminderLang, string> = { es: 'es-MX', en: 'en-US', fr: 'fr-FR', ht: 'fr-HT', pt: 'pt-BR' };

/** The day and time as a person reads them in their language ("sábado 14 de marzo, 04:00"). */
export function reminderWhen(local: string, lang: ReminderLang): { day: string; time: string } {
  const d = DateTime.fromFormat(local, "yyyy-MM-dd'T'HH:mm", { zone: 'UTC' });
  if (!d.isValid) return { day: local.slice(0, 10), time: local.slice(11, 16) };
  // Haitian Creole day names are not in every ICU build: the date in numbers is understood by all
  const day = lang === 'ht' ? d.toFormat('dd/MM/yyyy') : d.setLocale(LOCALE[lang]).toFormat(lang === 'en' ? 'cccc, LLLL d' : lang === 'fr' ? 'cccc d LLLL' : "cccc d 'de' LLLL");
  return { day, time: d.toFormat('HH:mm') };
}

const TEMPLATES: Record<ReminderLang, { withPlace: string; noPlace: string }> = {
  es: { withPlace: 'Recordatorio: esté listo/a el {day} a las {time} en {place}. Traiga sus papeles. Si no puede llegar, avísenos.', noPlace: 'Recordatorio: esté listo/a el {day} a las {time}. Traiga sus papeles. Si no puede llegar, avísenos.' },
  en: { withPlace: 'Reminder: be ready on {day} at {time} at {place}. Bring your papers. If you cannot come, let us know.', noPlace: 'Reminder: be ready on {day} at {time}. Bring your papers. If you cannot come, let us know.' },
  fr: { withPlace: 'Rappel : soyez prêt(e) le {day} à {time} à {place}. Apportez vos papiers. Si vous ne pouvez pas venir, prévenez-nous.', noPlace: 'Rappel : soyez prêt(e) le {day} à {time}. Apportez vos papiers. Si vous ne pouvez pas venir, prévenez-nous.' },
  ht: { withPlace: 'Rapèl: pare {day} a {time} nan {place}. Pote papye ou yo. Si ou pa ka vini, fè nou konnen.', noPlace: 'Rapèl: pare {day} a {time}. Pote papye ou yo. Si ou pa ka vini, fè nou konnen.' },
  pt: { withPlace: 'Lembrete: esteja pronto/a em {day} às {time} em {place}. Traga seus documentos. Se não puder vir, avise-nos.', noPlace: 'Lembrete: esteja pronto/a em {day} às {time}. Traga seus documentos. Se não puder vir, avise-nos.' },
};

/** The reminder's text: the day, the time and the meeting place, nothing else. */
export function reminderText(lang: ReminderLang, facts: ReminderFacts): string {
  const { day, time } = reminderWhen(facts.local, lang);
  const t = TEMPLATES[lang] ?? TEMPLATES.es;
  return (facts.place ? t.withPlace : t.noPlace).replace('{day}', day).replace('{time}', time).replace('{place}', facts.place ?? '');
}
