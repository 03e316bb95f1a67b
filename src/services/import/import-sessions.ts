/**
 * Files being imported, in this process's memory only: an uploaded table is sensitive (it may hold
 * names and places), so neither the file nor what is read from it is ever written to disk or to the
 * database before the commit. A session belongs to the person who uploaded it (anyone else is told
 * it does not exist), expires after 30 minutes without use (or 15 minutes after its commit ended),
 * and every session is dropped — its bytes zeroed — the moment the vault seals; a commit still
 * running then is rolled back by the seal's closing of the store, or discarded when it ends.
 *
 * Server mode: sessions live in the process that received the upload; a proxy in front of several
 * processes must keep a person on one process for an import (docs/server.md).
 */
import { newId } from '../../crypto/random.js';
import { tooMany } from '../errors.js';
import type { TableResult } from './table.js';
import type { CommitStatus } from '../../domain/import/commit-status.js';

export type { CommitStatus };

export const IMPORT_IDLE_MS = 30 * 60_000;
export const IMPORT_DONE_MS = 15 * 60_000;
/** sessions one person keeps (the oldest is dropped for a new one) */
export const MAX_SESSIONS_PER_USER = 3;
/** bytes one process holds in uploaded tables, all people together */
export const MAX_HELD_BYTES = 512 * 1024 * 1024;

export interface ImportSession {
  id: string;
  userId: string;
  bytes: Buffer;
  createdAt: number;
  lastUsed: number;
  /** the table as last read, with the reading options that gave it */
  table?: { key: string; result: TableResult };
  commit?: CommitStatus & { endedAt?: number };
}

export class ImportSessions {
  private sessions = new Map<string, ImportSession>();
  private generation = 0;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly clock: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  add(userId: string, bytes: Buffer): ImportSession {
    this.sweep();
    const mine = [...this.sessions.values()].filter((s) => s.userId === userId && s.commit?.state !== 'running').sort((a, b) => a.lastUsed - b.lastUsed);
    while (mine.length >= MAX_SESSIONS_PER_USER) this.drop(mine.shift()!.id);
    const held = [...this.sessions.values()].reduce((n, s) => n + s.bytes.length, 0);
    if (held + bytes.length > MAX_HELD_BYTES) throw tooMany('too many files are being imported right now; try again in a few minutes');
    const now = this.clock();
    const s: ImportSession = { id: newId(), userId, bytes, createdAt: now, lastUsed: now };
    this.sessions.set(s.id, s);
    return s;
  }

  /** The session of this person, or undefined (someone else's, expired, unknown: all the same). */
  get(userId: string, id: string): ImportSession | undefined {
    this.sweep();
    const s = this.sessions.get(id);
    if (!s || s.userId !== userId) return undefined;
    s.lastUsed = this.clock();
    return s;
  }

  /** A token that tells a commit whether its session is still live when it ends. */
  liveness(s: ImportSession): () => boolean {
    const generation = this.generation;
    return () => generation === this.generation && this.sessions.get(s.id) === s;
  }

  remove(userId: string, id: string): boolean {
    const s = this.sessions.get(id);
    if (!s || s.userId !== userId || s.commit?.state === 'running') return false;
    this.drop(id);
    return true;
  }

  /** Drops every session now and zeroes its bytes (the vault sealed). */
  clear(): void {
    this.generation++;
    for (const s of this.sessions.values()) s.bytes.fill(0);
    this.sessions = new Map();
  }

  size(): number {
    return this.sessions.size;
  }

  private drop(id: string): void {
    const s = this.sessions.get(id);
    if (!s) return;
    s.bytes.fill(0);
    this.sessions.delete(id);
  }

  private sweep(): void {
    const now = this.clock();
    for (const [id, s] of this.sessions) {
      if (s.commit?.state === 'running') continue;
      const ended = s.commit?.endedAt;
      if (now - s.lastUsed > IMPORT_IDLE_MS || (ended !== undefined && now - ended > IMPORT_DONE_MS)) this.drop(id);
    }
  }
}
