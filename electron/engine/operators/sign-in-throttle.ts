import { backoffDelay, type BackoffOptions } from '../platform/backoff';
import type { Clock } from '../platform/clock';

/** Wrong passwords allowed before each further try waits. */
export const FREE_SIGN_IN_FAILURES = 5;
/** The wait after the fifth wrong password in a row; it doubles with each further one, up to a quarter of an hour. */
export const SIGN_IN_BACKOFF: BackoffOptions = { baseMs: 10_000, maxMs: 15 * 60_000 };
/** A name or address with no wrong password for this long starts afresh. */
const FORGET_AFTER_MS = 60 * 60_000;

interface Failures {
  count: number;
  lastAt: number;
  blockedUntil: number;
}

/**
 * Slows password guessing: after five wrong passwords for a name, or from an address, the next
 * try waits a growing while. Counted in memory: a restart forgets them, which costs a guesser
 * a restart of the hub they cannot cause.
 */
export function createSignInThrottle(clock: Clock, random: () => number = Math.random) {
  const failures = new Map<string, Failures>();
  const keys = (name: string, address: string | null) => [`name:${name.normalize('NFKC').trim().toLowerCase()}`, ...(address ? [`address:${address}`] : [])];

  return {
    /** Milliseconds to wait before this try may be checked; null when it may be checked now. */
    waitFor(name: string, address: string | null): number | null {
      const now = clock.now();
      const waits = keys(name, address).map((key) => (failures.get(key)?.blockedUntil ?? 0) - now);
      const longest = Math.max(...waits);
      return longest > 0 ? longest : null;
    },
    failed(name: string, address: string | null): void {
      const now = clock.now();
      for (const key of keys(name, address)) {
        const entry = failures.get(key) ?? { count: 0, lastAt: now, blockedUntil: 0 };
        entry.count += 1;
        entry.lastAt = now;
        if (entry.count >= FREE_SIGN_IN_FAILURES) entry.blockedUntil = now + backoffDelay(entry.count - FREE_SIGN_IN_FAILURES + 1, SIGN_IN_BACKOFF, random);
        failures.set(key, entry);
      }
    },
    succeeded(name: string, address: string | null): void {
      for (const key of keys(name, address)) failures.delete(key);
    },
    /** Drops what is old, so guessing with ever new names does not grow memory for good. */
    prune(): void {
      const now = clock.now();
      for (const [key, entry] of failures) if (entry.blockedUntil <= now && now - entry.lastAt >= FORGET_AFTER_MS) failures.delete(key);
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

export function throttledMessage(waitMs: number): string {
  const seconds = Math.ceil(waitMs / 1000);
  return `Too many wrong passwords; wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`;
}
