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
 */
export class PtsLog {
  private current = 1;
  private readonly entries: LoggedUpdate[] = [];

  get pts(): number {
    return this.current;
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
