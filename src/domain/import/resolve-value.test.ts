import { describe, it, expect } from 'vitest';
import { ValueResolver } from './resolve-value.js';
import { VocabularyIndex, flattenVocabularyFile, vocabularyFileSchema } from '../vocabulary/vocabulary.js';
import vocabularyFile from '../vocabulary/vocabularies.json' with { type: 'json' };

const { schemes, terms } = flattenVocabularyFile(vocabularyFileSchema.parse(vocabularyFile));
const r = new ValueResolver(new VocabularyIndex(schemes, terms));

describe('placing a file\'s values on the lists', () => {
  it('takes codes, labels in either language and published crosswalks, ignoring case and accents', () => {
    expect(r.resolve('act', 'threat.death', undefined)).toEqual({ how: 'exact', code: 'threat.death' });
    expect(r.resolve('act', 'AMENAZA DE MUERTE', undefined)).toEqual({ how: 'exact', code: 'threat.death' });
    expect(r.resolve('act', 'Death threat', undefined)).toEqual({ how: 'exact', code: 'threat.death' });
    expect(r.resolve('act', 'Drowning', undefined)).toEqual({ how: 'exact', code: 'migrant_death.drowning' });
    expect(r.resolve('country', 'México', undefined)).toEqual({ how: 'exact', code: 'MX' });
    expect(r.resolve('country', 'EEUU', undefined)).toEqual({ how: 'exact', code: 'US' });
    expect(r.resolve('country', 'Spain', undefined)).toEqual({ how: 'exact', code: 'ES' });
    expect(r.resolve('state', 'Coahuila de Zaragoza', undefined).how).toBe('none');
    expect(r.resolve('state', 'Chiapas', undefined)).toEqual({ how: 'exact', code: 'MX-CHP' });
  });

  it('offers near matches and never takes one by itself', () => {
    const res = r.resolve('act', 'Amenaza de muerto', undefined);
    expect(res.how).toBe('none');
    expect(res.how === 'none' && res.suggestions[0]!.code).toBe('threat.death');
    expect(r.resolve('act', 'zzzz qqqq', undefined)).toEqual({ how: 'none', suggestions: [] });
  });

  it('lets the mapping decide first, including leaving a value empty', () => {
    expect(r.resolve('act', 'Drowning', { Drowning: 'migrant_death.unknown_cause' })).toEqual({ how: 'mapped', code: 'migrant_death.unknown_cause' });
    expect(r.resolve('act', 'n/d', { 'n/d': '' })).toEqual({ how: 'mapped', code: '' });
    expect(r.knows('act', 'threat.death')).toBe(true);
    expect(r.knows('act', 'nothing.here')).toBe(false);
  });
});
