/**
 * Pattern flags (src/domain/patterns/): over the incidents matching a search (the patterns page),
 * or over one person's or organisation's incidents (flags on their page), with the workspace's
 * thresholds. Need-to-know applies: a flag is built only from incidents the viewer may see, and
 * lists them so every flag links to the incidents behind it.
 */
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { searchFilterFields, checkDateRange, type SearchFilters } from '../../domain/incident/search-query.js';
import { coPerpetrators, crossBorder, escalation, repeatedTargeting, patternSettingsSchema, type PatternFlag, type PatternIncident, type PatternSettings } from '../../domain/patterns/index.js';
import { patternIncidentsMatching, patternIncidentsOfActor } from '../../store/stats/pattern-facts.js';
import type { PatternAnswer } from '../../domain/patterns/answer.js';
import { visibleActor } from '../actors/manage-actors.js';

/** The most incidents one request looks at (the most recent first); the answer says when there were more. */
export const PATTERN_INCIDENT_LIMIT = 50_000;

export const patternQuerySchema = z.object({ ...searchFilterFields }).strict().superRefine(checkDateRange);


function detect(incidents: PatternIncident[], s: PatternSettings, onlyVictim?: string): PatternFlag[] {
  const perVictim = [...repeatedTargeting(incidents, s.repeatedTargeting), ...escalation(incidents, s.escalation), ...crossBorder(incidents, s.crossBorder)]
    .filter((f) => !onlyVictim || f.victimId === onlyVictim);
  return [...perVictim, ...coPerpetrators(incidents, s.coPerpetrators)];
}

/** Labels for what the flags name, so a page can show them without asking again. */
async function labelled(ctx: ServiceContext, flags: PatternFlag[], incidents: PatternIncident[]): Promise<Pick<PatternAnswer, 'actors' | 'incidentLabels'>> {
  const actorIds = [...new Set(flags.flatMap((f) => ('victimId' in f ? [f.victimId] : [])))];
  const cited = new Set(flags.flatMap((f) => f.incidentIds));
  const days = new Map(incidents.map((i) => [i.id, i.day]));
  const refs = await ctx.store.incidents.refsOf([...cited]);
  return {
    actors: Object.fromEntries(await ctx.store.actors.labels(actorIds)),
    incidentLabels: Object.fromEntries([...cited].filter((id) => refs.has(id)).map((id) => [id, { ref: refs.get(id)!, day: days.get(id) ?? null }])),
  };
}

export async function findPatterns(ctx: ServiceContext, filters: SearchFilters): Promise<PatternAnswer> {
  requirePermission(ctx, 'incident.read');
  const settings = await ctx.store.settings.patternSettings();
  const { incidents, truncated } = await patternIncidentsMatching(ctx.store.db, filters, { userId: ctx.user.id }, PATTERN_INCIDENT_LIMIT);
  const flags = detect(incidents, settings);
  return { flags, ...(await labelled(ctx, flags, incidents)), incidents: incidents.length, truncated, settings };
}

/** The flags of one person or organisation (on their page): repeated targeting, escalation, cross-border chains against them. */
export async function actorPatterns(ctx: ServiceContext, actorId: string): Promise<PatternAnswer> {
  requirePermission(ctx, 'actor.read');
  requirePermission(ctx, 'incident.read');
  await visibleActor(ctx, actorId);
  const settings = await ctx.store.settings.patternSettings();
  const { incidents, truncated } = await patternIncidentsOfActor(ctx.store.db, actorId, { userId: ctx.user.id }, PATTERN_INCIDENT_LIMIT);
  const flags = detect(incidents, settings, actorId).filter((f) => f.kind !== 'co_perpetrators');
  return { flags, ...(await labelled(ctx, flags, incidents)), incidents: incidents.length, truncated, settings };
}

export async function patternSettings(ctx: ServiceContext): Promise<PatternSettings> {
  requirePermission(ctx, 'incident.read');
  return ctx.store.settings.patternSettings();
}

export async function setPatternSettings(ctx: ServiceContext, input: z.input<typeof patternSettingsSchema>): Promise<PatternSettings> {
  requirePermission(ctx, 'users.admin');
  const settings = patternSettingsSchema.parse(input);
  await ctx.store.transaction(async (tx) => {
    await tx.settings.setPatternSettings(settings);
    await tx.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'pattern_settings.changed', targetType: 'workspace' });
  });
  return settings;
}
