/** Vocabulary administration: admins add terms and retire (or restore) them; nothing is deleted. */
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { codeSegmentFromLabel, type Term, type VocabularyIndex } from '../../domain/vocabulary/vocabulary.js';
import { line, vocabCode } from '../../domain/text.js';
import { invalid, notFound } from '../errors.js';

export const addTermSchema = z.object({ parent: vocabCode.optional(), label: z.object({ es: line(200, 1), en: line(200, 1) }).strict(), code: z.string().regex(/^[a-z0-9_]{1,40}$/, { message: 'must be lowercase letters, digits and _' }).optional() }).strict();
export const updateTermSchema = z
  .object({ label: z.object({ es: line(200, 1), en: line(200, 1) }).strict().optional(), retired: z.boolean().optional() })
  .strict()
  .refine((v) => v.label !== undefined || v.retired !== undefined, { message: 'send a new label, retired, or both' });

export function listVocabularies(ctx: ServiceContext) {
  return { schemes: ctx.vocab.schemes, terms: ctx.vocab.terms };
}

export type Reload = () => Promise<VocabularyIndex>;

export async function addTerm(ctx: ServiceContext, reload: Reload, scheme: string, input: z.infer<typeof addTermSchema>): Promise<Term> {
  requirePermission(ctx, 'vocabulary.admin');
  if (!ctx.vocab.schemes.some((s) => s.id === scheme)) throw notFound('vocabulary');
  if (input.parent !== undefined) {
    const parent = ctx.vocab.get(scheme, input.parent);
    if (!parent) throw invalid([{ path: 'parent', message: `unknown code "${input.parent}" in vocabulary ${scheme}`, code: 'unknown_code', params: { scheme, value: input.parent } }]);
    if (input.parent.split('.').length >= 3) throw invalid([{ path: 'parent', message: 'terms can be at most three levels deep', code: 'too_deep', params: { max: 3 } }]);
  }
  const segment = input.code ?? codeSegmentFromLabel(input.label.es);
  let code = input.parent ? `${input.parent}.${segment}` : segment;
  if (ctx.vocab.get(scheme, code)) {
    if (input.code) throw invalid([{ path: 'code', message: `"${code}" already exists`, code: 'code_taken', params: { value: code } }]);
    let n = 2;
    while (ctx.vocab.get(scheme, `${code}_${n}`)) n++;
    code = `${code}_${n}`;
  }
  const now = ctx.now();
  const term: Term = { scheme, code, parent: input.parent ?? null, label: input.label, sort: 0, mapping: null, retired: false, builtin: false };
  await ctx.store.transaction(async (tx) => {
    term.sort = (await tx.vocabulary.maxSort(scheme)) + 1;
    await tx.vocabulary.insertTerm(term, now, ctx.user.id);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'vocabulary.term_added', targetType: 'vocabulary', targetId: `${scheme}:${code}` });
  });
  await reload();
  return term;
}

export async function updateTerm(ctx: ServiceContext, reload: Reload, scheme: string, code: string, input: z.infer<typeof updateTermSchema>): Promise<Term> {
  requirePermission(ctx, 'vocabulary.admin');
  if (!ctx.vocab.get(scheme, code)) throw notFound('term');
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    await tx.vocabulary.updateTerm(scheme, code, { ...(input.label ? { label: input.label } : {}), ...(input.retired !== undefined ? { retiredAt: input.retired ? now : null } : {}) });
    await tx.audit.add({ at: now, userId: ctx.user.id, action: input.retired === true ? 'vocabulary.term_retired' : input.retired === false ? 'vocabulary.term_restored' : 'vocabulary.term_changed', targetType: 'vocabulary', targetId: `${scheme}:${code}` });
  });
  return (await reload()).get(scheme, code)!;
}
