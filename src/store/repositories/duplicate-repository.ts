/**
 * Duplicates in SQL (migration 0014, ADR 0023): the candidates for one incident's duplicates and
 * the incidents of a period — always by the indexed columns (country, date_from) or (date_from),
 * need-to-know applied — with the non-identifying facts scoring needs; dismissed pairs; and the
 * parts of a merge the incident repository does not do: moving a merged incident's evidence items,
 * their files, urgent cases (steps, notes, appeals) and campaigns to the incident it was merged
 * into, every sealed value opened under the old incident's data key and sealed again under the new
 * one's (values are bound to their record), and marking the merged incident.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DuplicatePlace } from '../../domain/duplicates/view.js';
import type { Database, IncidentTable } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from './sealed-fields.js';
import { visibleTo, type Viewer } from './visibility.js';
import { isSealedValue } from '../../crypto/envelope.js';
import { incidentRef } from '../../domain/incident/view.js';
import type { DayWindow } from '../../domain/duplicates/window.js';


/** What a list of duplicates shows of an incident, and what scoring reads (nothing identifying). */
export interface DuplicateRow {
  id: string;
  ref: string;
  title: string;
  /** undefined when sealed (marked identifying) */
  summary: string | undefined;
  date: { start: string; end?: string; approximate?: true } | undefined;
  span: { from: string; to: string } | undefined;
  place: DuplicatePlace;
  status: string;
  confidentiality: string;
  version: number;
  acts: string[];
  perpetrators: string[];
  /** present only when asked for (the reader may see victims) */
  victims?: { actorId: string; pseudonym: string }[];
  sources: number;
  interventions: number;
}

type BaseRow = Pick<Selectable<IncidentTable>, 'id' | 'seq' | 'title' | 'summary' | 'date_start' | 'date_end' | 'date_approx' | 'date_from' | 'date_to' | 'place_precision' | 'country' | 'state' | 'locality' | 'crossing' | 'route_segment' | 'status' | 'confidentiality' | 'version'>;
const BASE = ['i.id', 'i.seq', 'i.title', 'i.summary', 'i.date_start', 'i.date_end', 'i.date_approx', 'i.date_from', 'i.date_to', 'i.place_precision', 'i.country', 'i.state', 'i.locality', 'i.crossing', 'i.route_segment', 'i.status', 'i.confidentiality', 'i.version'] as const;

const CHUNK = 500;
function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

export class DuplicateRepository {
  private readonly db: Kysely<Database>;
  private readonly sealer: FieldSealer;
  constructor(db: Kysely<Database>, keys: StoreKeys) {
    this.db = db;
    this.sealer = new FieldSealer(db, keys);
  }

  private live(viewer: Viewer) {
    return this.db.selectFrom('incidents as i').select(BASE).where('i.deleted_at', 'is', null).where(visibleTo(viewer));
  }

  /**
   * The queries for one incident's candidates, at most `cap` + 1 rows each: the incidents of its
   * country (and those of no country) whose span starts inside the window — or, when it has no
   * country, of any country — and those sharing one of its victims in the same window. Exposed so a
   * test can check their plans read indexes.
   */
  candidateQueries(target: { id: string; country: string | null; victims: string[] }, w: DayWindow, viewer: Viewer, cap: number) {
    const inWindow = (q: ReturnType<DuplicateRepository['live']>) =>
      q.where('i.date_from', '>=', w.firstFrom).where('i.date_from', '<=', w.lastFrom).where('i.date_to', '>=', w.minTo).where('i.id', '!=', target.id).orderBy('i.date_from').orderBy('i.seq').limit(cap + 1);
    const queries = target.country
      ? [inWindow(this.live(viewer).where('i.country', '=', target.country)), inWindow(this.live(viewer).where('i.country', 'is', null))]
      : [inWindow(this.live(viewer))];
    if (target.victims.length) {
      queries.push(inWindow(this.live(viewer).where('i.id', 'in', (eb) => eb.selectFrom('incident_victims as v').select('v.incident_id').where('v.actor_id', 'in', target.victims.slice(0, CHUNK)))));
    }
    return queries;
  }

  /** Candidates for one incident's duplicates (candidateQueries), at most `cap` per kind; `capped` when a kind held more. */
  async candidates(target: { id: string; country: string | null; victims: string[] }, w: DayWindow, viewer: Viewer, cap: number): Promise<{ rows: BaseRow[]; capped: boolean }> {
    const found = new Map<string, BaseRow>();
    let capped = false;
    for (const q of this.candidateQueries(target, w, viewer, cap)) {
      const rows = await q.execute();
      if (rows.length > cap) capped = true;
      for (const r of rows.slice(0, cap)) found.set(r.id, r);
    }
    return { rows: [...found.values()], capped };
  }

