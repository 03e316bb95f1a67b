/**
 * Draft an urgent appeal to a protection body from the case's incident (ADR 0018): the letter is
 * built from the template of that body in the chosen language, filled only with what the consent
 * rule allows (src/domain/appeal/facts.ts: public facts always; a testimony and real names only
 * with consent to legal action and access to identifying values), and answered with the record of
 * what went in and what was withheld and why. Stored sealed; audited with codes and counts only.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { visibleIncident } from '../incidents/incident-access.js';
import { appealDraftSchema, type AppealDraftInput } from '../../domain/appeal/schema.js';
import { appealFacts } from '../../domain/appeal/facts.js';
import { appealLetter } from '../../domain/appeal/letter.js';
import { MAX_LETTER } from '../../domain/appeal/bodies.js';
import type { AppealView } from '../../domain/appeal/view.js';
import { newId } from '../../crypto/random.js';
import { requireOpen, visibleCase } from './appeal-access.js';

export async function draftAppeal(ctx: ServiceContext, caseId: string, raw: AppealDraftInput): Promise<AppealView> {
  requirePermission(ctx, 'response.write');
  const input = parseInput(appealDraftSchema, raw);
  const id = newId();
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const { urgentCase } = await visibleCase(ctx, caseId, tx);
    requireOpen(urgentCase);
    const { inc, mayReadIdentifying } = await visibleIncident(ctx, urgentCase.incidentId, tx);
    const organisation = (await tx.users.organisations()).find((o) => o.id === ctx.user.orgId)?.name ?? (await tx.users.workspace())?.name ?? '';
    const drafted = appealFacts(inc, { caseRef: urgentCase.ref, today: now.slice(0, 10), organisation, mayReadIdentifying });
    const letter = appealLetter(input.body, input.lang, drafted.facts, (scheme, code) => ctx.vocab.label(scheme, code, input.lang)).slice(0, MAX_LETTER);
    await tx.appeals.add({ id, caseId, incidentId: urgentCase.incidentId, body: input.body, lang: input.lang, letter, included: drafted.included, withheld: drafted.withheld, createdAt: now, createdBy: ctx.user.id });
    await tx.audit.add({
      at: now, userId: ctx.user.id, action: 'appeal.drafted', targetType: 'appeal', targetId: id,
      detail: {
        caseId, incidentId: urgentCase.incidentId, body: input.body, lang: input.lang,
        testimonies: drafted.included.filter((i) => i.what === 'testimony').length, realNames: drafted.included.some((i) => i.what === 'real_names'),
        withheld: [...new Set(drafted.withheld.map((w) => `${w.what}:${w.reason}`))],
      },
    });
    return (await tx.appeals.load(id, urgentCase.incidentId))!;
  });
}
