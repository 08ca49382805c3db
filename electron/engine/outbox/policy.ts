import { SlidingWindows, type RateWindow } from '../platform/sliding-window';
import { PRIORITY } from './outbox-repo';

/** A random gap between `minMs` and `maxMs`. */
export interface Gap {
  minMs: number;
  maxMs: number;
}

/**
 * How a personal account paces itself so it reads as a person: a light gap between operator
 * replies, and for bulk work the campaign rule (2–3 s between sends, a long pause after every N).
 */
export interface AccountPacing {
  operator: Gap;
  bulk: Gap & { pauseAfter: number; pauseMs: number };
}


/** Telegram's documented bot limits (core.telegram.org/bots/faq, "broadcasting"). */
export interface BotLimits {
  perBot: RateWindow;
  perPrivateChat: RateWindow;
  perGroup: RateWindow;
  /** Sends in flight at once (to different chats; one chat always gets its messages in order). */
  concurrency: number;
}

export const DEFAULT_ACCOUNT_PACING: AccountPacing = {
  operator: { minMs: 400, maxMs: 1_200 },
  bulk: { minMs: 2_000, maxMs: 3_000, pauseAfter: 10, pauseMs: 60_000 },
};

export const DEFAULT_BOT_LIMITS: BotLimits = {
  perBot: { count: 30, windowMs: 1_000 },
  perPrivateChat: { count: 3, windowMs: 3_000 },
  perGroup: { count: 20, windowMs: 60_000 },
  concurrency: 4,
};

/** What a lane asks its sender's policy before each send. */
export interface LanePolicy {
  readonly concurrency: number;
  /** The earliest time a send of this priority to this chat may start (null: an action that touches no chat). */
  readyAt(priority: number, chatKey: string | null): number;
  /** Books a send that starts now. */
  book(priority: number, chatKey: string | null, now: number): void;
}

const draw = (gap: Gap, random: () => number) => gap.minMs + Math.floor(random() * (gap.maxMs - gap.minMs + 1));

/** One send at a time; gaps are drawn when a send is booked, so they stay fixed while waited for. */
export function accountPolicy(pacing: AccountPacing, random: () => number): LanePolicy {
  let lastAt = Number.NEGATIVE_INFINITY;
  let lastBulkAt = Number.NEGATIVE_INFINITY;
  let bulkSent = 0;
  let operatorGap = 0;
  let bulkGap = 0;
  return {
    concurrency: 1,
    readyAt(priority) {
      const afterAny = lastAt + operatorGap;
      return priority < PRIORITY.bulk ? afterAny : Math.max(afterAny, lastBulkAt + bulkGap);
    },
    book(priority, _chatKey, now) {
      lastAt = now;
      operatorGap = draw(pacing.operator, random);
      if (priority < PRIORITY.bulk) return;
      lastBulkAt = now;
      bulkSent++;
      bulkGap = draw(pacing.bulk, random) + (bulkSent % pacing.bulk.pauseAfter === 0 ? pacing.bulk.pauseMs : 0);
    },
  };
}

/** Sliding windows of send starts, overall and per chat, on the injected clock. */
export function botPolicy(limits: BotLimits, now: () => number): LanePolicy {
  const starts = new SlidingWindows();
  const windowOf = (chatKey: string) => (chatKey.startsWith('user:') ? limits.perPrivateChat : limits.perGroup);
  return {
    concurrency: limits.concurrency,
    readyAt: (_priority, chatKey) =>
      Math.max(starts.freeAt('*', limits.perBot, now()), chatKey === null ? Number.NEGATIVE_INFINITY : starts.freeAt(chatKey, windowOf(chatKey), now())),
    book(_priority, chatKey, at) {
      starts.record('*', limits.perBot, at);
      if (chatKey !== null) starts.record(chatKey, windowOf(chatKey), at);
    },
  };
}
