import type { Clock } from '../../../../platform/clock';

/** Types a bot gets when it has not asked for specific ones (Telegram leaves these out). */
const OPT_IN_ONLY = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);
/** Telegram keeps an unconfirmed update for 24 hours. */
const RETENTION_MS = 24 * 60 * 60 * 1000;

export interface PendingUpdate {
  updateId: number;
  type: string;
  /** The update's Bot API JSON, as it will be served. */
  payload: unknown;
  createdAt: number;
}

/** What a queue keeps across restarts: Telegram holds unconfirmed updates and allowed_updates. */
export interface QueueSnapshot {
  pending: PendingUpdate[];
  allowed: string[] | null;
}

/**
 * One bot's pending updates, shared by long polling and the webhook. update_ids come from
 * `nextId` (the world's per-bot counter), so they keep growing when the door restarts.
 */
export class UpdateQueue {
  private pending: PendingUpdate[] = [];
  private allowed: Set<string> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly clock: Clock,
    private readonly nextId: () => number,
    restored: QueueSnapshot | null = null,
  ) {
    if (!restored) return;
    this.pending = restored.pending.map((u) => ({ ...u }));
    this.allowed = restored.allowed ? new Set(restored.allowed) : null;
  }

  snapshot(): QueueSnapshot {
    return { pending: this.pending.map((u) => ({ ...u })), allowed: this.allowed ? [...this.allowed] : null };
  }

  /** Telegram remembers `allowed_updates` until changed; an empty list means the default. */
  setAllowed(types: string[]): void {
    this.allowed = types.length > 0 ? new Set(types) : null;
  }

  allowedUpdates(): string[] | undefined {
    return this.allowed ? [...this.allowed] : undefined;
  }

  /** Filtering happens here, as in Telegram: an update of an unwanted type is never kept. */
  push(type: string, payload: unknown): void {
    const wanted = this.allowed ? this.allowed.has(type) : !OPT_IN_ONLY.has(type);
    if (!wanted) return;
    this.pending.push({ updateId: this.nextId(), type, payload, createdAt: this.clock.now() });
    for (const listener of [...this.listeners]) listener();
  }

  /** `offset` confirms everything before it; a negative one keeps only the last -offset. */
  confirm(offset: number): void {
    if (offset > 0) this.pending = this.pending.filter((u) => u.updateId >= offset);
    else if (offset < 0) this.pending = this.pending.slice(offset);
  }

  take(limit: number): Record<string, unknown>[] {
    this.expire();
    return this.pending.slice(0, limit).map((u) => ({ update_id: u.updateId, [u.type]: u.payload }));
  }

  size(): number {
    this.expire();
    return this.pending.length;
  }

  clear(): void {
    this.pending = [];
  }

  onPush(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private expire(): void {
    const oldest = this.clock.now() - RETENTION_MS;
    if (this.pending[0] && this.pending[0].createdAt < oldest) this.pending = this.pending.filter((u) => u.createdAt >= oldest);
  }
}
