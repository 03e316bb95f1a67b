/** Incidents and their parts (acts, involvements, victims, sources, interventions) in SQL. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, IncidentTable, ActTable, InvolvementTable, SourceTable, InterventionTable } from '../schema-types.js';
import type { IncidentInput, IncidentCounts } from '../../domain/incident/schema.js';
import type { IncidentView } from '../../domain/incident/view.js';
import { incidentRef } from '../../domain/incident/view.js';
import type { ActorView } from '../../domain/actor/view.js';
import { dateSpan } from '../../domain/dates.js';
import type { FieldChange } from '../../domain/incident/history.js';
import { compact } from './compact.js';

/** The stored form of an incident's counts: JSON of the numbers given, or null when none is. */
function countsColumn(c: IncidentCounts | undefined): string | null {
  const given = c ? Object.entries(c).filter(([, n]) => n !== undefined) : [];
  return given.length ? JSON.stringify(Object.fromEntries(given)) : null;
}
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from './sealed-fields.js';
import { visibleTo, type Viewer } from './visibility.js';
import { isSealedValue, type DataKey } from '../../crypto/envelope.js';
import type { StorePolicy } from '../store-policy.js';

type IncRow = Pick<Selectable<IncidentTable>, 'id' | 'private_sealed'> & { summary?: string | null };
type ActRow = { id: string; incident_id: string; description: string | null };
type InvRow = Pick<Selectable<InvolvementTable>, 'id' | 'incident_id' | 'identified_individuals'> & { description?: string | null };
type SrcRow = Pick<Selectable<SourceTable>, 'id' | 'incident_id' | 'testimony'>;
type ItvRow = { id: string; incident_id: string; notes: string | null };

export interface IncidentMeta {
  id: string;
  orgId: string;
  userId: string;
  now: string;
  version: number;
  createdAt: string;
  createdBy: string;
  /** set when the incident is made by a committed import (never changed afterwards) */
  importRunId?: string;
}

type Act = IncidentInput['acts'][number];
type Involvement = Act['perpetrators'][number];
/** An incident input whose every part already has its id. */
export type IncidentWithIds = Omit<IncidentInput, 'acts' | 'sources' | 'interventions'> & {
  acts: (Omit<Act, 'id' | 'perpetrators'> & { id: string; perpetrators: (Omit<Involvement, 'id'> & { id: string })[] })[];
  sources: (Omit<IncidentInput['sources'][number], 'id'> & { id: string })[];
  interventions: (Omit<IncidentInput['interventions'][number], 'id'> & { id: string })[];
};

/** One incident as rows, before insertion (seq comes from the database). */
interface IncidentRows {
  /** import_run_id only when an import makes the incident: an update leaves the stored one alone */
  incident: Omit<Selectable<IncidentTable>, 'seq' | 'import_run_id' | 'merged_into'> & { import_run_id?: string };
  context: { incident_id: string; code: string }[];
  victims: { incident_id: string; actor_id: string; ordinal: number }[];
  acts: Selectable<ActTable>[];
  involvements: Selectable<InvolvementTable>[];
  sources: Selectable<SourceTable>[];
  interventions: Selectable<InterventionTable>[];
}

/**
 * Rows per multi-row INSERT: well under SQLite's 32,766 bound parameters and PostgreSQL's 65,535
 * for our widest table (incidents, 29 columns).
 */
const ROWS_PER_INSERT = 500;
function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}

const rootOf = (code: string) => code.split('.')[0] ?? code;
const groupOf = (code: string) => code.split('.').slice(0, 2).join('.');

