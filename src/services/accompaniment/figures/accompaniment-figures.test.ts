/**
 * Accompaniment figures on both backends: hearings counted at their court's own day (a 23:30
 * hearing in San Diego on the 31st is that month's, whatever UTC says), per person summoned, another
 * organisation's records never counted, cancelled runs left out, the period checked by field.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../../test/helpers/api.js';
import type { ServiceContext } from '../../context.js';
import { accompanimentFigures } from './accompaniment-figures.js';

let ws: TestWorkspace;
let admin: ServiceContext;
const NOW = '2027-01-01T00:00:00.000Z';

async function seed(orgId: string, userId: string) {
  const db = admin.store.db;
  const person = async (ref: string) => {
    const id = randomUUID();
    await db.insertInto('accompanied_people').values({
      id, org_id: orgId, ref, pseudonym: `P ${ref}`, family_id: null, family_role: null, nationality: 'HN', languages: '["es"]', age_group: 'adult', needs: '[]',
      needs_note: null, staying_at: null, reminder_lang: 'es', identity: null, status: 'active', created_at: NOW, created_by: userId, updated_at: NOW, updated_by: userId, version: 1,
    }).execute();
    return id;
  };
  const hearing = async (ref: string, startsAt: string, status: 'held' | 'cancelled', outcome: string | null, people: [string, 'presented' | 'missed'][]) => {
    const id = randomUUID();
    await db.insertInto('hearings').values({
      id, org_id: orgId, ref, court: 'court-san-diego', zone: 'America/Los_Angeles', starts_at: startsAt, kind: 'master_calendar', present_place: null, present_zone: null, present_at: null,
      representative: null, documents: '[]', notes: null, status, outcome, outcome_at: null, next_hearing_id: null, created_at: NOW, created_by: userId, updated_at: NOW, updated_by: userId, version: 1,
    }).execute();
    for (const [p, attendance] of people) await db.insertInto('hearing_people').values({ hearing_id: id, person_id: p, attendance }).execute();
  };
  const run = async (ref: string, day: string, status: 'ended' | 'cancelled', people: string[]) => {
    const id = randomUUID();
    await db.insertInto('transport_runs').values({ id, org_id: orgId, ref, day, label: null, coordinator_id: userId, arrive_place: 'poe-san-ysidro', arrive_zone: 'America/Los_Angeles', arrive_at: `${day}T11:00:00.000Z`, margin_minutes: 30, status, ended_at: null, created_at: NOW, created_by: userId, updated_at: NOW, version: 1 }).execute();
    for (const [i, [from, to]] of [['mx-mexicali', 'mx-tijuana'], ['mx-tijuana', 'poe-san-ysidro']].entries()) {
      await db.insertInto('transport_legs').values({
        id: randomUUID(), run_id: id, ordinal: i + 1, from_place: from!, from_zone: 'America/Tijuana', to_place: to!, to_zone: 'America/Tijuana', mode: 'bus',
        depart_at: `${day}T08:00:00.000Z`, arrive_at: `${day}T10:00:00.000Z`, seats: 10, escort_id: null, handoff_org_id: null, mark_by: `${day}T10:20:00.000Z`, meeting_point: null,
      }).execute();
    }
    for (const [i, p] of people.entries()) await db.insertInto('transport_passengers').values({ run_id: id, person_id: p, hearing_id: null, ordinal: i + 1 }).execute();
  };
  return { person, hearing, run };
}

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws);
}, 60_000);
afterAll(async () => { await ws?.close(); });

describe('accompaniment figures', () => {
  it('counts the organisation\'s hearings at their court\'s day and its runs by month and route', async () => {
    const s = await seed(admin.user.orgId, admin.user.id);
    const [a, b, c] = [await s.person('ACP-0001'), await s.person('ACP-0002'), await s.person('ACP-0003')];
    // 23:30 PST on 31 January is 07:30 UTC on 1 February: January's
    await s.hearing('HRG-0001', '2027-02-01T07:30:00.000Z', 'held', 'continued', [[a, 'presented'], [b, 'presented']]);
    await s.hearing('HRG-0002', '2027-01-20T16:00:00.000Z', 'held', 'removal_in_absentia', [[c, 'missed']]);
    await s.hearing('HRG-0003', '2027-01-21T16:00:00.000Z', 'cancelled', null, [[c, 'missed']]);
    await s.hearing('HRG-0004', '2027-02-01T09:00:00.000Z', 'held', 'continued', [[c, 'presented']]); // 01:00 PST on 1 February
    await s.run('RUN-0001', '2027-01-31', 'ended', [a, b]);
    await s.run('RUN-0002', '2027-01-20', 'cancelled', [c]);
    // another organisation's records
    const other = randomUUID();
    await admin.store.users.insertOrganisation(other, 'Otra', NOW);
    const o = await seed(other, admin.user.id);
    const x = await o.person('ACP-0009');
    await o.hearing('HRG-0009', '2027-01-10T16:00:00.000Z', 'held', 'continued', [[x, 'presented']]);
    await o.run('RUN-0009', '2027-01-10', 'ended', [x]);

    const f = await accompanimentFigures(admin, { from: '2027-01-01', to: '2027-01-31' });
    expect(f.attendance).toEqual({ presented: 2, missed: 1, excused: 0, expected: 0 });
    expect(f.outcomes).toEqual([{ outcome: 'continued', people: 2 }, { outcome: 'removal_in_absentia', people: 1 }]);
    expect(f.byMonthRoute).toEqual([{ month: '2027-01', from: 'mx-mexicali', to: 'poe-san-ysidro', people: 2 }]);
    expect(f.people).toBe(2);
  });

  it('names the field of a bad period and refuses people without the permission', async () => {
    await expect(accompanimentFigures(admin, { from: '2027-02-01', to: '2027-01-01' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'to', code: 'to_before_from' }] });
    await expect(accompanimentFigures(admin, { from: '2027-02-30', to: '2027-03-01' })).rejects.toMatchObject({ status: 400, problems: [{ path: 'from' }] });
    await expect(accompanimentFigures({ ...admin, user: { ...admin.user, role: 'analyst' } }, { from: '2027-01-01', to: '2027-01-31' })).rejects.toMatchObject({ status: 403 });
  });
});
