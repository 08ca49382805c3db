import { vi } from 'vitest';

/**
 * Reads until `check` accepts what it read, for conditions the engine reaches over real sockets
 * and timers. vitest's own waitFor does the polling; the timeout is the test's claim.
 */
export function until<T>(read: () => T | Promise<T>, check: (value: T) => boolean, what: string, timeout = 5_000): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await read();
      if (!check(value)) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
      return value;
    },
    { timeout, interval: 10 },
  );
}
