/**
 * Search inside identifying values (names, contacts, private addresses, testimonies, named
 * perpetrators) for those allowed to read them. These values are sealed and never indexed, so the
 * search opens them batch by batch in memory and compares (decrypt-and-scan). The client calls
 * again with `after` until `next` is null, showing progress from `scanned` and `total`.
 * Each batch is an audited read naming the incidents that matched — never the words searched.
 */
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { matchingFields } from '../../domain/incident/scan-match.js';
import { incidentRef } from '../../domain/incident/view.js';

export const scanSchema = z
  .object({
    text: z.string().trim().min(2, { message: 'write at least 2 characters' }).max(200),
    after: z.number().int().min(0).optional(),
    scanned: z.number().int().min(0).optional(),
    batch: z.number().int().min(1).max(2000).optional(),
  })
  .strict();

export interface ScanResult {
  /** incidents looked at so far (this batch included) */
  scanned: number;
  total: number;
  /** pass as `after` to continue; null when done */
  next: number | null;
  matches: { id: string; ref: string; title: string; fields: string[] }[];
}

export async function scanIdentifying(ctx: ServiceContext, input: z.infer<typeof scanSchema>): Promise<ScanResult> {
  requirePermission(ctx, 'identifying.read');
  const batchSize = input.batch ?? 500;
  return ctx.store.transaction(async (tx) => {
    const total = await tx.incidents.countLive({ userId: ctx.user.id });
    const batch = await tx.incidents.identifyingBatch(input.after ?? 0, batchSize, { userId: ctx.user.id });
    const victims = await tx.actors.identifyingOf([...new Set(batch.flatMap((b) => b.victims))]);
    const matches = batch.flatMap((b) => {
      const fields = matchingFields(input.text, [...b.values, ...b.victims.flatMap((v) => victims.get(v) ?? [])]);
      return fields.length ? [{ id: b.id, ref: incidentRef(b.seq), title: b.title, fields }] : [];
    });
    if (batch.length) {
      await tx.audit.add({
        at: ctx.now(), userId: ctx.user.id, action: 'identifying.scanned', targetType: 'incident',
        detail: { scanned: batch.length, firstRef: incidentRef(batch[0]!.seq), lastRef: incidentRef(batch.at(-1)!.seq), matched: matches.map((m) => m.id) },
      });
    }
    const scanned = Math.min(total, (input.scanned ?? 0) + batch.length);
    return { scanned, total, next: batch.length === batchSize ? batch.at(-1)!.seq : null, matches };
  });
}
