/**
 * Per viewer, the restricted incidents shared with them (directly or through a group) as a bitset
 * over the index's slots (a bit test per incident in the scan: a hash lookup per restricted
 * incident cost ~55 ms a search at a million), kept between searches. Reading a viewer's shares is the one part of a search that grows
 * with what they may see (188,022 shares: 151–445 ms at a million incidents, measured), so a set
 * is read once and then corrected from what migration 0009's triggers noted since:
 *  - a share added or removed for one of the viewer's principals: that incident is looked at again;
 *  - the viewer's group memberships changed: their set is read again on their next search;
 *  - an incident written and restricted now (new, or made restricted): looked at again, since it
 *    may have been shared before it was restricted.
 * Looking again means reading the incident's current shares, so applying a note twice is harmless.
 * A set may keep the bit of an incident no longer restricted: the scan only asks about restricted ones.
 * Slots are never reused for another incident, and the sets are dropped when the index reloads.
 * At most `max` viewers are kept (the least recently served is dropped).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../schema-types.js';
import type { Viewer } from '../../repositories/visibility.js';
import { currentShareStamps, groupsOf, principalsOf, shareChangesSince, sharedIncidentIds, type Principal, type ShareStamps } from './read-shares.js';
import { Bitset } from './text-match.js';

interface Entry { userId: string; groups: Set<string>; slots: Bitset }

const sees = (e: Entry, p: Principal) => (p.type === 'user' && p.id === e.userId) || (p.type === 'group' && e.groups.has(p.id));

export class SharedSets {
  private entries = new Map<string, Entry>();
  private stamps: ShareStamps = { share: 0, member: 0 };

  /** `restrictedSlot`: the slot of a restricted incident the index holds now, by id (undefined: none). */
  constructor(private readonly db: Kysely<Database>, private readonly restrictedSlot: (id: string) => number | undefined, private readonly max = 16) {}

  /** Applies the notes since the last look; `restrictedIds`: incidents just written that are restricted now. */
  async catchUp(restrictedIds: string[]): Promise<void> {
    if (!this.entries.size) {
      this.stamps = await currentShareStamps(this.db);
      return;
    }
    const ch = await shareChangesSince(this.db, this.stamps);
    for (const userId of ch.members) this.entries.delete(userId);
    const entries = [...this.entries.values()];
    const again = new Set(restrictedIds);
    for (const s of ch.shares) if (entries.some((e) => sees(e, s))) again.add(s.incidentId);
    if (again.size && entries.length) {
      const now = await principalsOf(this.db, [...again]);
      for (const id of again) {
        const slot = this.restrictedSlot(id);
        if (slot === undefined) continue;
        const principals = now.get(id) ?? [];
        for (const e of entries) {
          if (principals.some((p) => sees(e, p))) e.slots.set(slot);
          else e.slots.clear(slot);
        }
      }
    }
    this.stamps = ch.stamps;
  }

  /** The viewer's set, at least `slots` bits long; call `catchUp` first. */
  async of(viewer: Viewer, slots: number): Promise<Bitset> {
    let e = this.entries.get(viewer.userId);
    if (e) {
      this.entries.delete(viewer.userId);
      this.entries.set(viewer.userId, e);
    } else {
      const groups = new Set(await groupsOf(this.db, viewer.userId));
      const bits = new Bitset(slots);
      for (const id of await sharedIncidentIds(this.db, viewer)) {
        const slot = this.restrictedSlot(id);
        if (slot !== undefined) bits.set(slot);
      }
      e = { userId: viewer.userId, groups, slots: bits };
      this.entries.set(viewer.userId, e);
      while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    e.slots.grow(slots);
    return e.slots;
  }

  /** Memory the kept sets take. */
  bytes(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.slots.words.byteLength;
    return n;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
