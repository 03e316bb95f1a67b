/** Vocabulary schemes and terms; `meta.vocabulary_file_version` records which shipped file was applied. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { Scheme, Term } from '../../domain/vocabulary/vocabulary.js';

export class VocabularyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async fileVersion(): Promise<number> {
    const r = await this.db.selectFrom('meta').select('value').where('key', '=', 'vocabulary_file_version').executeTakeFirst();
    return r ? Number(r.value) : 0;
  }
  async setFileVersion(v: number): Promise<void> {
    await this.db.deleteFrom('meta').where('key', '=', 'vocabulary_file_version').execute();
    await this.db.insertInto('meta').values({ key: 'vocabulary_file_version', value: String(v) }).execute();
  }
  async upsertScheme(s: Scheme): Promise<void> {
    await this.db.deleteFrom('vocab_schemes').where('id', '=', s.id).where((eb) => eb.not(eb.exists(eb.selectFrom('vocab_terms').select('code').whereRef('vocab_terms.scheme', '=', 'vocab_schemes.id')))).execute();
    const exists = await this.db.selectFrom('vocab_schemes').select('id').where('id', '=', s.id).executeTakeFirst();
    const row = { id: s.id, label_es: s.label.es, label_en: s.label.en, desc_es: s.description?.es ?? null, desc_en: s.description?.en ?? null };
    if (exists) await this.db.updateTable('vocab_schemes').set(row).where('id', '=', s.id).execute();
    else await this.db.insertInto('vocab_schemes').values(row).execute();
  }
  async termExists(scheme: string, code: string): Promise<boolean> {
    return !!(await this.db.selectFrom('vocab_terms').select('code').where('scheme', '=', scheme).where('code', '=', code).executeTakeFirst());
  }
  async insertTerm(t: Term, at: string, by: string | null): Promise<void> {
    await this.db
      .insertInto('vocab_terms')
      .values({ scheme: t.scheme, code: t.code, parent: t.parent, label_es: t.label.es, label_en: t.label.en, sort: t.sort, mapping: t.mapping ? JSON.stringify(t.mapping) : null, retired_at: t.retired ? at : null, builtin: t.builtin ? 1 : 0, created_at: at, created_by: by })
      .execute();
  }
  async updateTerm(scheme: string, code: string, patch: { label?: { es: string; en: string }; retiredAt?: string | null }): Promise<void> {
    await this.db
      .updateTable('vocab_terms')
      .set({
        ...(patch.label ? { label_es: patch.label.es, label_en: patch.label.en } : {}),
        ...(patch.retiredAt !== undefined ? { retired_at: patch.retiredAt } : {}),
      })
      .where('scheme', '=', scheme)
      .where('code', '=', code)
      .execute();
  }
  async maxSort(scheme: string): Promise<number> {
    const r = await this.db.selectFrom('vocab_terms').select((eb) => eb.fn.max('sort').as('m')).where('scheme', '=', scheme).executeTakeFirst();
    return Number(r?.m ?? -1);
  }
  async all(): Promise<{ schemes: Scheme[]; terms: Term[] }> {
    const [s, t] = await Promise.all([
      this.db.selectFrom('vocab_schemes').selectAll().orderBy('id').execute(),
      this.db.selectFrom('vocab_terms').selectAll().orderBy('scheme').orderBy('sort').execute(),
    ]);
    return {
      schemes: s.map((r) => ({ id: r.id, label: { es: r.label_es, en: r.label_en }, description: r.desc_es && r.desc_en ? { es: r.desc_es, en: r.desc_en } : null })),
      terms: t.map((r) => ({ scheme: r.scheme, code: r.code, parent: r.parent, label: { es: r.label_es, en: r.label_en }, sort: r.sort, mapping: r.mapping ? (JSON.parse(r.mapping) as Record<string, string>) : null, retired: r.retired_at !== null, builtin: r.builtin === 1 })),
    };
  }
}
