/**
 * The text the full-text index holds for one incident: title, summary, public place names,
 * vocabulary labels in both languages (so "threat" finds "amenaza"), pseudonyms and the reference.
 * Identifying fields (real names, contacts, private places, testimonies, named perpetrators)
 * are deliberately left out.
 */
import type { IncidentView } from './view.js';
import type { VocabularyIndex } from '../vocabulary/vocabulary.js';
import { countryName, stateByCode, crossingByCode } from '../places/places.js';
import { NONE_MARKED, type Marked } from './identifying.js';

/** `marked`: the free-text fields the workspace treats as identifying (left out of the index too). */
export function incidentSearchText(v: IncidentView, vocab: VocabularyIndex, marked: Marked = NONE_MARKED): { title: string; body: string } {
  const parts: string[] = [v.ref];
  if (v.summary && !marked.has('summary')) parts.push(v.summary);
  const p = v.place;
  if (p.locality) parts.push(p.locality);
  if (p.country) parts.push(countryName(p.country, 'es'), countryName(p.country, 'en'));
  if (p.state) { const s = stateByCode(p.state); if (s) parts.push(s.name.es, s.name.en); }
  if (p.crossing) { const c = crossingByCode(p.crossing); if (c) parts.push(c.name.es, c.name.en); }
  if (p.routeSegment) parts.push(...vocab.searchLabels('route_segment', p.routeSegment));
  for (const c of v.context) parts.push(...vocab.searchLabels('context', c));
  for (const vic of v.victims) {
    parts.push(vic.actor.pseudonym);
    if (vic.actor.role) parts.push(...vocab.searchLabels('victim_role', vic.actor.role));
    if (vic.actor.orgType) parts.push(...vocab.searchLabels('org_type', vic.actor.orgType));
  }
  for (const a of v.acts) {
    parts.push(...vocab.searchLabels('act', a.kind));
    if (a.description && !marked.has('acts.description')) parts.push(a.description);
    for (const c of a.consequences) parts.push(...vocab.searchLabels('consequence', c));
    for (const per of a.perpetrators) {
      parts.push(...vocab.searchLabels('perpetrator', per.perpetrator));
      if (per.description && !marked.has('perpetrators.description')) parts.push(per.description);
    }
  }
  for (const i of v.interventions) parts.push(...vocab.searchLabels('intervention_kind', i.kind));
  return { title: v.title, body: [...new Set(parts)].join('\n') };
}
