import type { Clock } from '../../../../platform/clock';
import { BotApiError } from '../errors';
import { SlidingWindows } from '../../../../platform/sliding-window';
import type { BotApiLimits } from './rate-limits';

/**
 * Sliding windows of send times, on the world's clock so tests move time instead of sleeping.
 * A send is checked against the bot's overall window and the chat's, and counted only when it
 * went through (a refused or failed send costs nothing, as with Telegram).
 */
export class RateLimiter {
  private readonly sends = new SlidingWindows();

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
    const waitMs = Math.max(this.sends.waitMs(`bot:${botId}`, this.limits.perBot, now), this.sends.waitMs(`chat:${botId}:${chatKey}`, this.chatWindow(isPrivate), now));
    if (waitMs > 0) {
      const retryAfter = Math.ceil(waitMs / 1000);
      throw new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
  }

  record(botId: number, chatKey: string, isPrivate: boolean): void {
    const now = this.clock.now();
    this.sends.record(`bot:${botId}`, this.limits.perBot, now);
    this.sends.record(`chat:${botId}:${chatKey}`, this.chatWindow(isPrivate), now);
  }

  private chatWindow(isPrivate: boolean) {
    return isPrivate ? this.limits.perPrivateChat : this.limits.perGroup;
  }
}
