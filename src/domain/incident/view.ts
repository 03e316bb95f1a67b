/** An incident as the API returns it (before redaction by the presenter), and its input form. */
import type { IncidentInput } from './schema.js';
import type { ActorView } from '../actor/view.js';

type WithId<T> = Omit<T, 'id'> & { id: string };

export interface IncidentView extends Omit<IncidentInput, 'victims' | 'acts' | 'sources' | 'interventions'> {
  id: string;
  ref: string;
  version: number;
  orgId: string;
  victims: { key: string; actorId: string; actor: ActorView }[];
  acts: (WithId<Omit<IncidentInput['acts'][number], 'perpetrators'>> & { perpetrators: WithId<IncidentInput['acts'][number]['perpetrators'][number]>[] })[];
  sources: WithId<IncidentInput['sources'][number]>[];
  interventions: WithId<IncidentInput['interventions'][number]>[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** The input that would reproduce this incident (victims by reference). */
export function incidentToInput(v: IncidentView): IncidentInput {
  return {
    title: v.title,
    ...(v.summary !== undefined ? { summary: v.summary } : {}),
    ...(v.date !== undefined ? { date: v.date } : {}),
    place: v.place,
    ...(v.counts !== undefined ? { counts: v.counts } : {}),
    context: v.context,
    status: v.status,
    followUp: v.followUp,
    confidentiality: v.confidentiality,
    victims: v.victims.map((x) => ({ key: x.key, actorId: x.actorId })),
    acts: v.acts,
    sources: v.sources,
    interventions: v.interventions,
  };
}

export function incidentRef(seq: number): string {
  return `INC-${String(seq).padStart(6, '0')}`;
}
