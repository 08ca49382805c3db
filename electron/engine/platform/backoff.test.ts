import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('reconnect backoff', () => {
  const options = { baseMs: 1_000, maxMs: 30_000 };

  it('doubles per attempt within the jitter band and stops at the cap', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, options, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, options, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffDelay(20, options, () => 1)).toBe(30_000);
    expect(backoffDelay(20, options, () => 0)).toBe(15_000);
  });
});
