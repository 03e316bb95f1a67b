import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, adminContext, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from './record-incidents.js';
import { createIncident } from './save-incident.js';
import { getIncident, incidentHistory, findIncidents, deleteIncident } from './read-incidents.js';
import { searchQuerySchema } from '../../domain/incident/search-query.js';
import { actorVisibleTo } from '../../store/repositories/visibility.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { incidentInputSchema } from '../../domain/incident/schema.js';


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

  it('returns new victims as they read back (sealed values, protection measures), shares restricted incidents with the recorder and indexes every incident', async () => {
    const measures = [{ kind: 'federal_mechanism', status: 'granted_active', reference: 'MPF-1' }, { kind: 'police_protection', status: 'requested' }];
    const views = await recordIncidents(ctx, [
      incident(11, { victims: [{ key: 'v1', actor: { kind: 'person', pseudonym: 'Defensora M-11', realName: 'Nombre Ficticio', contact: 'tel 000', protectionMeasures: measures } }] }),
      incident(12, { title: 'Vigilancia palabraunica al comedor' }),
    ]);
    const victim = views[0]!.victims[0]!;
    expect(victim.actor.protectionMeasures.map((m) => m.kind)).toEqual(['federal_mechanism', 'police_protection']);
    expect(await ctx.store.actors.load(victim.actorId)).toEqual(victim.actor);
    const shares = await ctx.store.db.selectFrom('incident_shares').selectAll().where('incident_id', 'in', views.map((v) => v.id)).execute();
    // incident(11) is restricted, incident(12) is not
    expect(shares.map((r) => ({ id: r.incident_id, type: r.principal_type, who: r.principal_id, identifying: Number(r.identifying) }))).toEqual([{ id: views[0]!.id, type: 'user', who: ctx.user.id, identifying: 0 }]);
    const found = await findIncidents(ctx, searchQuerySchema.parse({ q: 'palabraunica' }));
    expect(found.hits.map((h) => h.id)).toEqual([views[1]!.id]);
  });

  it('refers only to victims the recorder may see, as the need-to-know rule says', async () => {
    const [hidden] = await recordIncidents(ctx, [incident(21)]); // restricted: shared with the recorder
    const actorId = hidden!.victims[0]!.actorId;
    const viewer = { userId: ctx.user.id };
    const byRule = async () => (await ctx.store.db.selectFrom('actors as a').select('a.id').where('a.id', '=', actorId).where(actorVisibleTo(viewer)).execute()).length === 1;
    const refer = (n: number) => recordIncidents(ctx, [incident(n, { confidentiality: 'organisation', victims: [{ key: 'v1', actorId }] })]);
    expect([await ctx.store.actors.visibleIds([actorId], viewer), await byRule()]).toEqual([new Set([actorId]), true]);
    // known only from a restricted incident no longer shared with the recorder: hidden
    await ctx.store.db.deleteFrom('incident_shares').where('incident_id', '=', hidden!.id).execute();
    expect([await ctx.store.actors.visibleIds([actorId], viewer), await byRule()]).toEqual([new Set(), false]);
    await expect(refer(22)).rejects.toThrow(/incidents\[0\]\.victims\[0\]\.actorId/);
    // a removed incident does not count: in no live incident, the person is listed again
    await ctx.store.db.updateTable('incidents').set({ deleted_at: ctx.now() }).where('id', '=', hidden!.id).execute();
    expect([await ctx.store.actors.visibleIds([actorId], viewer), await byRule()]).toEqual([new Set([actorId]), true]);
    const [visible] = await refer(23);
    await ctx.store.db.updateTable('incidents').set({ deleted_at: null }).where('id', '=', hidden!.id).execute();
    // one visible incident is enough, whatever the restricted ones say
    expect([await ctx.store.actors.visibleIds([actorId], viewer), await byRule()]).toEqual([new Set([actorId]), true]);
    await deleteIncident(ctx, visible!.id, visible!.version);
    expect([await ctx.store.actors.visibleIds([actorId, '00000000-0000-4000-8000-000000000000'], viewer), await byRule()]).toEqual([new Set(), false]);
  });
});
