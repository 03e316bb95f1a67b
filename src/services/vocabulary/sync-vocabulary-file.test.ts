import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import { syncVocabularyFile, shippedVocabulary, loadVocabularyIndex } from './sync-vocabulary-file.js';

let ws: TestWorkspace;
beforeAll(async () => { ws = await newWorkspace(); });
afterAll(async () => { await ws.close(); });

describe('vocabulary file sync', () => {
  it('records the shipped file version and does nothing when up to date', async () => {
    const store = ws.vault.runtime().store;
    expect(await store.vocabulary.fileVersion()).toBe(shippedVocabulary.version);
    expect(await syncVocabularyFile(store, 'now')).toEqual({ added: 0 });
  });

  it('a newer file only adds: missing terms come back, admins\' renames and retirements stay', async () => {
    const store = ws.vault.runtime().store;
    await store.vocabulary.updateTerm('act', 'threat', { label: { es: 'Amenazas (renombrado)', en: 'Threats (renamed)' }, retiredAt: '2026-01-01' });
    await store.db.deleteFrom('vocab_terms').where('scheme', '=', 'act').where('code', '=', 'threat.death').execute();
    await store.vocabulary.setFileVersion(shippedVocabulary.version - 1);
    expect((await syncVocabularyFile(store, 'now')).added).toBe(1);
    expect((await store.audit.list({ action: 'vocabulary.synced' })).entries[0]).toMatchObject({ at: 'now', userId: null, detail: JSON.stringify({ from: shippedVocabulary.version - 1, to: shippedVocabulary.version, added: 1 }) });
    const index = await loadVocabularyIndex(store);
    expect(index.status('act', 'threat.death')).toBe('active');
    expect(index.status('act', 'threat')).toBe('retired');
    expect(index.label('act', 'threat', 'es')).toBe('Amenazas (renombrado)');
  });
});