  /** Live incidents visible to the viewer whose span starts between two days (country and state filters optional), first days first. */
  periodQuery(firstFrom: string, lastFrom: string, filters: { country?: string[] | undefined; state?: string[] | undefined }, viewer: Viewer, cap: number) {
    let q = this.live(viewer).where('i.date_from', '>=', firstFrom).where('i.date_from', '<=', lastFrom);
    if (filters.country?.length) q = q.where('i.country', 'in', filters.country);
    if (filters.state?.length) q = q.where('i.state', 'in', filters.state);
    return q.orderBy('i.date_from').orderBy('i.seq').limit(cap + 1);
  }

  /** periodQuery's rows, at most `cap`; `capped` when there were more. */
  async startingBetween(firstFrom: string, lastFrom: string, filters: { country?: string[] | undefined; state?: string[] | undefined }, viewer: Viewer, cap: number): Promise<{ rows: BaseRow[]; capped: boolean }> {
    const rows = await this.periodQuery(firstFrom, lastFrom, filters, viewer, cap).execute();
    return { rows: rows.slice(0, cap), capped: rows.length > cap };
  }

  /** One live incident's row as a list shows it (or undefined). */
  async row(id: string, viewer: Viewer): Promise<BaseRow | undefined> {
    return this.live(viewer).where('i.id', '=', id).executeTakeFirst();
  }

  /** The rows with their parts' codes, counts and (when asked) victims, in the order given. */
  async withParts(rows: BaseRow[], opts: { victims: boolean }): Promise<DuplicateRow[]> {
    const acts = new Map<string, string[]>();
    const perps = new Map<string, string[]>();
    const victims = new Map<string, { actorId: string; pseudonym: string }[]>();
    const sources = new Map<string, number>();
    const itvs = new Map<string, number>();
    const push = <T>(m: Map<string, T[]>, k: string, v: T) => m.set(k, [...(m.get(k) ?? []), v]);
    for (const ids of chunks(rows.map((r) => r.id))) {
      for (const a of await this.db.selectFrom('acts').select(['incident_id', 'kind']).where('incident_id', 'in', ids).orderBy('ordinal').execute()) push(acts, a.incident_id, a.kind);
      for (const p of await this.db.selectFrom('involvements').select(['incident_id', 'perpetrator']).where('incident_id', 'in', ids).orderBy('ordinal').execute()) push(perps, p.incident_id, p.perpetrator);
      for (const s of await this.db.selectFrom('sources').select(['incident_id']).where('incident_id', 'in', ids).execute()) sources.set(s.incident_id, (sources.get(s.incident_id) ?? 0) + 1);
      for (const s of await this.db.selectFrom('interventions').select(['incident_id']).where('incident_id', 'in', ids).execute()) itvs.set(s.incident_id, (itvs.get(s.incident_id) ?? 0) + 1);
      if (opts.victims) {
        const vs = await this.db.selectFrom('incident_victims as v').innerJoin('actors as a', 'a.id', 'v.actor_id').select(['v.incident_id', 'v.actor_id', 'a.pseudonym']).where('v.incident_id', 'in', ids).orderBy('v.ordinal').execute();
        for (const v of vs) push(victims, v.incident_id, { actorId: v.actor_id, pseudonym: v.pseudonym });
      }
    }
    return rows.map((r) => {
      const place: DuplicateRow['place'] = { precision: r.place_precision };
      if (r.country) place.country = r.country;
      if (r.state) place.state = r.state;
      if (r.locality) place.locality = r.locality;
      if (r.crossing) place.crossing = r.crossing;
      if (r.route_segment) place.routeSegment = r.route_segment;
      return {
        id: r.id, ref: incidentRef(Number(r.seq)), title: r.title,
        summary: r.summary !== null && !isSealedValue(r.summary) ? r.summary : undefined,
        date: r.date_start ? { start: r.date_start, ...(r.date_end ? { end: r.date_end } : {}), ...(r.date_approx ? { approximate: true as const } : {}) } : undefined,
        span: r.date_from && r.date_to ? { from: r.date_from, to: r.date_to } : undefined,
        place, status: r.status, confidentiality: r.confidentiality, version: Number(r.version),
        acts: [...new Set(acts.get(r.id) ?? [])], perpetrators: [...new Set(perps.get(r.id) ?? [])],
        ...(opts.victims ? { victims: victims.get(r.id) ?? [] } : {}),
        sources: sources.get(r.id) ?? 0, interventions: itvs.get(r.id) ?? 0,
      };
    });
  }

