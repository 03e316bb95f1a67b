import { describe, it, expect } from 'vitest';
import file from './vocabularies.json' with { type: 'json' };
import { vocabularyFileSchema, flattenVocabularyFile, VocabularyIndex, codeSegmentFromLabel } from './vocabulary.js';

const parsed = vocabularyFileSchema.parse(file);
const { schemes, terms } = flattenVocabularyFile(parsed);
const index = new VocabularyIndex(schemes, terms);

describe('shipped vocabularies', () => {
  it('cover every scheme the model uses, in both languages', () => {
    for (const id of ['act', 'perpetrator', 'involvement_degree', 'victim_role', 'gender_identity', 'lgbti', 'migration_status', 'age_group', 'org_type', 'context', 'route_segment', 'act_method', 'consequence', 'source_kind', 'source_method', 'reliability', 'consent_use', 'consent_value', 'intervention_kind', 'intervention_outcome', 'follow_up', 'protection_kind', 'protection_status', 'incident_status', 'confidentiality']) {
      expect(schemes.some((s) => s.id === id), id).toBe(true);
      expect(index.inScheme(id).length, id).toBeGreaterThan(1);
    }
    for (const t of terms) {
      expect(t.label.es.trim().length).toBeGreaterThan(0);
      expect(t.label.en.trim().length).toBeGreaterThan(0);
    }
  });
  it('are hierarchical: a child code extends its parent code, codes are unique per scheme', () => {
    const seen = new Set<string>();
    for (const t of terms) {
      const key = `${t.scheme}:${t.code}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      if (t.parent) expect(t.code.startsWith(`${t.parent}.`)).toBe(true);
    }
  });
  it('cover what domain.md lists', () => {
    for (const [scheme, code] of [['act', 'shelter_entry.raid'], ['act', 'threat.death'], ['act', 'surveillance.home'], ['act', 'kidnapping'], ['act', 'disappearance'], ['act', 'criminalisation'], ['perpetrator', 'state.mx.inm'], ['perpetrator', 'state.mx.guardia_nacional'], ['perpetrator', 'state.us.cbp'], ['perpetrator', 'state.us.ice'], ['perpetrator', 'non_state.organised_crime'], ['perpetrator', 'non_state.unknown'], ['migration_status', 'daca'], ['context', 'mpp'], ['context', 'caravan'], ['protection_kind', 'iachr_precautionary'], ['protection_kind', 'federal_mechanism']]) {
      expect(index.status(scheme!, code!), `${scheme}:${code}`).toBe('active');
    }
  });
  it('search labels include ancestors in both languages', () => {
    const labels = index.searchLabels('act', 'threat.death');
    expect(labels.length).toBe(4);
    expect(labels).toContain(index.label('act', 'threat', 'en'));
    expect(labels).toContain(index.label('act', 'threat', 'es'));
  });
  it('makes codes from labels', () => {
    expect(codeSegmentFromLabel('Amenaza por WhatsApp')).toBe('amenaza_por_whatsapp');
    expect(codeSegmentFromLabel('¡Ñandú!')).toBe('nandu');
    expect(codeSegmentFromLabel('???')).toBe('term');
  });
});
