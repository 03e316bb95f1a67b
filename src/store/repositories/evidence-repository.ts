/**
 * Evidence items in SQL (migration 0012, ADR 0019). Kind, type, size, hash, consent and who
 * received it stay plain for lists; the original name, the description, the metadata read from
 * the original and an online capture's fields are sealed under the data key of the record the item
 * belongs to (its incident, else its person), bound to table, row and column. The file bytes are in
 * FileRepository. Changes bump `version`; a stale version is refused by the caller (409).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, EvidenceItemTable } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from './sealed-fields.js';
import type { CaptureMetadata, Consent, EvidenceKind, EvidenceSummary, OnlineCapture } from '../../domain/evidence/evidence.js';

export interface NewEvidenceItem {
  id: string;
  ref: string;
  incidentId: string | null;
  actorId: string | null;
  sourceId?: string | null;
  parentId?: string | null;
  kind: EvidenceKind;
  mediaType: string;
  fileId: string;
  size: number;
  sha256: string;
  viewFileId?: string | null;
  originalName?: string | undefined;
  description?: string | undefined;
  metadata?: CaptureMetadata | undefined;
  capture?: OnlineCapture | undefined;
  consent: Consent;
  receivedAt: string;
  receivedBy: string;
}

/** An item as stored, sealed parts opened. */
export interface StoredEvidence extends Omit<EvidenceSummary, 'receivedBy'> {
  receivedBy: { id: string; name: string };
  fileId: string;
  viewFileId: string | null;
  /** 'incident/<id>' or 'actor/<id>': whose data key seals it (and its files) */
  record: string;
  originalName?: string;
  description?: string;
  metadata?: CaptureMetadata;
  capture?: OnlineCapture;
  updatedAt: string;
}

/** The record whose data key seals an item and its files: its incident when it has one, else its person. */
export function evidenceRecord(item: { incidentId: string | null; actorId: string | null }): string {
  if (item.incidentId) return recordName('incident', item.incidentId);
  if (item.actorId) return recordName('actor', item.actorId);
  throw new Error('evidence belongs to an incident or a person');
}

const SEALED = ['original_name', 'description', 'metadata', 'capture'] as const;

type Row = Selectable<EvidenceItemTable> & { received_by_name: string | null };

