/**
 * Searching identifying values (ADR 0010): they are sealed per record and never indexed, so the
 * use case opens and matches them batch by batch (scanIdentifying, every batch until done, each
 * batch audited). The floor reads the same sealed columns raw, opening nothing.
 */
import { scanIdentifying } from '../../src/services/incidents/scan-identifying.js';
import type { Dataset } from '../lib/dataset.js';
import type { RawDb } from '../lib/raw-db.js';
import { paired, type Timing } from '../lib/stats.js';

export interface ScanRow { text: string; scanned: number; matches: number; ours: Timing; floor: Timing }

const FLOOR = [
  'SELECT id, seq, title, private_sealed, summary FROM incidents WHERE deleted_at IS NULL ORDER BY seq',
  'SELECT id, incident_id, identified_individuals FROM involvements WHERE identified_individuals IS NOT NULL',
  'SELECT id, incident_id, testimony FROM sources WHERE testimony IS NOT NULL',
  'SELECT v.incident_id, a.id, a.real_name, a.contact, a.private_address FROM incident_victims v JOIN actors a ON a.id = v.actor_id',
  'SELECT record, key_id, kek_id, wrapped FROM record_keys',
];

export async function measureScan(d: Dataset, raw: RawDb, log: (l: string) => void): Promise<ScanRow> {
  const text = 'ficticia 17';
  let scanned = 0;
  let matches = 0;
  const r = await paired({
    ours: async () => {
      let after: number | undefined;
      let seen = 0;
      let hits = 0;
      for (;;) {
        const res = await scanIdentifying(d.ctx, { text, ...(after !== undefined ? { after, scanned: seen } : {}) });
        seen = res.scanned;
        hits += res.matches.length;
        if (res.next === null) break;
        after = res.next;
      }
      scanned = seen;
      matches = hits;
    },
    floor: async () => { for (const s of FLOOR) await raw.all(s); },
    rounds: 5, minRounds: 2, warmup: 0, budgetMs: 60_000,
  });
  log(`  scan "${text}": ${scanned} incidents, ${matches} matches, ours p50 ${r.ours.p50.toFixed(0)} ms, floor p50 ${r.floor.p50.toFixed(0)} ms`);
  return { text, scanned, matches, ...r };
}
