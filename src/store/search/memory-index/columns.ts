/**
 * The searchable columns of every incident, held in memory as typed arrays (one slot per
 * incident, about 60 bytes each): the codes a search filters and counts by, dictionary-encoded,
 * dates as yyyymmdd numbers, and the incident's acts, perpetrators and victims as short lists in
 * one shared pool. Only non-identifying values: vocabulary codes, public place codes, dates,
 * status, confidentiality. People appear as numbers pointing at their four search attributes
 * (role, gender identity, LGBTI, migration status), never by name. The map's place (map-place.ts:
 * country, state and gazetteer point at the public precision) is one more dictionary-encoded number.
 */
import { mapPlaceKey, mapPlaceOf, type PublicPlace } from '../../../domain/map/map-place.js';
import { UuidMap } from './uuid-map.js';

/** Strings ↔ small numbers; id 0 stands for "none" (SQL NULL). */
export class Dict {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [''];
  id(value: string | null | undefined): number {
    if (value === null || value === undefined) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
  lookup(value: string): number | undefined {
    return this.ids.get(value);
  }
  get size(): number {
    return this.values.length;
  }
}

/** 'YYYY-MM-DD' → yyyymmdd; null → NO_DATE. */
export const NO_DATE = -1;
export function dayNumber(day: string | null | undefined): number {
  if (!day || day.length < 10) return NO_DATE;
  return Number(day.slice(0, 4)) * 10000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

export const ACTOR_FACETS = ['role', 'gender', 'lgbti', 'migrationStatus'] as const;
export type ActorFacet = (typeof ACTOR_FACETS)[number];

export interface IncidentFacts {
  seq: number;
  id: string;
  deleted: boolean;
  restricted: boolean;
  country: string | null;
  state: string | null;
  status: string;
  dateFrom: string | null;
  dateTo: string | null;
  dateStart: string | null;
  /** [kind, kind_root] of each act */
  acts: [string, string][];
  /** [perpetrator, perpetrator_group] of each involvement */
  perpetrators: [string, string][];
  /** actor ids of the victims */
  victims: string[];
  /** the public place fields (the map's point is derived from them, then they are dropped) */
  place?: PublicPlace;
}

const NO_PLACE: PublicPlace = { precision: 'unknown', country: null, state: null, locality: null, crossing: null };

export type ActorFacts = Record<ActorFacet, string | null>;

function grown<T extends Int32Array | Uint16Array | Uint8Array>(a: T, size: number, make: (n: number) => T): T {
  if (a.length >= size) return a;
  const b = make(Math.max(size, Math.ceil(a.length * 1.5), 1024));
  b.set(a);
  return b;
}

export class IncidentColumns {
  /** slots in use (a slot is never reused for another seq) */
  count = 0;
  seq = new Int32Array(0);
  /** 1 = live (present and not deleted) */
  live = new Uint8Array(0);
  restricted = new Uint8Array(0);
  country = new Uint16Array(0);
  state = new Uint16Array(0);
  status = new Uint16Array(0);
  year = new Uint16Array(0);
  month = new Uint16Array(0);
  dateFrom = new Int32Array(0);
  dateTo = new Int32Array(0);
  /** the map place (dicts.mapPlace: mapPlaceKey) */
  mapPlace = new Uint16Array(0);
  /** start and length of each slot's lists in `pool` */
  actStart = new Int32Array(0);
  actLen = new Uint8Array(0);
  perpStart = new Int32Array(0);
  perpLen = new Uint8Array(0);
  victimStart = new Int32Array(0);
  victimLen = new Uint8Array(0);
  /** act kind ids, perpetrator ids and actor numbers of all slots, appended; `garbage` counts entries no slot points to */
  pool = new Int32Array(0);
  poolUsed = 0;
  garbage = 0;
  /** seq → slot + 1 (0: not held) */
  slotOfSeq = new Int32Array(0);

  readonly dicts = { country: new Dict(), state: new Dict(), status: new Dict(), year: new Dict(), month: new Dict(), act: new Dict(), actRoot: new Dict(), perpetrator: new Dict(), perpetratorGroup: new Dict(), mapPlace: new Dict() };
  /** act kind id → root id; perpetrator id → group id */
  rootOfAct = new Uint16Array(0);
  groupOfPerpetrator = new Uint16Array(0);

  readonly actorDicts: Record<ActorFacet, Dict> = { role: new Dict(), gender: new Dict(), lgbti: new Dict(), migrationStatus: new Dict() };
  /** actor id → number (typed arrays, not a Map of strings: uuid-map.ts) */
  readonly actorNumber = new UuidMap();
  /** id → seq of restricted incidents only (a viewer's shares name incidents by id) */
  readonly restrictedSeq = new UuidMap();
  actorAttr: Record<ActorFacet, Uint16Array> = { role: new Uint16Array(0), gender: new Uint16Array(0), lgbti: new Uint16Array(0), migrationStatus: new Uint16Array(0) };

  slot(seq: number): number {
    return seq < this.slotOfSeq.length ? this.slotOfSeq[seq]! - 1 : -1;
  }

  /** Sets an actor's search attributes (a new actor gets the next number). */
  setActor(id: string, facts: ActorFacts): number {
    let n = this.actorNumber.get(id);
    if (n === undefined) {
      n = this.actorNumber.size;
      this.actorNumber.set(id, n);
      for (const f of ACTOR_FACETS) this.actorAttr[f] = grown(this.actorAttr[f], n + 1, (k) => new Uint16Array(k));
    }
    for (const f of ACTOR_FACETS) this.actorAttr[f][n] = this.actorDicts[f].id(facts[f]);
    return n;
  }

  /**
   * Sizes the arrays once for `incidents` (the largest seq, when loading everything): growing them
   * step by step would hold the old and the new copy of each at once, a peak of resident memory.
   */
  reserve(incidents: number, listEntries: number): void {
    this.ensureSlots(incidents);
    this.slotOfSeq = grown(this.slotOfSeq, incidents + 1, (k) => new Int32Array(k));
    this.pool = grown(this.pool, listEntries, (k) => new Int32Array(k));
  }

  private ensureSlots(size: number): void {
    const u8 = (k: number) => new Uint8Array(k);
    const u16 = (k: number) => new Uint16Array(k);
    const i32 = (k: number) => new Int32Array(k);
    this.seq = grown(this.seq, size, i32);
    this.live = grown(this.live, size, u8);
    this.restricted = grown(this.restricted, size, u8);
    this.country = grown(this.country, size, u16);
    this.state = grown(this.state, size, u16);
    this.status = grown(this.status, size, u16);
    this.year = grown(this.year, size, u16);
    this.month = grown(this.month, size, u16);
    this.dateFrom = grown(this.dateFrom, size, i32);
    this.dateTo = grown(this.dateTo, size, i32);
    this.mapPlace = grown(this.mapPlace, size, u16);
    this.actStart = grown(this.actStart, size, i32);
    this.actLen = grown(this.actLen, size, u8);
    this.perpStart = grown(this.perpStart, size, i32);
    this.perpLen = grown(this.perpLen, size, u8);
    this.victimStart = grown(this.victimStart, size, i32);
    this.victimLen = grown(this.victimLen, size, u8);
  }

  private append(values: number[]): number {
    this.pool = grown(this.pool, this.poolUsed + values.length, (k) => new Int32Array(k));
    const start = this.poolUsed;
    this.pool.set(values, start);
    this.poolUsed += values.length;
    return start;
  }

  /**
   * Writes an incident's facts into its slot (a new seq gets a new slot). `actorOf` gives a victim's
   * number (the caller loads actors first). Returns the slot. Lists longer than 255 keep their
   * first 255 entries (no incident form allows that many).
   */
  put(f: IncidentFacts, actorOf: (id: string) => number): number {
    let s = this.slot(f.seq);
    if (s < 0) {
      s = this.count++;
      this.ensureSlots(this.count);
      this.slotOfSeq = grown(this.slotOfSeq, f.seq + 1, (k) => new Int32Array(k));
      this.slotOfSeq[f.seq] = s + 1;
      this.seq[s] = f.seq;
    } else {
      this.garbage += this.actLen[s]! + this.perpLen[s]! + this.victimLen[s]!;
    }
    const d = this.dicts;
    this.live[s] = f.deleted ? 0 : 1;
    this.restricted[s] = f.restricted ? 1 : 0;
    if (f.restricted) this.restrictedSeq.set(f.id, f.seq);
    else this.restrictedSeq.delete(f.id);
    this.country[s] = d.country.id(f.country);
    this.state[s] = d.state.id(f.state);
    this.status[s] = d.status.id(f.status);
    this.year[s] = d.year.id(f.dateFrom ? f.dateFrom.slice(0, 4) : null);
    this.month[s] = d.month.id(f.dateStart && f.dateStart.length >= 7 ? f.dateStart.slice(0, 7) : null);
    this.dateFrom[s] = dayNumber(f.dateFrom);
    this.dateTo[s] = dayNumber(f.dateTo);
    this.mapPlace[s] = this.mapPlaceId(f.place ?? NO_PLACE);
    const acts = f.acts.slice(0, 255).map(([kind, root]) => {
      const k = d.act.id(kind);
      this.rootOfAct = grown(this.rootOfAct, k + 1, (n) => new Uint16Array(n));
      this.rootOfAct[k] = d.actRoot.id(root);
      return k;
    });
    const perps = f.perpetrators.slice(0, 255).map(([p, group]) => {
      const k = d.perpetrator.id(p);
      this.groupOfPerpetrator = grown(this.groupOfPerpetrator, k + 1, (n) => new Uint16Array(n));
      this.groupOfPerpetrator[k] = d.perpetratorGroup.id(group);
      return k;
    });
    const victims = f.victims.slice(0, 255).map(actorOf);
    this.actStart[s] = this.append(acts);
    this.actLen[s] = acts.length;
    this.perpStart[s] = this.append(perps);
    this.perpLen[s] = perps.length;
    this.victimStart[s] = this.append(victims);
    this.victimLen[s] = victims.length;
    if (this.garbage > 1_000_000 && this.garbage * 2 > this.poolUsed) this.compact();
    return s;
  }

  /** public place fields → map place id, remembered (most incidents share a few thousand places) */
  private readonly placeIds = new Map<string, number>();
  private mapPlaceId(p: PublicPlace): number {
    const raw = `${p.precision}\u0000${p.country ?? ''}\u0000${p.state ?? ''}\u0000${p.locality ?? ''}\u0000${p.crossing ?? ''}`;
    let id = this.placeIds.get(raw);
    if (id === undefined) {
      if (this.placeIds.size >= 50_000) this.placeIds.clear();
      id = this.dicts.mapPlace.id(mapPlaceKey(mapPlaceOf(p)));
      this.placeIds.set(raw, id);
    }
    return id;
  }

  /** An incident removed from the database altogether (not only marked deleted). */
  drop(seq: number): number {
    const s = this.slot(seq);
    if (s >= 0) this.live[s] = 0;
    return s;
  }

  /** Rewrites the pool without the lists no slot points to any more. */
  private compact(): void {
    const next = new Int32Array(Math.max(1024, this.poolUsed - this.garbage));
    let used = 0;
    const move = (start: Int32Array, len: Uint8Array, s: number) => {
      next.set(this.pool.subarray(start[s]!, start[s]! + len[s]!), used);
      start[s] = used;
      used += len[s]!;
    };
    for (let s = 0; s < this.count; s++) {
      move(this.actStart, this.actLen, s);
      move(this.perpStart, this.perpLen, s);
      move(this.victimStart, this.victimLen, s);
    }
    this.pool = next;
    this.poolUsed = used;
    this.garbage = 0;
  }

  /** Bytes held by the arrays (for the benchmark's memory figures). */
  bytes(): number {
    let n = this.pool.byteLength + this.slotOfSeq.byteLength + this.rootOfAct.byteLength + this.groupOfPerpetrator.byteLength + this.actorNumber.bytes() + this.restrictedSeq.bytes();
    for (const a of [this.seq, this.live, this.restricted, this.country, this.state, this.status, this.year, this.month, this.dateFrom, this.dateTo, this.mapPlace, this.actStart, this.actLen, this.perpStart, this.perpLen, this.victimStart, this.victimLen]) n += a.byteLength;
    for (const f of ACTOR_FACETS) n += this.actorAttr[f].byteLength;
    return n;
  }
}
