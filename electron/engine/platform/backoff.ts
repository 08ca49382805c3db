/** How long to wait before the next try after consecutive failures. */
export interface BackoffOptions {
  /** The wait after the first failure; it doubles with each further one. */
  baseMs: number;
  /** The longest wait, however many failures came before. */
  maxMs: number;
}

/** Reconnecting an account or a bot. */
export const RECONNECT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 5 * 60_000 };
/** A bot's polling or webhook registration: quicker, since a poll is cheap. */
export const BOT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000 };

/**
 * The one backoff of the engine (reconnects, bot polling, outbox retries): exponential, capped,
 * with "equal jitter" (half fixed, half random), so senders that failed together do not all
 * knock on Telegram's door in the same second. `attempt` counts from 1.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
