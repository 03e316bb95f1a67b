/**
 * Campaigns for a detained or threatened defender, linked to the urgent case: record one (title,
 * when it ran, actions, outcome) or change it at the version the editor saw. Title and actions'
 * descriptions are sealed under the incident's key; a closed case's campaigns are only read.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { conflict, notFound } from '../errors.js';
import { campaignSchema, campaignUpdateSchema, type CampaignInput, type CampaignUpdateInput } from '../../domain/urgent/input.js';
import type { CampaignView } from '../../domain/urgent/view.js';
import { newId } from '../../crypto/random.js';
import { writableCase } from './case-access.js';

async function campaignOf(ctx: ServiceContext, caseId: string, id: string): Promise<CampaignView> {
  const found = (await ctx.store.campaigns.ofCase(caseId, (await ctx.store.urgent.head(caseId))!.incidentId)).find((c) => c.id === id);
  if (!found) throw notFound('campaign');
  return found;
}

export async function addCampaign(ctx: ServiceContext, caseId: string, raw: CampaignInput): Promise<CampaignView> {
  const input = parseInput(campaignSchema, raw);
  const id = newId();
  await ctx.store.transaction(async (tx) => {
    const head = await writableCase({ ...ctx, store: tx }, caseId);
    const now = ctx.now();
    await tx.campaigns.add({ id, incidentId: head.incidentId, caseId, at: now, by: ctx.user.id }, input);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'urgent.campaign', targetType: 'urgent_case', targetId: caseId, detail: { campaignId: id, change: 'added' } });
  });
  return campaignOf(ctx, caseId, id);
}

export async function updateCampaign(ctx: ServiceContext, id: string, raw: CampaignUpdateInput): Promise<CampaignView> {
  requirePermission(ctx, 'response.write');
  const input = parseInput(campaignUpdateSchema, raw);
  const { version, ...content } = input;
  const caseId = await ctx.store.transaction(async (tx) => {
    const c = await tx.campaigns.head(id);
    if (!c?.caseId) throw notFound('campaign');
    const head = await writableCase({ ...ctx, store: tx }, c.caseId);
    const now = ctx.now();
    if (!(await tx.campaigns.update(id, head.incidentId, version, now, content))) throw conflict(`version: this campaign was changed by someone else (now version ${c.version}); reload it before saving`);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'urgent.campaign', targetType: 'urgent_case', targetId: c.caseId, detail: { campaignId: id, change: 'changed' } });
    return c.caseId;
  });
  return campaignOf(ctx, caseId, id);
}
