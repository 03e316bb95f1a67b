/** Write a note on an open case (sealed under the incident's key; who and when recorded). */
import type { ServiceContext } from '../context.js';
import { parseInput } from '../validate.js';
import { addNoteSchema, type AddNoteInput } from '../../domain/urgent/input.js';
import type { UrgentCaseView } from '../../domain/urgent/view.js';
import { newId } from '../../crypto/random.js';
import { writableCase } from './case-access.js';
import { readUrgentCase } from './read-urgent-case.js';

export async function addNote(ctx: ServiceContext, caseId: string, raw: AddNoteInput): Promise<UrgentCaseView> {
  const input = parseInput(addNoteSchema, raw);
  await ctx.store.transaction(async (tx) => {
    const head = await writableCase({ ...ctx, store: tx }, caseId);
    const id = newId();
    const now = ctx.now();
    await tx.urgent.addNote(caseId, head.incidentId, { id, at: now, userId: ctx.user.id, body: input.body });
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'urgent.note', targetType: 'urgent_case', targetId: caseId, detail: { noteId: id } });
  });
  return readUrgentCase(ctx, caseId);
}
