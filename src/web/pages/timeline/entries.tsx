/**
 * One entry of a timeline: an incident (date as recorded, public place, kinds of act, status, a link
 * to it), an intervention (kind, date, outcome, follow-up, the incident it belongs to) or a protection
 * measure (kind, status, granted, expires). The kind of entry is written out, never told by colour.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/i18n';
import { Link } from '../../router';
import { useAppState } from '../../state';
import { fuzzyDate, partialDate, placeText } from '../../lib/format';
import type { FuzzyDate } from '../../types';
import type { IncidentItem, InterventionItem, MeasureItem, TimelineItem } from '../../../domain/timeline/item';

/** A date as recorded ("julio de 2019", "aprox. 2019"), machine-readable in <time>. */
export function When({ date }: { date: FuzzyDate | undefined }) {
  if (!date?.start) return <span>{t('incident.noDate')}</span>;
  return <time dateTime={date.start}>{fuzzyDate(date)}</time>;
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  if (children === undefined || children === null || children === '') return null;
  return (
    <span>
      {label}: {children}
    </span>
  );
}

export interface IncidentEntryData {
  incidentId: string;
  ref: string;
  title: string;
  date?: FuzzyDate | undefined;
  place: IncidentItem['place'];
  status: string;
  acts: string[];
}

export function IncidentEntry({ x, actsLabel, headingLevel = 3 }: { x: IncidentEntryData; actsLabel: string; headingLevel?: 3 | 4 }) {
  const { vocab, places } = useAppState();
  if (!vocab) return null;
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <li class="tl-entry tl-incident">
      <p class="tl-kind">
        <span class="tl-type">{t('timeline.type.incident')}</span> · <When date={x.date} />
      </p>
      <H class="card-title">
        <Link href={`/incidents/${x.incidentId}`}>{x.title}</Link>
      </H>
      <p class="meta">
        <span>{placeText(places, x.place, vocab) || t('incident.noPlace')}</span>
        <span class="ref">{x.ref}</span>
      </p>
      <div class="card-foot">
        {x.acts.length > 0 && (
          <ul class="chips" aria-label={actsLabel}>
            {x.acts.map((a) => (
              <li class="chip" key={a}>
                {vocab.label('act', a)}
              </li>
            ))}
          </ul>
        )}
        <span class={`status status-${x.status}`}>
          <span class="sr-only">{t('incident.statusLabel')}: </span>
          {vocab.label('incident_status', x.status)}
        </span>
      </div>
    </li>
  );
}

function InterventionEntry({ x }: { x: InterventionItem }) {
  const { vocab } = useAppState();
  if (!vocab) return null;
  return (
    <li class="tl-entry tl-intervention">
      <p class="tl-kind">
        <span class="tl-type">{t('timeline.type.intervention')}</span> · <When date={x.date} />
      </p>
      <h3 class="card-title">{vocab.label('intervention_kind', x.kind)}</h3>
      <p class="meta">
        <Fact label={t('timeline.outcome')}>{x.outcome ? vocab.label('intervention_outcome', x.outcome) : undefined}</Fact>
        <Fact label={t('timeline.followUp')}>{x.followUp ? vocab.label('follow_up', x.followUp) : undefined}</Fact>
        <Link href={`/incidents/${x.incidentId}`}>{t('timeline.inIncident', { ref: x.ref })}</Link>
      </p>
    </li>
  );
}

function MeasureEntry({ x }: { x: MeasureItem }) {
  const { vocab } = useAppState();
  if (!vocab) return null;
  return (
    <li class="tl-entry tl-measure">
      <p class="tl-kind">
        <span class="tl-type">{t('timeline.type.measure')}</span> · <When date={x.date} />
      </p>
      <h3 class="card-title">{vocab.label('protection_kind', x.kind)}</h3>
      <p class="meta">
        <Fact label={t('field.status')}>{vocab.label('protection_status', x.status)}</Fact>
        <Fact label={t('field.granted')}>{x.granted ? <time dateTime={x.granted}>{partialDate(x.granted)}</time> : undefined}</Fact>
        <Fact label={t('field.expires')}>{x.expires ? <time dateTime={x.expires}>{partialDate(x.expires)}</time> : undefined}</Fact>
      </p>
    </li>
  );
}

export function Entry({ x }: { x: TimelineItem }) {
  if (x.type === 'incident') return <IncidentEntry x={x} actsLabel={t('timeline.actsAgainst')} />;
  if (x.type === 'intervention') return <InterventionEntry x={x} />;
  return <MeasureEntry x={x} />;
}

/** Newest or oldest first: two pressed/unpressed buttons (the state is said, not only shown). */
export function OrderToggle({ order, onOrder }: { order: 'desc' | 'asc'; onOrder: (o: 'desc' | 'asc') => void }) {
  return (
    <div class="tl-order" role="group" aria-label={t('timeline.order')}>
      {(['desc', 'asc'] as const).map((o) => (
        <button type="button" key={o} class={`btn ${order === o ? 'btn-primary' : ''}`} aria-pressed={order === o} onClick={() => onOrder(o)}>
          {o === 'desc' ? t('timeline.newestFirst') : t('timeline.oldestFirst')}
        </button>
      ))}
    </div>
  );
}
