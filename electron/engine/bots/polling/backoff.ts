export interface BackoffPolicy {
  /** The wait after the first failure; it doubles with each further one. */
  firstMs: number;
  /** The longest wait, however many failures came before. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { firstMs: 1_000, maxMs: 60_000 };

/**
 * Exponential backoff with jitter (half fixed, half random), so many bots that lost the
 * network together do not all come back in the same instant.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.firstMs * 2 ** Math.max(attempt - 1, 0));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