  /** Evidence items and urgent cases per incident (what a merge would move besides the parts). */
  async attachedCounts(ids: string[]): Promise<Map<string, { evidence: number; urgent: number }>> {
    const out = new Map<string, { evidence: number; urgent: number }>(ids.map((id) => [id, { evidence: 0, urgent: 0 }]));
    for (const c of chunks(ids)) {
      for (const r of await this.db.selectFrom('evidence_items').select('incident_id').where('incident_id', 'in', c).execute()) out.get(r.incident_id!)!.evidence++;
      for (const r of await this.db.selectFrom('urgent_cases').select('incident_id').where('incident_id', 'in', c).execute()) out.get(r.incident_id)!.urgent++;
    }
    return out;
  }

  // dismissed pairs

  /** Keys ("a|b", a < b) of the dismissed pairs that involve any of `ids`. */
  async dismissedAmong(ids: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const c of chunks(ids)) {
      const rows = await this.db.selectFrom('duplicate_dismissals').select(['incident_a', 'incident_b']).where((eb) => eb.or([eb('incident_a', 'in', c), eb('incident_b', 'in', c)])).execute();
      for (const r of rows) out.add(`${r.incident_a}|${r.incident_b}`);
    }
    return out;
  }

  /** Remembers a pair as not a duplicate; false when it already was. */
  async dismiss(x: string, y: string, by: string, at: string): Promise<boolean> {
    const [a, b] = x < y ? [x, y] : [y, x];
    const has = await this.db.selectFrom('duplicate_dismissals').select('incident_a').where('incident_a', '=', a).where('incident_b', '=', b).executeTakeFirst();
    if (has) return false;
    await this.db.insertInto('duplicate_dismissals').values({ incident_a: a, incident_b: b, dismissed_at: at, dismissed_by: by }).execute();
    return true;
  }

  // merged incidents

  /** A merged incident the viewer may see (its shares still hold): where it went and when. */
  async mergedInfo(id: string, viewer: Viewer): Promise<{ id: string; ref: string; title: string; mergedInto: string; at: string } | undefined> {
    const r = await this.db.selectFrom('incidents as i').select(['i.id', 'i.seq', 'i.title', 'i.merged_into', 'i.deleted_at'])
      .where('i.id', '=', id).where('i.merged_into', 'is not', null).where(visibleTo(viewer)).executeTakeFirst();
    return r && r.merged_into ? { id: r.id, ref: incidentRef(Number(r.seq)), title: r.title, mergedInto: r.merged_into, at: r.deleted_at ?? '' } : undefined;
  }

  /** Whether an incident exists at all and, if merged, into which (for following a chain of merges). */
  async mergedInto(id: string): Promise<string | null | undefined> {
    const r = await this.db.selectFrom('incidents').select(['merged_into']).where('id', '=', id).executeTakeFirst();
    return r ? r.merged_into : undefined;
  }

  /** Incidents merged into `id` that the viewer could see (their shares still hold), oldest merge first. */
  async mergedFrom(id: string, viewer: Viewer): Promise<{ id: string; ref: string; at: string }[]> {
    const rows = await this.db.selectFrom('incidents as i').select(['i.id', 'i.seq', 'i.deleted_at']).where('i.merged_into', '=', id).where(visibleTo(viewer)).orderBy('i.deleted_at').orderBy('i.seq').execute();
    return rows.map((r) => ({ id: r.id, ref: incidentRef(Number(r.seq)), at: r.deleted_at ?? '' }));
  }

  /** Removes an incident's parts (they were written into another incident, with the same ids). */
  async removeParts(id: string): Promise<void> {
    for (const t of ['incident_context', 'incident_victims', 'involvements', 'acts', 'sources', 'interventions'] as const) await this.db.deleteFrom(t).where('incident_id', '=', id).execute();
  }

  /** Marks `id` merged into `into` (and removed from lists), at the version the merger saw; false when it changed meanwhile. */
  async markMerged(id: string, into: string, at: string, userId: string, expectedVersion: number): Promise<boolean> {
    const r = await this.db.updateTable('incidents')
      .set({ merged_into: into, deleted_at: at, updated_at: at, updated_by: userId, version: expectedVersion + 1 })
      .where('id', '=', id).where('version', '=', expectedVersion).where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** References of an incident's open urgent cases. */
  async openUrgentCases(incidentId: string): Promise<string[]> {
    return (await this.db.selectFrom('urgent_cases').select('ref').where('incident_id', '=', incidentId).where('status', '=', 'open').orderBy('ref').execute()).map((r) => r.ref);
  }

  /**
   * Moves evidence items, their files, urgent cases (their steps, notes and appeals) and campaigns
   * (and their actions) from one incident to another, sealed values re-sealed under the new
   * incident's data key. Returns how many items and cases moved.
   */
  async moveAttached(from: string, to: string): Promise<{ evidence: number; urgent: number; campaigns: number }> {
    const oldRecord = recordName('incident', from);
    const newRecord = recordName('incident', to);
    const oldKey = await this.sealer.dataKey(oldRecord, false);
    const newKey = await this.sealer.dataKey(newRecord, true);
    const reseal = (table: string, row: string, column: string, value: string | null): string | null => {
      if (value === null) return null;
      const plain = this.sealer.open(oldKey, { record: oldRecord, table, row, column }, value)!;
      return this.sealer.seal(newKey, { record: newRecord, table, row, column }, plain);
    };

    const items = await this.db.selectFrom('evidence_items').select(['id', 'file_id', 'view_file_id', 'original_name', 'description', 'metadata', 'capture']).where('incident_id', '=', from).execute();
    for (const it of items) {
      await this.db.updateTable('evidence_items').set({
        incident_id: to,
        original_name: reseal('evidence_items', it.id, 'original_name', it.original_name),
        description: reseal('evidence_items', it.id, 'description', it.description),
        metadata: reseal('evidence_items', it.id, 'metadata', it.metadata),
        capture: reseal('evidence_items', it.id, 'capture', it.capture),
      }).where('id', '=', it.id).execute();
    }
    const fileIds = [...new Set(items.flatMap((it) => [it.file_id, ...(it.view_file_id ? [it.view_file_id] : [])]))];
    for (const c of chunks(fileIds)) {
      const files = await this.db.selectFrom('files').select(['id', 'file_key']).where('id', 'in', c).where('record', '=', oldRecord).execute();
      for (const f of files) await this.db.updateTable('files').set({ record: newRecord, file_key: reseal('files', f.id, 'file_key', f.file_key)! }).where('id', '=', f.id).execute();
    }

    const cases = await this.db.selectFrom('urgent_cases').select(['id', 'closing_note']).where('incident_id', '=', from).execute();
    for (const c of cases) {
      await this.db.updateTable('urgent_cases').set({ incident_id: to, closing_note: reseal('urgent_cases', c.id, 'closing_note', c.closing_note) }).where('id', '=', c.id).execute();
      for (const s of await this.db.selectFrom('urgent_steps').select(['id', 'label', 'note']).where('case_id', '=', c.id).execute()) {
        await this.db.updateTable('urgent_steps').set({ label: reseal('urgent_steps', s.id, 'label', s.label), note: reseal('urgent_steps', s.id, 'note', s.note) }).where('id', '=', s.id).execute();
      }
      for (const n of await this.db.selectFrom('urgent_notes').select(['id', 'body']).where('case_id', '=', c.id).execute()) {
        await this.db.updateTable('urgent_notes').set({ body: reseal('urgent_notes', n.id, 'body', n.body)! }).where('id', '=', n.id).execute();
      }
      for (const a of await this.db.selectFrom('appeals').select(['id', 'letter', 'answer_note']).where('case_id', '=', c.id).execute()) {
        await this.db.updateTable('appeals').set({ letter: reseal('appeals', a.id, 'letter', a.letter)!, answer_note: reseal('appeals', a.id, 'answer_note', a.answer_note) }).where('id', '=', a.id).execute();
      }
    }

    const campaigns = await this.db.selectFrom('campaigns').select(['id', 'title']).where('incident_id', '=', from).execute();
    for (const c of campaigns) {
      await this.db.updateTable('campaigns').set({ incident_id: to, title: reseal('campaigns', c.id, 'title', c.title)! }).where('id', '=', c.id).execute();
      for (const a of await this.db.selectFrom('campaign_actions').select(['id', 'description']).where('campaign_id', '=', c.id).execute()) {
        await this.db.updateTable('campaign_actions').set({ description: reseal('campaign_actions', a.id, 'description', a.description) }).where('id', '=', a.id).execute();
      }
    }
    return { evidence: items.length, urgent: cases.length, campaigns: campaigns.length };
  }

  /** Everyone who has an account (for need-to-know across a merge): id and role. */
  async people(): Promise<{ id: string; role: string }[]> {
    return this.db.selectFrom('users').select(['id', 'role']).execute();
  }
}