export class IncidentRepository {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys, private readonly policy: StorePolicy) {
    this.sealer = new FieldSealer(db, keys);
  }

  /** References (INC-000123) of some incidents, by id. */
  async refsOf(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let k = 0; k < ids.length; k += 500) {
      for (const r of await this.db.selectFrom('incidents').select(['id', 'seq']).where('id', 'in', ids.slice(k, k + 500)).execute()) out.set(r.id, incidentRef(Number(r.seq)));
    }
    return out;
  }

  async seqOf(id: string): Promise<number | undefined> {
    const r = await this.db.selectFrom('incidents').select('seq').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return r?.seq;
  }

  async childIds(incidentId: string): Promise<{ acts: Set<string>; involvements: Set<string>; sources: Set<string>; interventions: Set<string> }> {
    const [acts, inv, src, itv] = await Promise.all([
      this.db.selectFrom('acts').select('id').where('incident_id', '=', incidentId).execute(),
      this.db.selectFrom('involvements').select('id').where('incident_id', '=', incidentId).execute(),
      this.db.selectFrom('sources').select('id').where('incident_id', '=', incidentId).execute(),
      this.db.selectFrom('interventions').select('id').where('incident_id', '=', incidentId).execute(),
    ]);
    const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
    return { acts: ids(acts), involvements: ids(inv), sources: ids(src), interventions: ids(itv) };
  }

  /**
   * The rows one incident is stored as (identifying values sealed under `dk`), shared by `write`
   * and `writeMany` so a bulk load stores exactly what the one-at-a-time path stores.
   */
  private rowsOf(meta: IncidentMeta, input: IncidentWithIds, victimIds: Map<string, string>, dk: DataKey): IncidentRows {
    const span = input.date ? dateSpan(input.date) : null;
    const record = recordName('incident', meta.id);
    const slot = (table: string, row: string, column: string) => ({ record, table, row, column });
    const id = meta.id;
    const incident = {
      id,
      org_id: meta.orgId,
      title: input.title,
      summary: this.sealer.sealIf(this.policy.marked.has('summary'), dk, slot('incidents', meta.id, 'summary'), input.summary),
      date_start: input.date?.start ?? null,
      date_end: input.date?.end ?? null,
      date_approx: input.date?.approximate ? 1 : 0,
      date_from: span?.from ?? null,
      date_to: span?.to ?? null,
      place_precision: input.place.precision,
      country: input.place.country ?? null,
      state: input.place.state ?? null,
      locality: input.place.locality ?? null,
      route_segment: input.place.routeSegment ?? null,
      crossing: input.place.crossing ?? null,
      private_lat: null,
      private_lon: null,
      private_address: null,
      private_sealed: input.place.private ? this.sealer.seal(dk, slot('incidents', meta.id, 'private'), JSON.stringify(input.place.private)) : null,
      status: input.status,
      follow_up: input.followUp,
      confidentiality: input.confidentiality,
      counts: countsColumn(input.counts),
      created_at: meta.createdAt,
      created_by: meta.createdBy,
      updated_at: meta.now,
      updated_by: meta.userId,
      version: meta.version,
      deleted_at: null,
      ...(meta.importRunId ? { import_run_id: meta.importRunId } : {}),
    };
    const acts = input.acts.map((a, i) => ({
      id: a.id, incident_id: id, ordinal: i, kind: a.kind, kind_root: rootOf(a.kind),
      victim_actor_id: a.victimKey !== undefined ? (victimIds.get(a.victimKey) ?? null) : null,
      date_start: a.date?.start ?? null, date_end: a.date?.end ?? null, date_approx: a.date?.approximate ? 1 : 0,
      methods: JSON.stringify(a.methods), consequences: JSON.stringify(a.consequences), description: this.sealer.sealIf(this.policy.marked.has('acts.description'), dk, slot('acts', a.id, 'description'), a.description),
    }));
    const involvements = input.acts.flatMap((a) =>
      a.perpetrators.map((p, j) => ({
        id: p.id, act_id: a.id, incident_id: id, ordinal: j, perpetrator: p.perpetrator, perpetrator_group: groupOf(p.perpetrator),
        degree: p.degree ?? null, country: p.country ?? null, identified_individuals: this.sealer.seal(dk, slot('involvements', p.id, 'identified_individuals'), p.identifiedIndividuals), description: this.sealer.sealIf(this.policy.marked.has('perpetrators.description'), dk, slot('involvements', p.id, 'description'), p.description),
      })),
    );
    const sources = input.sources.map((s, i) => ({
      id: s.id, incident_id: id, ordinal: i, kind: s.kind, method: s.method ?? null, received_on: s.receivedOn ?? null, reliability: s.reliability ?? null,
      pseudonym: s.pseudonym ?? null, testimony: this.sealer.seal(dk, slot('sources', s.id, 'testimony'), s.testimony), consent: JSON.stringify(s.consent),
    }));
    const interventions = input.interventions.map((v, i) => ({
      id: v.id, incident_id: id, ordinal: i, kind: v.kind, date: v.date ?? null, actor: v.actor ?? null, addressee: v.addressee ?? null,
      outcome: v.outcome ?? null, follow_up: v.followUp ?? null, notes: this.sealer.sealIf(this.policy.marked.has('interventions.notes'), dk, slot('interventions', v.id, 'notes'), v.notes),
    }));
    return {
      incident,
      context: [...new Set(input.context)].map((code) => ({ incident_id: id, code })),
      victims: [...new Set(victimIds.values())].map((actor_id, ordinal) => ({ incident_id: id, actor_id, ordinal })),
      acts, involvements, sources, interventions,
    };
  }

  /**
   * Writes the incident row and replaces its parts. `input` must already carry an id on every
   * part and `victimIds` maps victim keys to actor ids. Returns the incident's seq.
   */
  async write(meta: IncidentMeta, input: IncidentWithIds, victimIds: Map<string, string>, isNew: boolean): Promise<number> {
    const dk = await this.sealer.dataKey(recordName('incident', meta.id), true);
    const rows = this.rowsOf(meta, input, victimIds, dk);
    let seq: number;
    if (isNew) {
      const r = await this.db.insertInto('incidents').values(rows.incident).returning('seq').executeTakeFirstOrThrow();
      seq = Number(r.seq);
    } else {
      await this.db.updateTable('incidents').set(rows.incident).where('id', '=', meta.id).execute();
      seq = (await this.seqOf(meta.id))!;
      for (const t of ['incident_context', 'incident_victims', 'involvements', 'acts', 'sources', 'interventions'] as const) {
        await this.db.deleteFrom(t).where('incident_id', '=', meta.id).execute();
      }
    }
    await this.insertParts([rows]);
    return seq;
  }

  /**
   * Writes many new incidents at once (bulk loads): the same rows as `write`, one data key per
   * incident, inserted a few hundred rows per statement. Returns what `load` would return for each
   * (identifying values as given, not read back and opened) with its seq; `actors` holds every
   * victim's view.
   */
  async writeMany(items: { meta: IncidentMeta; input: IncidentWithIds; victimIds: Map<string, string> }[], actors: Map<string, ActorView>): Promise<{ seq: number; view: IncidentView }[]> {
    if (!items.length) return [];
    const keys = await this.sealer.newDataKeys(items.map((it) => recordName('incident', it.meta.id)));
    const rows = items.map((it) => this.rowsOf(it.meta, it.input, it.victimIds, keys.get(recordName('incident', it.meta.id))!));
    const seqs = new Map<string, number>();
    // ids are returned with their seq: the order of RETURNING rows is not promised
    for (const chunk of chunks(rows.map((r) => r.incident))) {
      for (const r of await this.db.insertInto('incidents').values(chunk).returning(['id', 'seq']).execute()) seqs.set(r.id, Number(r.seq));
    }
    await this.insertParts(rows);
    return items.map(({ input }, k) => {
      const r = rows[k]!;
      const seq = seqs.get(r.incident.id)!;
      const perps = new Map(input.acts.flatMap((a) => a.perpetrators).map((p) => [p.id, p]));
      const view = toView(
        { ...r.incident, import_run_id: r.incident.import_run_id ?? null, merged_into: null, seq, summary: input.summary ?? null, private_sealed: null }, input.place.private,
        r.context.map((c) => c.code).sort(), r.victims.map((v) => v.actor_id), actors,
        r.acts.map((a, i) => ({ ...a, description: input.acts[i]!.description ?? null })),
        r.involvements.map((v) => ({ ...v, identified_individuals: perps.get(v.id)!.identifiedIndividuals ?? null, description: perps.get(v.id)!.description ?? null })),
        r.sources.map((x, i) => ({ ...x, testimony: input.sources[i]!.testimony ?? null })),
        r.interventions.map((n, i) => ({ ...n, notes: input.interventions[i]!.notes ?? null })),
      );
      return { seq, view };
    });
  }

  /** Inserts the parts of incidents whose rows were just written (acts before their involvements). */
  private async insertParts(list: IncidentRows[]): Promise<void> {
    for (const c of chunks(list.flatMap((r) => r.context))) await this.db.insertInto('incident_context').values(c).execute();
    for (const c of chunks(list.flatMap((r) => r.victims))) await this.db.insertInto('incident_victims').values(c).execute();
    for (const c of chunks(list.flatMap((r) => r.acts))) await this.db.insertInto('acts').values(c).execute();
    for (const c of chunks(list.flatMap((r) => r.involvements))) await this.db.insertInto('involvements').values(c).execute();
    for (const c of chunks(list.flatMap((r) => r.sources))) await this.db.insertInto('sources').values(c).execute();
    for (const c of chunks(list.flatMap((r) => r.interventions))) await this.db.insertInto('interventions').values(c).execute();
  }

  async markDeleted(id: string, at: string, userId: string, version: number): Promise<void> {
    await this.db.updateTable('incidents').set({ deleted_at: at, updated_at: at, updated_by: userId, version }).where('id', '=', id).execute();
  }

  async load(id: string, loadActors: (ids: string[]) => Promise<Map<string, ActorView>>, opts: { includeDeleted?: boolean } = {}): Promise<IncidentView | undefined> {
    let q = this.db.selectFrom('incidents').selectAll().where('id', '=', id);
    if (!opts.includeDeleted) q = q.where('deleted_at', 'is', null);
    const row = await q.executeTakeFirst();
    if (!row) return undefined;
    const [ctx, victims, acts, invs, srcs, itvs] = await Promise.all([
      this.db.selectFrom('incident_context').select('code').where('incident_id', '=', id).orderBy('code').execute(),
      this.db.selectFrom('incident_victims').select(['actor_id', 'ordinal']).where('incident_id', '=', id).orderBy('ordinal').execute(),
      this.db.selectFrom('acts').selectAll().where('incident_id', '=', id).orderBy('ordinal').execute(),
      this.db.selectFrom('involvements').selectAll().where('incident_id', '=', id).orderBy('ordinal').execute(),
      this.db.selectFrom('sources').selectAll().where('incident_id', '=', id).orderBy('ordinal').execute(),
      this.db.selectFrom('interventions').selectAll().where('incident_id', '=', id).orderBy('ordinal').execute(),
    ]);
    const actors = await loadActors(victims.map((v) => v.actor_id));
    const o = await this.openSealed({ incidents: [row], acts, involvements: invs, sources: srcs, interventions: itvs });
    const opened = o.incidents[0]!;
    const priv = opened.private_sealed;
    return toView(
      opened, priv === null ? undefined : (JSON.parse(priv) as NonNullable<IncidentView['place']['private']>), ctx.map((c) => c.code), victims.map((v) => v.actor_id), actors, o.acts,
      o.involvements, o.sources, o.interventions,
    );
  }

  /**
   * Opens the sealed values of incident rows and their parts read directly (exports, scans):
   * `private_sealed` becomes the JSON of the private point, the others their text. Free-text
   * fields an admin marked identifying (summary, descriptions, notes) are opened when sealed.
   */
  async openSealed<I extends IncRow, A extends ActRow, V extends InvRow, S extends SrcRow, N extends ItvRow>(parts: { incidents?: I[]; acts?: A[]; involvements?: V[]; sources?: S[]; interventions?: N[] }): Promise<{ incidents: I[]; acts: A[]; involvements: V[]; sources: S[]; interventions: N[] }> {
    const { incidents = [], acts = [], involvements = [], sources = [], interventions = [] } = parts;
    const records = new Set<string>();
    const need = (incident: string, ...values: (string | null | undefined)[]) => { if (values.some((v) => typeof v === 'string' && isSealedValue(v))) records.add(recordName('incident', incident)); };
    for (const i of incidents) need(i.id, i.private_sealed, i.summary);
    for (const a of acts) need(a.incident_id, a.description);
    for (const v of involvements) need(v.incident_id, v.identified_individuals, v.description);
    for (const x of sources) need(x.incident_id, x.testimony);
    for (const n of interventions) need(n.incident_id, n.notes);
    const keys = await this.sealer.dataKeys([...records]);
    const open = (incident: string, table: string, row: string, column: string, v: string | null): string | null => {
      const record = recordName('incident', incident);
      return this.sealer.open(keys.get(record), { record, table, row, column }, v) ?? null;
    };
    const maybe = (incident: string, table: string, row: string, column: string, v: string | null): string | null => {
      const record = recordName('incident', incident);
      return this.sealer.openIfSealed(keys.get(record), { record, table, row, column }, v);
    };
    return {
      incidents: incidents.map((i) => ({ ...i, private_sealed: open(i.id, 'incidents', i.id, 'private', i.private_sealed), ...(i.summary !== undefined ? { summary: maybe(i.id, 'incidents', i.id, 'summary', i.summary) } : {}) })),
      acts: acts.map((a) => ({ ...a, description: maybe(a.incident_id, 'acts', a.id, 'description', a.description) })),
      involvements: involvements.map((v) => ({
        ...v,
        identified_individuals: open(v.incident_id, 'involvements', v.id, 'identified_individuals', v.identified_individuals),
        ...(v.description !== undefined ? { description: maybe(v.incident_id, 'involvements', v.id, 'description', v.description) } : {}),
      })),
      sources: sources.map((x) => ({ ...x, testimony: open(x.incident_id, 'sources', x.id, 'testimony', x.testimony) })),
      interventions: interventions.map((n) => ({ ...n, notes: maybe(n.incident_id, 'interventions', n.id, 'notes', n.notes) })),
    };
  }

  /**
   * One batch of the decrypt-and-scan search: live incidents after `afterSeq` in seq order, with
   * their own identifying values opened and the ids of their victims (whose values the actor
   * repository opens). Nothing here is indexed; it exists only while the scan runs.
   */
  async identifyingBatch(afterSeq: number, limit: number, viewer: Viewer): Promise<{ id: string; seq: number; title: string; values: { field: string; text: string }[]; victims: string[] }[]> {
    const rows = await this.db.selectFrom('incidents as i').select(['i.id', 'i.seq', 'i.title', 'i.private_sealed', 'i.summary']).where('i.seq', '>', afterSeq).where('i.deleted_at', 'is', null).where(visibleTo(viewer)).orderBy('i.seq').limit(limit).execute();
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const sealedOnly = <T extends Record<string, unknown>>(rows: T[], ...cols: (keyof T)[]) => rows.filter((r) => cols.some((c) => typeof r[c] === 'string' && isSealedValue(r[c] as string)));
    const [invs, srcs, victims, acts, itvs] = await Promise.all([
      this.db.selectFrom('involvements').select(['id', 'incident_id', 'identified_individuals', 'description']).where('incident_id', 'in', ids).execute(),
      this.db.selectFrom('sources').select(['id', 'incident_id', 'testimony']).where('incident_id', 'in', ids).where('testimony', 'is not', null).execute(),
      this.db.selectFrom('incident_victims').select(['incident_id', 'actor_id']).where('incident_id', 'in', ids).execute(),
      this.db.selectFrom('acts').select(['id', 'incident_id', 'description']).where('incident_id', 'in', ids).where('description', 'is not', null).execute(),
      this.db.selectFrom('interventions').select(['id', 'incident_id', 'notes']).where('incident_id', 'in', ids).where('notes', 'is not', null).execute(),
    ]);
    // only what is sealed is identifying: plain free text is already in the ordinary search
    const opened = await this.openSealed({
      incidents: rows.map((r) => ({ ...r, summary: r.summary !== null && isSealedValue(r.summary) ? r.summary : null })),
      involvements: sealedOnly(invs, 'identified_individuals', 'description').map((v) => ({ ...v, description: v.description !== null && isSealedValue(v.description) ? v.description : null })),
      sources: srcs,
      acts: sealedOnly(acts, 'description'),
      interventions: sealedOnly(itvs, 'notes'),
    });
    return opened.incidents.map((r) => {
      const values: { field: string; text: string }[] = [];
      if (r.summary) values.push({ field: 'summary', text: r.summary });
      for (const a of opened.acts) if (a.incident_id === r.id && a.description !== null) values.push({ field: 'acts.description', text: a.description });
      for (const v of opened.involvements) if (v.incident_id === r.id && v.description) values.push({ field: 'acts.perpetrators.description', text: v.description });
      for (const n of opened.interventions) if (n.incident_id === r.id && n.notes !== null) values.push({ field: 'interventions.notes', text: n.notes });
      if (r.private_sealed !== null) {
        const p = JSON.parse(r.private_sealed) as { lat?: number; lon?: number; address?: string };
        if (p.address) values.push({ field: 'place.private.address', text: p.address });
      }
      for (const v of opened.involvements) if (v.incident_id === r.id && v.identified_individuals !== null) values.push({ field: 'acts.perpetrators.identifiedIndividuals', text: v.identified_individuals });
      for (const s of opened.sources) if (s.incident_id === r.id && s.testimony !== null) values.push({ field: 'sources.testimony', text: s.testimony });
      return { id: r.id, seq: Number(r.seq), title: r.title, values, victims: victims.filter((v) => v.incident_id === r.id).map((v) => v.actor_id) };
    });
  }

  async countLive(viewer: Viewer): Promise<number> {
    return Number((await this.db.selectFrom('incidents as i').select((eb) => eb.fn.countAll<number>().as('n')).where('i.deleted_at', 'is', null).where(visibleTo(viewer)).executeTakeFirstOrThrow()).n);
  }

  /** Ids (and whether removed) of every incident after `afterSeq`, a batch at a time, for workspace-wide rewrites. */
  async idsAfter(afterSeq: number, limit: number): Promise<{ id: string; seq: number; deleted: boolean }[]> {
    const rows = await this.db.selectFrom('incidents').select(['id', 'seq', 'deleted_at']).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, seq: Number(r.seq), deleted: r.deleted_at !== null }));
  }

  /** Removes recorded values from history entries whose path is now identifying (a field was marked). */
  async scrubRevisions(incidentId: string, isIdentifying: (path: string) => boolean): Promise<number> {
    const rows = await this.db.selectFrom('incident_revisions').select(['version', 'changes']).where('incident_id', '=', incidentId).execute();
    let n = 0;
    for (const r of rows) {
      const changes = JSON.parse(r.changes) as FieldChange[];
      let touched = false;
      const scrubbed = changes.map((c) => {
        if (!isIdentifying(c.path) || (c.before === undefined && c.after === undefined)) return c;
        touched = true;
        return { path: c.path, identifying: true as const };
      });
      if (touched) {
        await this.db.updateTable('incident_revisions').set({ changes: JSON.stringify(scrubbed) }).where('incident_id', '=', incidentId).where('version', '=', r.version).execute();
        n++;
      }
    }
    return n;
  }

  async addRevision(incidentId: string, version: number, at: string, userId: string, changes: FieldChange[]): Promise<void> {
    await this.db.insertInto('incident_revisions').values({ incident_id: incidentId, version, at, user_id: userId, changes: JSON.stringify(changes) }).execute();
  }

  /** The first history entries of many new incidents (bulk loads), a few hundred rows per statement. */
  async addRevisions(list: { incidentId: string; version: number; at: string; userId: string; changes: FieldChange[] }[]): Promise<void> {
    const rows = list.map((r) => ({ incident_id: r.incidentId, version: r.version, at: r.at, user_id: r.userId, changes: JSON.stringify(r.changes) }));
    for (const c of chunks(rows)) await this.db.insertInto('incident_revisions').values(c).execute();
  }

  async revisions(incidentId: string): Promise<{ version: number; at: string; userId: string; userName: string | null; changes: FieldChange[] }[]> {
    const rows = await this.db
      .selectFrom('incident_revisions as r')
      .leftJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.version', 'r.at', 'r.user_id', 'u.display_name', 'r.changes'])
      .where('r.incident_id', '=', incidentId)
      .orderBy('r.version', 'desc')
      .execute();
    return rows.map((r) => ({ version: r.version, at: r.at, userId: r.user_id, userName: r.display_name, changes: JSON.parse(r.changes) as FieldChange[] }));
  }

  async incidentsOfActor(actorId: string, viewer: Viewer): Promise<{ id: string; ref: string; title: string; dateStart: string | null; dateEnd: string | null; dateApprox: boolean; country: string | null; state: string | null; locality: string | null; crossing: string | null; routeSegment: string | null; status: string; acts: string[]; createdAt: string }[]> {
    const rows = await this.db
      .selectFrom('incidents as i')
      .innerJoin('incident_victims as v', 'v.incident_id', 'i.id')
      .select(['i.id', 'i.seq', 'i.title', 'i.date_start', 'i.date_end', 'i.date_approx', 'i.country', 'i.state', 'i.locality', 'i.crossing', 'i.route_segment', 'i.status', 'i.date_from', 'i.created_at'])
      .where('v.actor_id', '=', actorId)
      .where('i.deleted_at', 'is', null)
      .where(visibleTo(viewer))
      .orderBy('i.date_from', 'desc')
      .orderBy('i.seq', 'desc')
      .execute();
    const acts = rows.length
      ? await this.db.selectFrom('acts').select(['incident_id', 'kind']).where('incident_id', 'in', rows.map((r) => r.id)).where('victim_actor_id', '=', actorId).execute()
      : [];
    return rows.map((r) => ({
      id: r.id, ref: incidentRef(Number(r.seq)), title: r.title, dateStart: r.date_start, dateEnd: r.date_end, dateApprox: r.date_approx === 1,
      country: r.country, state: r.state, locality: r.locality, crossing: r.crossing, routeSegment: r.route_segment, status: r.status,
      acts: acts.filter((a) => a.incident_id === r.id).map((a) => a.kind), createdAt: r.created_at,
    }));
  }
}

