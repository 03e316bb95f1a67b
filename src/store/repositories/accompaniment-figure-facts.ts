/**
 * The plain facts accompaniment figures are counted from (ADR 0024): per person summoned, the
 * hearing's day at its court, attendance, status and outcome; per passenger of a run that was not
 * cancelled, its day and its first and last places. Never a sealed column, never a name.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { AttendanceFact, RideFact } from '../../domain/accompaniment/figures.js';
import { localDay } from '../../domain/accompaniment/time.js';

const dayBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString();

export async function accompanimentFacts(db: Kysely<Database>, orgId: string, from: string, to: string): Promise<{ attendance: AttendanceFact[]; rides: RideFact[] }> {
  // instants a day either side of the local days (every zone here is within UTC−8…UTC−5), then each court's own day
  const rows = await db.selectFrom('hearing_people as hp').innerJoin('hearings as h', 'h.id', 'hp.hearing_id')
    .select(['hp.person_id', 'hp.hearing_id', 'hp.attendance', 'h.outcome', 'h.status', 'h.starts_at', 'h.zone'])
    .where('h.org_id', '=', orgId).where('h.starts_at', '>=', dayBefore(from, -1)).where('h.starts_at', '<', dayBefore(to, 2))
    .execute();
  // a hearing's people share its instant, and a court's hearings a few: each day is worked out once
  const days = new Map<string, string>();
  const dayOf = (at: string, zone: string) => {
    const k = `${at}|${zone}`;
    let d = days.get(k);
    if (d === undefined) days.set(k, (d = localDay(at, zone)));
    return d;
  };
  const attendance = rows
    .filter((r) => { const d = dayOf(r.starts_at, r.zone); return d >= from && d <= to; })
    .map((r) => ({ personId: r.person_id, hearingId: r.hearing_id, attendance: r.attendance, outcome: r.outcome, status: r.status }));
  const runs = await db.selectFrom('transport_runs').select(['id', 'day']).where('org_id', '=', orgId).where('status', '!=', 'cancelled')
    .where('day', '>=', from).where('day', '<=', to).execute();
  if (!runs.length) return { attendance, rides: [] };
  const ids = runs.map((r) => r.id);
  const legs = await db.selectFrom('transport_legs').select(['run_id', 'ordinal', 'from_place', 'to_place']).where('run_id', 'in', ids).execute();
  const ends = new Map<string, { from: string; to: string; first: number; last: number }>();
  for (const l of legs) {
    const e = ends.get(l.run_id) ?? { from: l.from_place, to: l.to_place, first: Number(l.ordinal), last: Number(l.ordinal) };
    if (Number(l.ordinal) <= e.first) { e.first = Number(l.ordinal); e.from = l.from_place; }
    if (Number(l.ordinal) >= e.last) { e.last = Number(l.ordinal); e.to = l.to_place; }
    ends.set(l.run_id, e);
  }
  const day = new Map(runs.map((r) => [r.id, r.day]));
  const passengers = await db.selectFrom('transport_passengers').select(['run_id', 'person_id']).where('run_id', 'in', ids).execute();
  const rides = passengers.flatMap((p) => {
    const e = ends.get(p.run_id);
    return e ? [{ personId: p.person_id, day: day.get(p.run_id)!, from: e.from, to: e.to }] : [];
  });
  return { attendance, rides };
}
