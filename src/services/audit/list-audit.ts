/**
 * Browsing the audit log (audit.read: admins and coordinators): filters by action (or a family of
 * actions), by who acted, by target and by time, newest first, a page at a time (cursor = seq).
 * Entries name people by display name and id; details carry ids, field paths, codes and counts.
 * As a second line of defence, any detail text that does not look like one of those (spaces,
 * '@', '+', accents, anything long) is replaced by "[redacted]" here, so a future event that
 * wrongly records a typed value still does not show it.
 */
import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { uuid } from '../../domain/text.js';

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/, { message: 'must be a date (YYYY-MM-DD) or an ISO date and time' });

export const auditQuerySchema = z
  .object({
    action: z.string().max(80).regex(/^[a-z_]+(\.[a-z_]+)*(\.\*?)?$/, { message: 'must be an action ("auth.login") or a family ("auth" or "auth.*")' }).optional(),
    user: uuid.optional(),
    targetType: z.string().max(40).regex(/^[a-z_]+$/, { message: 'must be a target type ("incident", "user" …)' }).optional(),
    targetId: z.string().max(200).regex(/^[A-Za-z0-9_.:-]+$/, { message: 'must be an id' }).optional(),
    from: instant.optional(),
    to: instant.optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEntryView {
  seq: number;
  at: string;
  /** who acted (null: the system, e.g. unsealing with the custodian passphrase) */
  user: { id: string; name: string | null } | null;
  action: string;
  target: { type: string; id: string | null; name?: string } | null;
  detail: Record<string, unknown> | null;
}

const SAFE_TEXT = /^[A-Za-z0-9_.:[\]/-]{0,120}$/;

/** Keeps numbers, booleans and id-, code- or path-like text; anything else becomes "[redacted]". */
export function safeDetail(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return SAFE_TEXT.test(value) ? value : '[redacted]';
  if (depth >= 3) return '[redacted]';
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => safeDetail(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>).slice(0, 50)) if (SAFE_TEXT.test(k)) out[k] = safeDetail(v, depth + 1);
    return out;
  }
  return '[redacted]';
}

function parseDetail(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (safeDetail(v) as Record<string, unknown>) : { value: safeDetail(v) };
  } catch {
    return { value: '[redacted]' };
  }
}

export async function listAudit(ctx: ServiceContext, query: unknown): Promise<{ entries: AuditEntryView[]; next: number | null }> {
  requirePermission(ctx, 'audit.read');
  const q = parseInput(auditQuerySchema, query);
  const page = await ctx.store.audit.list(
    { action: q.action, userId: q.user, targetType: q.targetType, targetId: q.targetId, from: q.from, to: q.to },
    { before: q.before, limit: q.limit ?? 50 },
  );
  return {
    entries: page.entries.map((e) => ({
      seq: e.seq,
      at: e.at,
      user: e.userId ? { id: e.userId, name: e.userName } : null,
      action: e.action,
      target: e.targetType || e.targetId ? { type: e.targetType ?? '', id: e.targetId, ...(e.targetName ? { name: e.targetName } : {}) } : null,
      detail: parseDetail(e.detail),
    })),
    next: page.next,
  };
}
