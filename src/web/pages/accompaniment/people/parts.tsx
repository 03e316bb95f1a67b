/** Small pieces the accompaniment pages share: the places list, needs as labelled badges, a time at its zone, the back link. */
import { useEffect, useState } from 'preact/hooks';
import { lang, t } from '../../../i18n/i18n';
import { Link } from '../../../router';
import { getPlaces, type AccPlace, type Need } from './api';
import { needName } from './words';
import { atZone } from './time';

/** The places (courts, ports, towns) with their zones; null until they come. */
export function usePlaces(): AccPlace[] | null {
  const [places, setPlaces] = useState<AccPlace[] | null>(null);
  useEffect(() => {
    let live = true;
    getPlaces().then(
      (p) => live && setPlaces(p),
      () => live && setPlaces([]),
    );
    return () => {
      live = false;
    };
  }, []);
  return places;
}

/** Needs as badges that say what they are (words, not colour). */
export function NeedBadges({ needs }: { needs: Need[] }) {
  if (!needs.length) return null;
  return (
    <ul class="chips acc-needs" aria-label={t('acc.people.needs')}>
      {needs.map((n) => (
        <li key={n} class="chip acc-need">
          {needName(n)}
        </li>
      ))}
    </ul>
  );
}

/** An instant at its place's zone, in a <time> element carrying the instant. */
export function ZoneTime({ at, zone }: { at: string; zone: string }) {
  return <time dateTime={at}>{atZone(at, zone, lang())}</time>;
}

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p class="back">
      <Link href={href}>← {label}</Link>
    </p>
  );
}

/** The hub's sections, for the pages below it. */
export function HubBack() {
  return <BackLink href="/accompaniment" label={t('acc.hub.back')} />;
}
