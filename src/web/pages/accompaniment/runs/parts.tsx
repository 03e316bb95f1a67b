/** Pieces the run pages share: a leg's times at its places' zones, needs badges, flags in words, the places list. */
import { useEffect, useState } from 'preact/hooks';
import { lang, t } from '../../../i18n/i18n';
import { Link } from '../../../router';
import { loadPlaces, type Flag, type LegView, type Need, type Place, type RunStatus } from './api';
import { clockAt, clockChange, zoneName } from './time';
import { flagText, needName, placeName, statusName } from './words';

/** The places list (fetched once per session); null until it arrives (codes are shown meanwhile). */
export function usePlaces(): Place[] | null {
  const [places, setPlaces] = useState<Place[] | null>(null);
  useEffect(() => {
    loadPlaces().then(setPlaces, () => setPlaces([]));
  }, []);
  return places;
}

/** "sale 23:10 (hora de Mexicali, PST) — llega 01:50 (hora de Tijuana, PST)" */
export function legTimesText(
  places: Place[] | null,
  l: { from: string; to: string; fromZone: string; toZone: string; departAt: string; arriveAt: string },
): string {
  return t('acc.runs.legTimes', {
    depart: clockAt(l.departAt, l.fromZone, lang()),
    from: placeName(places, l.from),
    fromZone: zoneName(l.departAt, l.fromZone),
    arrive: clockAt(l.arriveAt, l.toZone, lang()),
    to: placeName(places, l.to),
    toZone: zoneName(l.arriveAt, l.toZone),
  });
}

/** The clock changes a run's legs go through, as sentences (none most nights). */
export function clockNotes(places: Place[] | null, legs: { from: string; to: string; fromZone: string; toZone: string; departAt: string; arriveAt: string }[]): string[] {
  if (!legs.length) return [];
  const first = legs[0]!.departAt;
  const last = legs[legs.length - 1]!.arriveAt;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const l of legs) {
    for (const [zone, place] of [
      [l.fromZone, l.from],
      [l.toZone, l.to],
    ] as const) {
      if (seen.has(zone)) continue;
      seen.add(zone);
      const c = clockChange(first, last, zone);
      if (c) out.push(t('acc.runs.clockChange', { place: placeName(places, place), before: c.before, after: c.after }));
    }
  }
  return out;
}

export function ClockNotes({ notes }: { notes: string[] }) {
  if (!notes.length) return null;
  return (
    <div class="alert alert-warning runs-clock" role="note">
      {notes.map((n) => (
        <p key={n}>
          <span aria-hidden="true">⚠ </span>
          {n}
        </p>
      ))}
    </div>
  );
}

export function NeedBadges({ needs }: { needs: Need[] }) {
  if (!needs.length) return null;
  return (
    <ul class="runs-needs" aria-label={t('acc.runs.needs')}>
      {needs.map((n) => (
        <li key={n} class="runs-need">
          {needName(n)}
        </li>
      ))}
    </ul>
  );
}

export function StatusBadge({ status }: { status: RunStatus }) {
  return <span class={`runs-status runs-status-${status}`}>{statusName(status)}</span>;
}

/** Flags in words, with a sign, each linking to what it is about (run, hearing or person) with its reference. */
export function FlagList({ flags, refs, id }: { flags: Flag[]; refs: Map<string, string>; id?: string }) {
  if (!flags.length) return <p class="muted">{t('acc.plan.noFlags')}</p>;
  return (
    <ul class="runs-flags" id={id}>
      {flags.map((f, i) => {
        const links: { href: string; text: string }[] = [];
        if (f.runId) links.push({ href: `/accompaniment/runs/${f.runId}`, text: refs.get(f.runId) ?? t('acc.plan.theRun') });
        if (f.hearingId) links.push({ href: `/accompaniment/hearings/${f.hearingId}`, text: refs.get(f.hearingId) ?? t('acc.plan.theHearing') });
        if (f.personId) links.push({ href: `/accompaniment/people/${f.personId}`, text: refs.get(f.personId) ?? t('acc.plan.thePerson') });
        return (
          <li key={`${f.code}-${i}`} class="runs-flag">
            <span class="runs-flag-sign" aria-hidden="true">
              ⚠
            </span>{' '}
            <span class="runs-flag-text">{flagText(f.code)}</span>
            {links.map((l) => (
              <span key={l.href}>
                {' · '}
                <Link href={l.href}>{l.text}</Link>
              </span>
            ))}
          </li>
        );
      })}
    </ul>
  );
}

/** "3 de 5 marcados" */
export function settledCount(leg: LegView): { done: number; total: number } {
  return { done: leg.passengers.filter((p) => p.mark !== 'pending' && p.mark !== 'picked_up').length, total: leg.passengers.length };
}
