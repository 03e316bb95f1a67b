/**
 * Brings the stored vocabularies up to the shipped file: adds schemes and terms the store lacks.
 * It never changes or removes a term already stored (admins may have renamed or retired it), so
 * a newer file only ever adds.
 */
import vocabularyFile from '../../domain/vocabulary/vocabularies.json' with { type: 'json' };
import { flattenVocabularyFile, vocabularyFileSchema, VocabularyIndex } from '../../domain/vocabulary/vocabulary.js';
import type { Store } from '../../store/store.js';

export const shippedVocabulary = vocabularyFileSchema.parse(vocabularyFile);

export async function syncVocabularyFile(store: Store, now: string): Promise<{ added: number }> {
  return store.transaction(async (tx) => {
    const current = await tx.vocabulary.fileVersion();
    if (current >= shippedVocabulary.version) return { added: 0 };
    const { schemes, terms } = flattenVocabularyFile(shippedVocabulary);
    for (const s of schemes) await tx.vocabulary.upsertScheme(s);
    let added = 0;
    for (const t of terms) {
      if (await tx.vocabulary.termExists(t.scheme, t.code)) continue;
      await tx.vocabulary.insertTerm(t, now, null);
      added++;
    }
    await tx.vocabulary.setFileVersion(shippedVocabulary.version);
    await tx.audit.add({ at: now, userId: null, action: 'vocabulary.synced', targetType: 'vocabulary', detail: { from: current, to: shippedVocabulary.version, added } });
    return { added };
  });
}

export async function loadVocabularyIndex(store: Store): Promise<VocabularyIndex> {
  const { schemes, terms } = await store.vocabulary.all();
  return new VocabularyIndex(schemes, terms);
}
