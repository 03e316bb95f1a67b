/**
 * What the duplicate use cases show of an incident (nothing identifying: the public place, the
 * title and the summary when not sealed, codes, pseudonyms, counts) and the facts they score it by.
 */
import type { DuplicateFacts } from '../../domain/duplicates/score.js';
import type { DuplicateIncident } from '../../domain/duplicates/view.js';
import type { DuplicateRow } from '../../store/repositories/duplicate-repository.js';
import { DuplicateRepository } from '../../store/repositories/duplicate-repository.js';
import type { Store } from '../../store/store.js';

export type { DuplicateIncident };

export function duplicates(store: Store): DuplicateRepository {
  return new DuplicateRepository(store.db, store.keys);
}

export function factsOf(r: DuplicateRow): DuplicateFacts {
  return { id: r.id, span: r.span, place: r.place, title: r.title, summary: r.summary, acts: r.acts, perpetrators: r.perpetrators, victims: r.victims };
}

export function presentRow(r: DuplicateRow, attached: { evidence: number; urgent: number } | undefined): DuplicateIncident {
  return {
    id: r.id, ref: r.ref, title: r.title,
    ...(r.summary !== undefined ? { summary: r.summary.length > 300 ? `${r.summary.slice(0, 299)}…` : r.summary } : {}),
    ...(r.date ? { date: r.date } : {}),
    place: r.place, status: r.status, confidentiality: r.confidentiality, version: r.version, acts: r.acts, perpetrators: r.perpetrators,
    ...(r.victims ? { victims: r.victims } : {}),
    moves: { victims: r.victims?.length ?? 0, acts: r.acts.length, sources: r.sources, interventions: r.interventions, evidence: attached?.evidence ?? 0, urgent: attached?.urgent ?? 0 },
  };
}
