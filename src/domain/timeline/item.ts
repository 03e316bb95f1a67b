/**
 * What a person's or organisation's timeline holds: the incidents that affected them, the
 * interventions recorded in those incidents, and the protection measures they hold. Dates keep
 * the precision they were recorded with ("2019", "2019-07", "2019-07-23", approximate); nothing
 * identifying is part of an item (no names, contacts, private places, notes, references).
 */
import { z } from 'zod';

export const TIMELINE_ORDERS = ['desc', 'asc'] as const;
export type TimelineOrder = (typeof TIMELINE_ORDERS)[number];
export const timelineQuerySchema = z.object({ order: z.enum(TIMELINE_ORDERS).default('desc') }).strict();

/** A date as recorded: start (YYYY, YYYY-MM or YYYY-MM-DD), optional end, optionally approximate. */
export interface TimelineDate {
  start: string;
  end?: string;
  approximate?: boolean;
}

export interface PublicPlace {
  country?: string;
  state?: string;
  locality?: string;
  crossing?: string;
  routeSegment?: string;
}

interface ItemBase {
  /** unique within a timeline: "<type>:<id>" */
  key: string;
  date?: TimelineDate;
}

export interface IncidentItem extends ItemBase {
  type: 'incident';
  incidentId: string;
  ref: string;
  title: string;
  place: PublicPlace;
  status: string;
  /** the kinds of act against this person or organisation (not the other victims') */
  acts: string[];
}

export interface InterventionItem extends ItemBase {
  type: 'intervention';
  id: string;
  incidentId: string;
  ref: string;
  kind: string;
  outcome?: string;
  followUp?: string;
}

export interface MeasureItem extends ItemBase {
  type: 'measure';
  id: string;
  kind: string;
  status: string;
  granted?: string;
  expires?: string;
}

export type TimelineItem = IncidentItem | InterventionItem | MeasureItem;
export type TimelineItemType = TimelineItem['type'];
export const ITEM_TYPES: readonly TimelineItemType[] = ['incident', 'intervention', 'measure'];

export interface TimelineYear {
  year: string;
  /** items in this year, and how many of each type */
  count: number;
  counts: Record<TimelineItemType, number>;
  items: TimelineItem[];
}

export interface Timeline {
  order: TimelineOrder;
  total: number;
  /** years holding at least one item, in the timeline's order */
  years: TimelineYear[];
  /** items without a date, always last */
  undated: TimelineItem[];
}

/** A person's or organisation's timeline, with who it is about (pseudonym only). */
export interface ActorTimeline extends Timeline {
  actor: { id: string; kind: 'person' | 'organisation'; pseudonym: string };
}
