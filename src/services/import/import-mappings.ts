/**
 * Saved import mappings of the person's organisation: list, save under a name (unique), change
 * (naming the version changed: 409 when someone else changed it first), remove. Saving checks the
 * mapping itself, not any file.
 */
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { ServiceError, notFound, conflict } from '../errors.js';
import { parseInput } from '../validate.js';
import { newId } from '../../crypto/random.js';
import { importMappingSchema } from '../../domain/import/mapping.js';
import { line } from '../../domain/text.js';

export const saveMappingSchema = z.object({ name: line(120, 1), mapping: importMappingSchema }).strict();
export const changeMappingSchema = saveMappingSchema.extend({ version: z.number().int().min(1) }).strict();

const nameTaken = () => new ServiceError(409, 'name_taken', 'name: another saved mapping has this name', [{ path: 'name', message: 'another saved mapping has this name', code: 'name_taken' }]);

export async function listMappings(ctx: ServiceContext) {
  requirePermission(ctx, 'records.import');
  return { mappings: await ctx.store.imports.mappings(ctx.user.orgId) };
}

export async function saveMapping(ctx: ServiceContext, input: unknown) {
  requirePermission(ctx, 'records.import');
  const { name, mapping } = parseInput(saveMappingSchema, input);
  const id = newId();
  await ctx.store.transaction(async (tx) => {
    if (await tx.imports.nameTaken(ctx.user.orgId, name)) throw nameTaken();
    await tx.imports.addMapping({ id, orgId: ctx.user.orgId, name, body: mapping, at: ctx.now(), userId: ctx.user.id });
    await tx.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'import_mapping.saved', targetType: 'import_mapping', targetId: id });
  });
  return (await ctx.store.imports.mapping(ctx.user.orgId, id))!;
}

export async function changeMapping(ctx: ServiceContext, id: string, input: unknown) {
  requirePermission(ctx, 'records.import');
  const { name, mapping, version } = parseInput(changeMappingSchema, input);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.imports.mapping(ctx.user.orgId, id))) throw notFound('mapping');
    if (await tx.imports.nameTaken(ctx.user.orgId, name, id)) throw nameTaken();
    if (!(await tx.imports.changeMapping({ id, orgId: ctx.user.orgId, name, body: mapping, at: ctx.now(), userId: ctx.user.id, version }))) throw conflict('the mapping was changed by someone else: reload it');
    await tx.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'import_mapping.changed', targetType: 'import_mapping', targetId: id });
  });
  return (await ctx.store.imports.mapping(ctx.user.orgId, id))!;
}

export async function removeMapping(ctx: ServiceContext, id: string) {
  requirePermission(ctx, 'records.import');
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.imports.removeMapping(ctx.user.orgId, id))) throw notFound('mapping');
    await tx.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'import_mapping.removed', targetType: 'import_mapping', targetId: id });
  });
  return { removed: true };
}

export async function listImportRuns(ctx: ServiceContext) {
  requirePermission(ctx, 'records.import');
  return { imports: await ctx.store.imports.runs(ctx.user.orgId) };
}