export class EvidenceRepository {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }

  /** The next reference: EV- and one more than the highest number used (zero-padded to four). */
  async nextRef(): Promise<string> {
    const r = await sql<{ n: number | string | null }>`SELECT max(CAST(substr(ref, 4) AS integer)) AS n FROM evidence_items WHERE ref LIKE 'EV-%'`.execute(this.db);
    return `EV-${String(Number(r.rows[0]?.n ?? 0) + 1).padStart(4, '0')}`;
  }

  async insert(item: NewEvidenceItem): Promise<void> {
    const record = evidenceRecord(item);
    const dk = await this.sealer.dataKey(record, true);
    const slot = (column: string) => ({ record, table: 'evidence_items', row: item.id, column });
    await this.db.insertInto('evidence_items').values({
      id: item.id, ref: item.ref, incident_id: item.incidentId, actor_id: item.actorId, source_id: item.sourceId ?? null, parent_id: item.parentId ?? null,
      kind: item.kind, media_type: item.mediaType, file_id: item.fileId, size: item.size, sha256: item.sha256, view_file_id: item.viewFileId ?? null,
      original_name: this.sealer.seal(dk, slot('original_name'), item.originalName),
      description: this.sealer.seal(dk, slot('description'), item.description),
      metadata: this.sealer.seal(dk, slot('metadata'), item.metadata ? JSON.stringify(item.metadata) : undefined),
      capture: this.sealer.seal(dk, slot('capture'), item.capture ? JSON.stringify(item.capture) : undefined),
      consent: JSON.stringify(item.consent),
      received_at: item.receivedAt, received_by: item.receivedBy, updated_at: item.receivedAt, version: 1,
    }).execute();
  }

  private base() {
    return this.db
      .selectFrom('evidence_items')
      .leftJoin('users', 'users.id', 'evidence_items.received_by')
      .selectAll('evidence_items')
      .select('users.display_name as received_by_name');
  }

  private summary(r: Row): StoredEvidence {
    return {
      id: r.id, ref: r.ref, kind: r.kind as EvidenceKind, mediaType: r.media_type, size: Number(r.size), sha256: r.sha256,
      incidentId: r.incident_id, actorId: r.actor_id, sourceId: r.source_id, parentId: r.parent_id,
      receivedAt: r.received_at, receivedBy: { id: r.received_by, name: r.received_by_name ?? '' },
      consent: JSON.parse(r.consent) as Consent, hasViewCopy: r.view_file_id !== null, version: Number(r.version),
      fileId: r.file_id, viewFileId: r.view_file_id, record: evidenceRecord({ incidentId: r.incident_id, actorId: r.actor_id }), updatedAt: r.updated_at,
    };
  }

  /** One item; with `open`, its sealed parts opened too. */
  async get(id: string, opts: { open: boolean }): Promise<StoredEvidence | undefined> {
    const r = await this.base().where('evidence_items.id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    const item = this.summary(r);
    if (!opts.open) return item;
    const present = SEALED.filter((c) => r[c] !== null);
    if (!present.length) return item;
    const dk = await this.sealer.dataKey(item.record, false);
    const open = (column: (typeof SEALED)[number]) => this.sealer.open(dk, { record: item.record, table: 'evidence_items', row: id, column }, r[column]);
    const name = open('original_name');
    const description = open('description');
    const metadata = open('metadata');
    const capture = open('capture');
    return {
      ...item,
      ...(name !== undefined ? { originalName: name } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(metadata !== undefined ? { metadata: JSON.parse(metadata) as CaptureMetadata } : {}),
      ...(capture !== undefined ? { capture: JSON.parse(capture) as OnlineCapture } : {}),
    };
  }

  /** Items of an incident or of a person, oldest first (sealed parts not opened). */
  async list(owner: { incidentId: string } | { actorId: string }): Promise<StoredEvidence[]> {
    let q = this.base();
    q = 'incidentId' in owner ? q.where('evidence_items.incident_id', '=', owner.incidentId) : q.where('evidence_items.actor_id', '=', owner.actorId);
    const rows = await q.orderBy('evidence_items.received_at').orderBy('evidence_items.ref').execute();
    return rows.map((r) => this.summary(r));
  }

  /** A capture's screenshots, oldest first (sealed parts not opened). */
  async children(parentId: string): Promise<StoredEvidence[]> {
    const rows = await this.base().where('evidence_items.parent_id', '=', parentId).orderBy('evidence_items.received_at').orderBy('evidence_items.ref').execute();
    return rows.map((r) => this.summary(r));
  }

  /** Items by id (sealed parts opened when asked), in the order given; unknown ids left out. */
  async many(ids: string[], opts: { open: boolean }): Promise<StoredEvidence[]> {
    const out: StoredEvidence[] = [];
    for (const id of ids) {
      const item = await this.get(id, opts);
      if (item) out.push(item);
    }
    return out;
  }

  /** Replaces consent; false when `version` is not the current one. */
  async setConsent(id: string, consent: Consent, version: number, at: string): Promise<boolean> {
    const r = await this.db.updateTable('evidence_items').set({ consent: JSON.stringify(consent), updated_at: at, version: version + 1 })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Replaces the description (sealed); false when `version` is not the current one. */
  async setDescription(id: string, record: string, description: string | undefined, version: number, at: string): Promise<boolean> {
    const dk = await this.sealer.dataKey(record, true);
    const value = this.sealer.seal(dk, { record, table: 'evidence_items', row: id, column: 'description' }, description);
    const r = await this.db.updateTable('evidence_items').set({ description: value, updated_at: at, version: version + 1 })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Removes an item (and, by cascade, a capture's screenshots); its files go at the next sweep. */
  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('evidence_items').where('id', '=', id).execute();
  }
}
