/**
 * Vocabularies are data: a versioned, hierarchical, bilingual file (vocabularies.json) seeded
 * into the store, which admins then extend (new terms) and prune (retired terms stay readable
 * on old records). Codes are dotted paths, so a parent's code is a prefix of its children's.
 */
import { z } from 'zod';

export const LANGS = ['es', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Labels = Record<Lang, string>;

const labelsSchema = z.object({ es: z.string().min(1), en: z.string().min(1) }).strict();
interface FileTerm {
  code: string;
  label: Labels;
  mapping?: Record<string, string> | undefined;
  children?: FileTerm[] | undefined;
}
const fileTermSchema: z.ZodType<FileTerm> = z.lazy(() =>
  z
    .object({
      code: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/),
      label: labelsSchema,
      mapping: z.record(z.string(), z.string()).optional(),
      children: z.array(fileTermSchema).optional(),
    })
    .strict(),
);
export const vocabularyFileSchema = z
  .object({
    version: z.number().int().min(1),
    schemes: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z_]+$/),
          label: labelsSchema,
          description: labelsSchema.optional(),
          terms: z.array(fileTermSchema),
        })
        .strict(),
    ),
  })
  .strict();
export type VocabularyFile = z.infer<typeof vocabularyFileSchema>;

export interface Term {
  scheme: string;
  code: string;
  parent: string | null;
  label: Labels;
  sort: number;
  mapping: Record<string, string> | null;
  retired: boolean;
  /** true for terms that came from the shipped file, false for terms an admin added */
  builtin: boolean;
}

export interface Scheme {
  id: string;
  label: Labels;
  description: Labels | null;
}

/** Flattens the file's trees into rows, in reading order. */
export function flattenVocabularyFile(file: VocabularyFile): { schemes: Scheme[]; terms: Term[] } {
  const terms: Term[] = [];
  for (const scheme of file.schemes) {
    let sort = 0;
    const walk = (list: FileTerm[], parent: string | null) => {
      for (const t of list) {
        terms.push({ scheme: scheme.id, code: t.code, parent, label: t.label, sort: sort++, mapping: t.mapping ?? null, retired: false, builtin: true });
        if (t.children) walk(t.children, t.code);
      }
    };
    walk(scheme.terms, null);
  }
  return { schemes: file.schemes.map((s) => ({ id: s.id, label: s.label, description: s.description ?? null })), terms };
}

export type TermStatus = 'active' | 'retired' | undefined;

/** Read-only view of the live vocabularies that validation and presenters use. */
export class VocabularyIndex {
  private readonly byKey = new Map<string, Term>();
  constructor(readonly schemes: Scheme[], readonly terms: Term[]) {
    for (const t of terms) this.byKey.set(`${t.scheme}\u0000${t.code}`, t);
  }
  get(scheme: string, code: string): Term | undefined {
    return this.byKey.get(`${scheme}\u0000${code}`);
  }
  status(scheme: string, code: string): TermStatus {
    const t = this.get(scheme, code);
    return t ? (t.retired ? 'retired' : 'active') : undefined;
  }
  label(scheme: string, code: string, lang: Lang): string {
    return this.get(scheme, code)?.label[lang] ?? code;
  }
  /** Every label of the term and of its ancestors, in both languages: what search indexes. */
  searchLabels(scheme: string, code: string): string[] {
    const out: string[] = [];
    let t = this.get(scheme, code);
    while (t) {
      out.push(t.label.es, t.label.en);
      t = t.parent ? this.get(scheme, t.parent) : undefined;
    }
    return out;
  }
  inScheme(scheme: string): Term[] {
    return this.terms.filter((t) => t.scheme === scheme);
  }
}

/** Makes a code for an admin-added term from its label: "Amenaza por WhatsApp" → "amenaza_por_whatsapp". */
export function codeSegmentFromLabel(label: string): string {
  const seg = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return seg || 'term';
}
