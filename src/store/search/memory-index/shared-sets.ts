/**
 * Per viewer, the seqs of the restricted incidents shared with them (directly or through a
 * group), kept between searches. Reading a viewer's shares is the one part of a search that grows
 * with what they may see (188,022 shares: 151–445 ms at a million incidents, measured), so a set
 * is read once and then corrected from what migration 0009's triggers noted since:
 *  - a share added or removed for one of the viewer's principals: that incident is looked at again;
 *  - the viewer's group memberships changed: their set is read again on their next search;
 *  - an incident written and restricted now (new, or made restricted): looked at again, since it
 *    may have been shared before it was restricted.
 * Looking again means reading the incident's current shares, so applying a note twice is harmless.
 * A set may keep the seq of an incident no longer restricted: the scan only asks about restricted ones.
 * At most `max` viewers are kept (the least recently served is dropped).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../schema-types.js';
import type { Viewer } from '../../repositories/visibility.js';
import { currentShareStamps, groupsOf, principalsOf, shareChangesSince, sharedIncidentIds, type Principal, type ShareStamps } from './read-shares.js';

interface Entry { userId: string; groups: Set<string>; seqs: Set<number> }

const sees = (e: Entry, p: Principal) => (p.type === 'user' && p.id === e.userId) || (p.type === 'group' && e.groups.has(p.id));

export class SharedSets {
  private entries = new Map<string, Entry>();
  private stamps: ShareStamps = { share: 0, member: 0 };

  /** `restrictedSeq`: id → seq of the restricted incidents the index holds now. */
  constructor(private readonly db: Kysely<Database>, private readonly restrictedSeq: () => Map<string, number>, private readonly max = 16) {}

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
      const seqOf = this.restrictedSeq();
      for (const id of again) {
        const seq = seqOf.get(id);
        if (seq === undefined) continue;
        const principals = now.get(id) ?? [];
        for (const e of entries) {
          if (principals.some((p) => sees(e, p))) e.seqs.add(seq);
          else e.seqs.delete(seq);
        }
      }
    }
    this.stamps = ch.stamps;
  }

  /** The viewer's set; call `catchUp` first. */
  async of(viewer: Viewer): Promise<Set<number>> {
    const kept = this.entries.get(viewer.userId);
    if (kept) {
      this.entries.delete(viewer.userId);
      this.entries.set(viewer.userId, kept);
      return kept.seqs;
    }
    const groups = new Set(await groupsOf(this.db, viewer.userId));
    const seqOf = this.restrictedSeq();
    const seqs = new Set<number>();
    for (const id of await sharedIncidentIds(this.db, viewer)) {
      const seq = seqOf.get(id);
      if (seq !== undefined) seqs.add(seq);
    }
    this.entries.set(viewer.userId, { userId: viewer.userId, groups, seqs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return seqs;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
