/** One incident in a list: title, date as recorded, public place (crossing and route segment too), kinds of act, status. */
import { t } from '../i18n/i18n';
import { Link } from '../router';
import { fuzzyDate, placeText } from '../lib/format';
import type { Places } from '../types';
import type { Vocab } from '../lib/vocab';

export interface CardData {
  id: string;
  ref: string;
  title: string;
  excerpt?: string | undefined;
  date?: { start: string; end?: string; approximate?: boolean } | undefined;
  place: { country?: string | null; state?: string | null; locality?: string | null; crossing?: string | null; routeSegment?: string | null };
  status: string;
  acts: string[];
}

export function IncidentCard({ hit, vocab, places, headingLevel = 2 }: { hit: CardData; vocab: Vocab; places: Places | null; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const date = fuzzyDate(hit.date);
  const place = placeText(places, hit.place, vocab);
  return (
    <li class="card incident-card">
      <H class="card-title">
        <Link href={`/incidents/${hit.id}`}>{hit.title}</Link>
      </H>
      <p class="meta">
        <span>{date || t('incident.noDate')}</span>
        <span aria-hidden="true"> · </span>
        <span>{place || t('incident.noPlace')}</span>
      </p>
      {hit.excerpt && <p class="excerpt">{hit.excerpt}</p>}
      <div class="card-foot">
        {hit.acts.length > 0 && (
          <ul class="chips" aria-label={t('incident.actsLabel')}>
            {hit.acts.slice(0, 4).map((a) => (
              <li class="chip" key={a}>
                {vocab.label('act', a)}
              </li>
            ))}
            {hit.acts.length > 4 && <li class="chip chip-more">{t('incident.moreActs', { count: hit.acts.length - 4 })}</li>}
          </ul>
        )}
        <span class={`status status-${hit.status}`}>
          <span class="sr-only">{t('incident.statusLabel')}: </span>
          {vocab.label('incident_status', hit.status)}
        </span>
        <span class="ref">{hit.ref}</span>
      </div>
    </li>
  );
}
