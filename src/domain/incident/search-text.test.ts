import { describe, it, expect } from 'vitest';
import file from '../vocabulary/vocabularies.json' with { type: 'json' };
import { vocabularyFileSchema, flattenVocabularyFile, VocabularyIndex } from '../vocabulary/vocabulary.js';
import { incidentSearchText } from './search-text.js';
import { searchTerms } from './search-query.js';
import type { IncidentView } from './view.js';

const { schemes, terms } = flattenVocabularyFile(vocabularyFileSchema.parse(file));
const vocab = new VocabularyIndex(schemes, terms);

const v: IncidentView = {
  id: 'i', ref: 'INC-000007', version: 1, orgId: 'o', title: 'Amenaza', summary: 'Llamada al director',
  place: { precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Saltillo', private: { lat: 1, lon: 2, address: 'SECRET-ADDRESS' } },
  context: ['shelter'], status: 'reported', followUp: 'open', confidentiality: 'organisation',
  victims: [{ key: 'a', actorId: 'a', actor: { id: 'a', version: 1, orgId: 'o', kind: 'person', pseudonym: 'Defensora B', realName: 'SECRET-NAME', contact: 'SECRET-CONTACT', protectionMeasures: [], createdAt: '', createdBy: '', updatedAt: '', updatedBy: '' } }],
  acts: [{ id: 'x', kind: 'threat.death', methods: [], consequences: [], perpetrators: [{ id: 'p', perpetrator: 'state.mx.inm', identifiedIndividuals: 'SECRET-OFFICER' }] }],
  sources: [{ id: 's', kind: 'victim', testimony: 'SECRET-TESTIMONY', consent: { internal_analysis: 'given', share_partners: 'not_asked', anonymous_publication: 'not_asked', named_publication: 'not_asked', legal_action: 'not_asked' } }],
  interventions: [], createdAt: '', createdBy: '', updatedAt: '', updatedBy: '',
};

describe('search text', () => {
  it('indexes public text and labels in both languages, never identifying fields', () => {
    const { title, body } = incidentSearchText(v, vocab);
    expect(title).toBe('Amenaza');
    expect(body).toContain('Saltillo');
    expect(body).toContain('Coahuila');
    expect(body).toContain('Defensora B');
    expect(body).toContain(vocab.label('act', 'threat.death', 'en'));
    expect(body).toContain(vocab.label('perpetrator', 'state.mx.inm', 'es'));
    expect(body).not.toMatch(/SECRET/);
  });
  it('turns a query into prefix terms, dropping operators and punctuation', () => {
    expect(searchTerms('Amenaza "de" muerte*')).toEqual(['amenaza', 'de', 'muerte']);
    expect(searchTerms('NEAR(a) OR -x')).toEqual(['near', 'a', 'or', 'x']);
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms('detención')).toEqual(['detención']);
  });
});
