import type { Api } from 'telegram';

export interface LoggedUpdate {
  pts: number;
  ptsCount: number;
  update: Api.TypeUpdate;
  userIds: number[];
  chatIds: number[];
}

/** A log as a durable store keeps it: where it stands, and its events since `keptAfter`. */
export interface KeptLog {
  pts: number;
  keptAfter: number;
  entries: LoggedUpdate[];
}

/**
 * One pts sequence (an account's, or a channel's) with every event kept, so getDifference
 * can hand a client exactly the events after the pts it last saw, as they were at the time.
 * A log continued from a bare pts (an older save that kept no events) starts there with its
 * earlier events gone; one continued from a KeptLog has them all.
 */
export class PtsLog {
  private current: number;
  /** Events up to this pts are not in `entries` (they happened before a restart). */
  readonly keptAfter: number;
  private readonly entries: LoggedUpdate[] = [];

  constructor(restored?: number | KeptLog) {
    if (typeof restored === 'object') {
      this.current = restored.pts;
      this.keptAfter = restored.keptAfter;
      this.entries.push(...restored.entries);
      return;
    }
    this.current = restored ?? 1;
    this.keptAfter = restored ?? 0;
  }

  get pts(): number {
    return this.current;
  }

  /** How many events the log holds: with `entriesFrom`, how a store writes only the new ones. */
  get size(): number {
    return this.entries.length;
  }

  entriesFrom(index: number): readonly LoggedUpdate[] {
    return this.entries.slice(index);
  }

  /**
   * Whether the events after `pts` can no longer be listed: some happened before a restart, or
   * the client is ahead of the log (the server lost its last moments). Telegram then answers
   * "too long" with its current pts, and the client refetches instead of trusting a gap.
   */
  lostAfter(pts: number): boolean {
    return pts < this.keptAfter || pts > this.current;
  }

  append(ptsCount: number, build: (pts: number) => Api.TypeUpdate, refs: { userIds?: number[]; chatIds?: number[] } = {}): LoggedUpdate {
    this.current += ptsCount;
    const entry = { pts: this.current, ptsCount, update: build(this.current), userIds: refs.userIds ?? [], chatIds: refs.chatIds ?? [] };
    this.entries.push(entry);
    return entry;
  }

  after(pts: number): LoggedUpdate[] {
    return this.entries.filter((entry) => entry.pts > pts);
  }
}
