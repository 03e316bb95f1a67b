/**
 * One unsealed process among several on one database (server mode, ADR 0012). It remembers the
 * seal epoch it unsealed at and looks at the database every `everyMs` (250 ms by default): a
 * higher epoch means some process sealed, and this one seals too — within a second of the seal.
 * It also keeps a heartbeat row, so a process that unseals while others serve keeps their sessions.
 * While the database cannot be reached nothing is served anyway; the check resumes when it returns
 * (and a seal made meanwhile is recorded by its process as soon as it can: Vault.seal).
 */
import type { Store } from '../../store/store.js';
import { newId } from '../../crypto/random.js';

const HEARTBEAT_MS = 2_000;
/** a member not seen for this long is gone (crashed or cut off) */
export const MEMBER_TIMEOUT_MS = 6_000;

export class ClusterWatch {
  readonly member = newId();
  private epoch = 0;
  private timer: NodeJS.Timeout | null = null;
  private lastBeat = 0;
  private checking = false;

  constructor(
    private readonly store: Store,
    private readonly onSealed: () => void,
    private readonly everyMs = 250,
  ) {}

  /** Joins at the current epoch; returns how many other processes are serving it. */
  async join(): Promise<number> {
    this.epoch = await this.store.cluster.sealEpoch();
    const now = Date.now();
    const others = await this.store.cluster.liveOthers(this.member, this.epoch, now - MEMBER_TIMEOUT_MS);
    await this.store.cluster.heartbeat(this.member, this.epoch, now);
    this.lastBeat = now;
    this.timer = setInterval(() => void this.check(), this.everyMs);
    this.timer.unref();
    return others;
  }

  private async check(): Promise<void> {
    if (this.checking || !this.timer) return;
    this.checking = true;
    try {
      const epoch = await this.store.cluster.sealEpoch();
      const now = Date.now();
      if (epoch !== this.epoch) {
        this.stop();
        this.onSealed();
        return;
      }
      if (now - this.lastBeat >= HEARTBEAT_MS) {
        this.lastBeat = now;
        await this.store.cluster.heartbeat(this.member, this.epoch, now);
      }
    } catch {
      /* unreachable for now: try again at the next tick */
    } finally {
      this.checking = false;
    }
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async leave(): Promise<void> {
    this.stop();
    await this.store.cluster.leave(this.member).catch(() => undefined);
  }
}
