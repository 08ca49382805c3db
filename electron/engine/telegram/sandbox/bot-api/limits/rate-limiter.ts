import type { Clock } from '../../../../platform/clock';
import { BotApiError } from '../errors';
import type { BotApiLimits, RateWindow } from './rate-limits';

/**
 * Sliding windows of send times, on the world's clock so tests move time instead of sleeping.
 * A send is checked against the bot's overall window and the chat's, and counted only when it
 * went through (a refused or failed send costs nothing, as with Telegram).
 */
export class RateLimiter {
  private readonly sends = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private limits: BotApiLimits,
  ) {}

  setLimits(limits: BotApiLimits): void {
    this.limits = limits;
  }

  /** Throws 429 with the seconds until both windows have room. */
  check(botId: number, chatKey: string, isPrivate: boolean): void {
    const now = this.clock.now();
    const waitMs = Math.max(
      this.wait(`bot:${botId}`, this.limits.perBot, now),
      this.wait(`chat:${botId}:${chatKey}`, isPrivate ? this.limits.perPrivateChat : this.limits.perGroup, now),
    );
    if (waitMs > 0) {
      const retryAfter = Math.ceil(waitMs / 1000);
      throw new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
  }

  record(botId: number, chatKey: string): void {
    const now = this.clock.now();
    for (const key of [`bot:${botId}`, `chat:${botId}:${chatKey}`]) {
      const times = this.sends.get(key) ?? [];
      times.push(now);
      this.sends.set(key, times);
    }
  }

  private wait(key: string, window: RateWindow, now: number): number {
    const times = (this.sends.get(key) ?? []).filter((t) => t > now - window.windowMs);
    this.sends.set(key, times);
    if (times.length < window.count) return 0;
    // Room opens when the send that fills the window slides out of it.
    return times[times.length - window.count]! + window.windowMs - now;
  }
}
