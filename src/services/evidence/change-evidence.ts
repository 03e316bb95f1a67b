/**
 * Changing an item: its description and its consent per use. The file never changes. Each use whose
 * answer changes is its own custody entry ('evidence.consent' with the use and the new answer), so
 * a withdrawal is on record; a changed description is an 'evidence.change' naming the field only.
 * Withdrawn (or never given) consent keeps the item out of every later bundle for that use.
 * An online capture's screenshots are part of it: a consent change on the capture is made on each
 * of them too (each with its own custody entry).
 */
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { consentInputSchema, EVIDENCE_USES, type Consent, type EvidenceDetail } from '../../domain/evidence/evidence.js';
import { parseInput } from '../validate.js';
import { identifyingEvidence } from './evidence-access.js';
import { evidenceDetail } from './evidence-view.js';
import { recordCustody } from './custody.js';
import { conflict } from '../errors.js';

export const evidenceChangeSchema = z
  .object({
    version: z.number().int().min(1),
    description: z.string().max(5000).nullable().optional(),
    consent: consentInputSchema.optional(),
  })
  .strict();
export type EvidenceChange = z.infer<typeof evidenceChangeSchema>;

export async function changeEvidence(ctx: ServiceContext, id: string, raw: unknown): Promise<EvidenceDetail> {
  requirePermission(ctx, 'evidence.write');
  const input = parseInput(evidenceChangeSchema, raw);
  return ctx.store.transaction(async (tx) => {
    const item = await identifyingEvidence(ctx, id, tx);
    if (item.version !== input.version) throw conflict('this evidence was changed by someone else; reload it');
    const now = ctx.now();
    let version = item.version;
    if (input.description !== undefined) {
      const next = input.description === null || input.description.trim() === '' ? undefined : input.description;
      if (next !== item.description) {
        if (!(await tx.evidence.setDescription(id, item.record, next, version, now))) throw conflict('this evidence was changed by someone else; reload it');
        version++;
        await recordCustody(tx, now, ctx.user.id, 'evidence.change', id, { fields: ['description'] });
      }
    }
    if (input.consent) {
      const consent: Consent = { ...item.consent };
      const changed = EVIDENCE_USES.filter((u) => input.consent![u] !== undefined && input.consent![u] !== item.consent[u]);
      for (const u of changed) consent[u] = input.consent[u]!;
      if (changed.length) {
        if (!(await tx.evidence.setConsent(id, consent, version, now))) throw conflict('this evidence was changed by someone else; reload it');
        version++;
        for (const u of changed) await recordCustody(tx, now, ctx.user.id, 'evidence.consent', id, { use: u, value: consent[u] });
        for (const child of item.kind === 'online_capture' ? await tx.evidence.children(id) : []) {
          const own: Consent = { ...child.consent };
          const moved = changed.filter((u) => own[u] !== consent[u]);
          for (const u of moved) own[u] = consent[u];
          if (!moved.length) continue;
          if (!(await tx.evidence.setConsent(child.id, own, child.version, now))) throw conflict('this evidence was changed by someone else; reload it');
          for (const u of moved) await recordCustody(tx, now, ctx.user.id, 'evidence.consent', child.id, { use: u, value: own[u] });
        }
      }
    }
    return evidenceDetail((await tx.evidence.get(id, { open: true }))!, true);
  });
}
