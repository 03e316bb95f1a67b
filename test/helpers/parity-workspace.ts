/**
 * The workspace the memory-index parity tests share: a demo dataset through the bulk generator,
 * every fourth incident restricted and every eighth shared with the admin (so two viewers see
 * different things), and a memory index that keeps words matched by more than five incidents.
 */
import { sql } from 'kysely';
import { adminContext, newWorkspace, type TestWorkspace } from './api.js';
import type { ServiceContext } from '../../src/services/context.js';
import { generateDemoBulk } from '../../src/services/demo/generate-demo-bulk.js';
import { MemoryIndex } from '../../src/store/search/memory-index/memory-index.js';
import type { Viewer } from '../../src/store/repositories/visibility.js';

export async function parityWorkspace(seed: number): Promise<{ ws: TestWorkspace; ctx: ServiceContext; index: MemoryIndex; admin: Viewer }> {
  const ws = await newWorkspace();
  const ctx = await adminContext(ws);
  const admin = { userId: ctx.user.id };
  await generateDemoBulk(ctx, { incidents: 240, seed, batchSize: 120 });
  await sql`UPDATE incidents SET confidentiality = 'restricted' WHERE seq % 4 = 0`.execute(ctx.store.db);
  await sql`DELETE FROM incident_shares WHERE principal_id = ${admin.userId}`.execute(ctx.store.db);
  await sql`INSERT INTO incident_shares (incident_id, principal_type, principal_id, identifying, granted_by, granted_at)
    SELECT id, 'user', ${admin.userId}, 0, ${admin.userId}, '2026-01-01' FROM incidents WHERE seq % 8 = 0`.execute(ctx.store.db);
  return { ws, ctx, admin, index: new MemoryIndex(ctx.store.db, { keepWordsOver: 5 }) };
}
