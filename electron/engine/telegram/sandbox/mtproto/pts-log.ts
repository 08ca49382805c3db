import type { Api } from 'telegram';

export interface LoggedUpdate {
  pts: number;
  ptsCount: number;
  update: Api.TypeUpdate;
  userIds: number[];
  chatIds: number[];
}

/**
 * One pts sequence (an account's, or a channel's) with every event kept, so getDifference
 * can hand a client exactly the events after the pts it last saw, as they were at the time.
 * A log continued after a restart starts at the saved pts with its earlier events gone.
 */
export class PtsLog {
  private current: number;
  /** Events up to this pts are not in `entries` (they happened before a restart). */
  private readonly keptAfter: number;
  private readonly entries: LoggedUpdate[] = [];

  constructor(restoredPts?: number) {
    this.current = restoredPts ?? 1;
    this.keptAfter = restoredPts ?? 0;
  }

  get pts(): number {
    return this.current;
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
