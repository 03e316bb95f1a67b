/**
 * What to remind each summoned person of (ADR 0024): when to be ready and where — the first leg
 * they ride on a run to the hearing (its departure at its place's zone), or else the hearing's
 * place and time to present oneself, or else only the hearing's start — in their reminder language,
 * and never the court, the kind of hearing, a case number or a name. Whether they have a phone is
 * read from their sealed identity here, server-side; the phone itself is only given to the sender.
 */
import type { Store } from '../../../store/store.js';
import type { HearingRecord } from '../../../store/repositories/accompaniment-repository.js';
import { placeOf } from '../../../domain/accompaniment/places.js';
import { toLocal } from '../../../domain/accompaniment/time.js';
import { reminderText } from '../../../domain/accompaniment/reminder-text.js';
import { REMINDER_LANGS, type ReminderLang } from '../../../domain/accompaniment/person.js';

export interface ReminderItem {
  hearingId: string; hearingRef: string; personId: string; personRef: string; pseudonym: string; lang: ReminderLang; startsAt: string; startsZone: string;
  meetAt: string | null; meetLocal: string | null; meetPlace: string | null; meetZone: string | null; message: string; hasPhone: boolean;
  lastReminder: { at: string; channel: 'webhook' | 'print'; status: string } | null;
}

/** The reminders of these hearings' people with attendance 'expected' (of `only`, 'hearingId/personId', when given), with the phone to send to. */
export async function reminderItems(store: Store, hearings: HearingRecord[], only?: Set<string>): Promise<(ReminderItem & { phone: string | null })[]> {
  const summoned = await store.accompaniment.summoned(hearings.map((h) => h.id));
  const pairs = hearings.flatMap((h) => (summoned.get(h.id) ?? [])
    .filter((s) => s.attendance === 'expected' && (!only || only.has(`${h.id}/${s.personId}`)))
    .map((s) => ({ h, personId: s.personId })));
  const people = await store.accompaniment.peopleByIds(pairs.map((p) => p.personId));
  const identities = await store.accompaniment.identities(pairs.map((p) => p.personId));
  const legs = new Map((await store.accompaniment.firstLegs(hearings.map((h) => h.id))).map((l) => [`${l.hearingId}/${l.personId}`, l]));
  const last = await store.accompaniment.lastReminders(hearings.map((h) => h.id));
  const items: (ReminderItem & { phone: string | null })[] = [];
  for (const { h, personId } of pairs) {
    const p = people.get(personId);
    if (!p) continue;
    const lang: ReminderLang = (REMINDER_LANGS as readonly string[]).includes(p.reminderLang) ? (p.reminderLang as ReminderLang) : 'es';
    const leg = legs.get(`${h.id}/${personId}`);
    const meet = leg ? { at: leg.departAt, zone: leg.fromZone, place: leg.fromPlace }
      : h.presentAt && h.presentZone ? { at: h.presentAt, zone: h.presentZone, place: h.presentPlace }
      : null;
    const place = meet?.place ? placeOf(meet.place) : undefined;
    const label = place ? (lang === 'en' ? place.en : place.es) : null;
    const local = meet ? toLocal(meet.at, meet.zone) : toLocal(h.startsAt, h.zone);
    const phone = identities.get(personId)?.phones?.find((x) => x.trim() !== '') ?? null;
    const l = last.get(`${h.id}/${personId}`);
    items.push({
      hearingId: h.id, hearingRef: h.ref, personId, personRef: p.ref, pseudonym: p.pseudonym, lang, startsAt: h.startsAt, startsZone: h.zone,
      meetAt: meet?.at ?? null, meetLocal: meet ? local : null, meetPlace: meet?.place ?? null, meetZone: meet?.zone ?? null,
      message: reminderText(lang, { local, place: label }), hasPhone: phone !== null, lastReminder: l ? { at: l.at, channel: l.channel, status: l.status } : null,
      phone,
    });
  }
  return items.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.pseudonym.localeCompare(b.pseudonym, 'es')));
}
