import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../../services/context.js';
import { isRole } from '../../domain/user/roles.js';
import { recordIncidents } from '../../services/incidents/record-incidents.js';
import { dashboardAggregates } from './dashboard-aggregates.js';

const incident = (start: string, country: string, state: string, kinds: string[], perpetrator: string, confidentiality = 'organisation') => ({
  title: `Incidente ${start}`,
  date: { start },
  place: { precision: 'state', country, state },
  confidentiality,
  acts: kinds.map((kind) => ({ kind, perpetrators: [{ perpetrator }] })),
});

describe('dashboardAggregates', () => {
  let ws: TestWorkspace;
  let ctx: ServiceContext;
  beforeAll(async () => {
    ws = await newWorkspace();
    const rt = ws.vault.runtime();
    const admin = (await rt.store.users.list()).find((u) => u.role === 'admin')!;
    if (!isRole(admin.role)) throw new Error('no admin');
    ctx = { store: rt.store, vocab: rt.vocab, user: { id: admin.id, role: admin.role, orgId: admin.org_id, displayName: admin.display_name }, now: () => new Date().toISOString() };
    await recordIncidents(ctx, [
      incident('2019-03-02', 'MX', 'MX-CHP', ['threat.phone', 'threat.in_person'], 'state.mx.inm'),
      incident('2019-03-20', 'MX', 'MX-COA', ['surveillance.following'], 'non_state.unknown'),
      incident('2021-07', 'US', 'US-TX', ['threat.phone'], 'state.us.cbp'),
      incident('2022', 'GT', 'GT-12', ['detention.brief'], 'state.mx.inm'),
    ]);
    // a restricted incident shared with nobody: nobody else counts it (its author keeps a share)
    const other = { ...ctx, user: { ...ctx.user, id: 'someone-else' } };
    await ctx.store.db.insertInto('users').values({ ...(await ctx.store.db.selectFrom('users').selectAll().where('id', '=', ctx.user.id).executeTakeFirstOrThrow()), id: other.user.id, email: 'other@example.org' }).execute();
    await recordIncidents(other, [incident('2019-03-05', 'MX', 'MX-CHP', ['threat.phone'], 'state.mx.inm', 'restricted')]);
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('counts incidents per month, country, kind and perpetrator type', async () => {
    const a = await dashboardAggregates(ctx.store.db, {}, { userId: ctx.user.id });
    expect(a.perMonth).toEqual([{ key: '2019-03', count: 2 }, { key: '2021-07', count: 1 }]);
    expect(a.perCountry).toEqual([{ key: 'MX', count: 2 }, { key: 'GT', count: 1 }, { key: 'US', count: 1 }]);
    // two threats in one incident count once
    expect(a.perKind).toEqual([{ key: 'threat', count: 2 }, { key: 'detention', count: 1 }, { key: 'surveillance', count: 1 }]);
    expect(a.perPerpetrator).toEqual([{ key: 'state.mx', count: 2 }, { key: 'non_state.unknown', count: 1 }, { key: 'state.us', count: 1 }]);
  });

  it('limits to a date range', async () => {
    const a = await dashboardAggregates(ctx.store.db, { from: '2021', to: '2022-06' }, { userId: ctx.user.id });
    expect(a.perCountry).toEqual([{ key: 'GT', count: 1 }, { key: 'US', count: 1 }]);
    expect(a.perMonth).toEqual([{ key: '2021-07', count: 1 }]);
  });

  it('counts a restricted incident only for those it is shared with', async () => {
    const a = await dashboardAggregates(ctx.store.db, {}, { userId: 'someone-else' });
    expect(a.perMonth.find((m) => m.key === '2019-03')?.count).toBe(3);
  });
});
