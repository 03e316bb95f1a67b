/**
 * One incident: reading it through the read use case (getIncident: access check, incident and its
 * parts, victims, identifying values opened) vs a raw SELECT of its row by id; recording one
 * (createIncident: validation, codes, sealing, parts, search index, history, chained audit, one
 * transaction) vs a raw INSERT of one incident row. The raw rows are removed afterwards.
 */
import { getIncident } from '../../src/services/incidents/read-incidents.js';
import { createIncident } from '../../src/services/incidents/save-incident.js';
import { incidentInputSchema } from '../../src/domain/incident/schema.js';
import type { Dataset } from '../lib/dataset.js';
import type { RawDb } from '../lib/raw-db.js';
import { summarise, timeOnce, type Timing } from '../lib/stats.js';

export interface ReadWriteResult { read: { ours: Timing; floor: Timing }; write: { ours: Timing; floor: Timing } }

const input = (n: number) => incidentInputSchema.parse({
  title: `Amenaza telefónica al albergue (bench ${n})`,
  summary: 'Una persona desconocida llamó al teléfono del albergue y amenazó al coordinador si seguían recibiendo a personas migrantes.',
  date: { start: '2026-05-01' },
  place: { precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Saltillo' },
  confidentiality: 'organisation',
  victims: [{ key: 'v1', actor: { kind: 'person', pseudonym: `Coordinador Z-${n}`, realName: `Persona Ficticia Z${n}` } }],
  acts: [{ kind: 'threat.phone', victimKey: 'v1', perpetrators: [{ perpetrator: 'non_state.unknown' }] }],
  sources: [{ kind: 'victim', testimony: 'Testimonio ficticio.' }],
});

export async function measureReadWrite(d: Dataset, raw: RawDb, log: (l: string) => void): Promise<ReadWriteResult> {
  const p = d.backend === 'postgres' ? (i: number) => `$${i}` : () => '?';
  const ids = (await raw.all(`SELECT id FROM incidents WHERE seq % ${Math.max(1, Math.floor(d.size / 300))} = 0 ORDER BY seq LIMIT 200`)) as { id: string }[];
  const readOurs: number[] = [];
  const readFloor: number[] = [];
  for (const [k, { id }] of ids.entries()) {
    const o = await timeOnce(() => getIncident(d.ctx, id));
    const f = await timeOnce(() => raw.all(`SELECT * FROM incidents WHERE id = ${p(1)}`, [id]));
    if (k >= 5) { readOurs.push(o); readFloor.push(f); }
  }
  const writeOurs: number[] = [];
  const writeFloor: number[] = [];
  const cols = 'id, org_id, title, summary, date_start, date_end, date_approx, date_from, date_to, place_precision, country, state, locality, status, follow_up, confidentiality, created_at, created_by, updated_at, updated_by, version';
  const ins = `INSERT INTO incidents (${cols}) VALUES (${Array.from({ length: 21 }, (_, i) => p(i + 1)).join(', ')})`;
  const tag = `raw-bench-${Date.now()}`;
  for (let i = 0; i < 105; i++) {
    const o = await timeOnce(() => createIncident(d.ctx, input(i)));
    const t = new Date().toISOString();
    const f = await timeOnce(() => raw.run(ins, [`${tag}-${i}`, d.ctx.user.orgId, `Amenaza ${i}`, 'Llamada amenazante al coordinador', '2026-05-01', null, 0, '2026-05-01', '2026-05-01', 'locality', 'MX', 'MX-COA', 'Saltillo', 'reported', 'open', 'organisation', t, d.ctx.user.id, t, d.ctx.user.id, 1]));
    if (i >= 5) { writeOurs.push(o); writeFloor.push(f); }
  }
  await raw.run(`DELETE FROM incidents WHERE id LIKE ${p(1)}`, [`${tag}-%`]);
  const r = { read: { ours: summarise(readOurs), floor: summarise(readFloor) }, write: { ours: summarise(writeOurs), floor: summarise(writeFloor) } };
  log(`  read p95 ${r.read.ours.p95.toFixed(2)} ms (floor ${r.read.floor.p95.toFixed(2)}), write p95 ${r.write.ours.p95.toFixed(2)} ms (floor ${r.write.floor.p95.toFixed(2)})`);
  return r;
}
