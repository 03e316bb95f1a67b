import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { isRole } from '../../domain/user/roles.js';
import { recordIncidents } from './record-incidents.js';
import { createIncident } from './save-incident.js';
import { getIncident, incidentHistory } from './read-incidents.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { incidentInputSchema } from '../../domain/incident/schema.js';

async function adminContext(ws: TestWorkspace): Promise<ServiceContext> {
  const rt = ws.vault.runtime();
  const admin = (await rt.store.users.list()).find((u) => u.role === 'admin');
  if (!admin || !isRole(admin.role)) throw new Error('no admin in the test workspace');
  return { store: rt.store, vocab: rt.vocab, user: { id: admin.id, role: admin.role, orgId: admin.org_id, displayName: admin.display_name }, now: () => new Date().toISOString() };
}

const incident = (n: number, extra: Record<string, unknown> = {}) => ({
  title: `Amenaza al albergue ${n}`,
  summary: `Llamada amenazante número ${n} al coordinador del albergue`,
  date: { start: '2024-05-01' },
  place: { precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Saltillo', private: { lat: 25.42, lon: -101, address: `Calle Ficticia ${n}` } },
  confidentiality: n % 2 ? 'restricted' : 'organisation',
  victims: [{ key: 'v1', actor: { kind: 'person', pseudonym: `Defensora R-${n}`, realName: `Persona Ficticia ${n}` } }],
  acts: [{ kind: 'threat.phone', victimKey: 'v1', perpetrators: [{ perpetrator: 'non_state.unknown', identifiedIndividuals: `Alias ${n}` }] }],
  sources: [{ kind: 'victim', testimony: `Testimonio ${n}` }],
  ...extra,
});

describe('recordIncidents', () => {
  let ws: TestWorkspace;
  let ctx: ServiceContext;
  beforeAll(async () => {
    ws = await newWorkspace();
    ctx = await adminContext(ws);
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('gives each incident what createIncident gives it: the same view when read back, history, audit', async () => {
    const views = await recordIncidents(ctx, [incident(1), incident(2), incident(3)]);
    const single = await createIncident(ctx, incidentInputSchema.parse(incident(4)));
    for (const v of views) {
      const { canEdit: _c, mayReadIdentifying: _m, ...read } = await getIncident(ctx, v.id);
      expect(read).toEqual(v);
      expect((await incidentHistory(ctx, v.id)).length).toBe(1);
    }
    // the same shape as one recorded by the one-at-a-time use case
    const { canEdit: _c, mayReadIdentifying: _m, ...one } = await getIncident(ctx, single.id);
    expect(Object.keys(views[0]!).sort()).toEqual(Object.keys(one).sort());
    const [firstHistory] = await incidentHistory(ctx, views[0]!.id);
    const [singleHistory] = await incidentHistory(ctx, single.id);
    // paths name parts by id ("acts#<id>.kind"): compare them without the ids
    const paths = (h: typeof firstHistory) => h!.changes.map((c) => c.path.replace(/#[0-9a-f-]{36}/g, '#')).sort();
    expect(paths(firstHistory)).toEqual(paths(singleHistory));
    expect((await verifyAuditChain(ctx.store)).ok).toBe(true);
  });

  it('refers to victims already recorded by id', async () => {
    const [first] = await recordIncidents(ctx, [incident(5)]);
    const actorId = first!.victims[0]!.actorId;
    const [second] = await recordIncidents(ctx, [incident(6, { victims: [{ key: 'v1', actorId }] })]);
    expect(second!.victims[0]!.actorId).toBe(actorId);
  });

  it('writes nothing when one incident of the batch is invalid, and names it', async () => {
    const before = await ctx.store.db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(recordIncidents(ctx, [incident(7), incident(8, { acts: [{ kind: 'no.such.kind', perpetrators: [{ perpetrator: 'non_state.unknown' }] }] })])).rejects.toThrow(/incidents\[1\]\.acts\[0\]\.kind/);
    await expect(recordIncidents(ctx, [incident(9), incident(10, { victims: [{ key: 'v1', actorId: '00000000-0000-4000-8000-000000000000' }] })])).rejects.toThrow(/incidents\[1\]\.victims\[0\]\.actorId/);
    const after = await ctx.store.db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
