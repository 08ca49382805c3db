import type { RateWindow } from '../../../../platform/sliding-window';

export interface BotApiLimits {
  /** Broadcasts: about 30 messages a second per bot overall. */
  perBot: RateWindow;
  /** About one message a second to one person, with a short burst allowed. */
  perPrivateChat: RateWindow;
  /** 20 messages a minute to one group or channel. */
  perGroup: RateWindow;
}

/** Telegram's documented limits for bots (core.telegram.org/bots/faq, "broadcasting"). */
export const TELEGRAM_BOT_LIMITS: BotApiLimits = {
  perBot: { count: 30, windowMs: 1_000 },
  perPrivateChat: { count: 3, windowMs: 3_000 },
  perGroup: { count: 20, windowMs: 60_000 },
};

/** Every limit raised by the same factor, so benchmarks run faster and keep the ratios. */
export function scaleLimits(limits: BotApiLimits, factor: number): BotApiLimits {
  const scale = (w: RateWindow): RateWindow => ({ count: Math.max(1, Math.round(w.count * factor)), windowMs: w.windowMs });
  return { perBot: scale(limits.perBot), perPrivateChat: scale(limits.perPrivateChat), perGroup: scale(limits.perGroup) };
}