function toView(
  r: Selectable<IncidentTable>, priv: IncidentView['place']['private'], context: string[], victimIds: string[], actors: Map<string, ActorView>,
  acts: Selectable<ActTable>[], invs: Selectable<InvolvementTable>[], srcs: Selectable<SourceTable>[], itvs: Selectable<InterventionTable>[],
): IncidentView {
  const fuzzy = (start: string | null, end: string | null, approx: number) =>
    start ? compact({ start, end: end ?? undefined, approximate: approx ? true : undefined }) : undefined;
  return compact({
    id: r.id,
    ref: incidentRef(Number(r.seq)),
    version: r.version,
    orgId: r.org_id,
    title: r.title,
    summary: r.summary ?? undefined,
    date: fuzzy(r.date_start, r.date_end, r.date_approx),
    place: compact({
      precision: r.place_precision as IncidentView['place']['precision'],
      country: r.country ?? undefined, state: r.state ?? undefined, locality: r.locality ?? undefined,
      routeSegment: r.route_segment ?? undefined, crossing: r.crossing ?? undefined, private: priv,
    }),
    context,
    status: r.status,
    followUp: r.follow_up,
    confidentiality: r.confidentiality,
    counts: r.counts ? (JSON.parse(r.counts) as IncidentCounts) : undefined,
    victims: victimIds.filter((id) => actors.has(id)).map((id) => ({ key: id, actorId: id, actor: actors.get(id)! })),
    acts: acts.map((a) =>
      compact({
        id: a.id, kind: a.kind, victimKey: a.victim_actor_id ?? undefined, date: fuzzy(a.date_start, a.date_end, a.date_approx),
        methods: JSON.parse(a.methods) as string[], consequences: JSON.parse(a.consequences) as string[], description: a.description ?? undefined,
        perpetrators: invs.filter((p) => p.act_id === a.id).map((p) =>
          compact({ id: p.id, perpetrator: p.perpetrator, degree: p.degree ?? undefined, country: p.country ?? undefined, identifiedIndividuals: p.identified_individuals ?? undefined, description: p.description ?? undefined }),
        ),
      }),
    ),
    sources: srcs.map((s) =>
      compact({
        id: s.id, kind: s.kind, method: s.method ?? undefined, receivedOn: s.received_on ?? undefined, reliability: s.reliability ?? undefined,
        pseudonym: s.pseudonym ?? undefined, testimony: s.testimony ?? undefined, consent: JSON.parse(s.consent) as IncidentView['sources'][number]['consent'],
      }),
    ),
    interventions: itvs.map((v) =>
      compact({ id: v.id, kind: v.kind, date: v.date ?? undefined, actor: v.actor ?? undefined, addressee: v.addressee ?? undefined, outcome: v.outcome ?? undefined, followUp: v.follow_up ?? undefined, notes: v.notes ?? undefined }),
    ),
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }) as IncidentView;
}
