import { describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock';
import { createSignInThrottle, throttledMessage } from './sign-in-throttle';

describe('sign-in throttle', () => {
  it('lets five wrong passwords through, then makes each further try wait twice as long, up to a quarter of an hour', () => {
    const clock = manualClock();
    // The top of the jitter range, so each wait is the whole ceiling.
    const throttle = createSignInThrottle(clock, () => 1);
    const waits: (number | null)[] = [];
    for (let i = 0; i < 12; i++) {
      waits.push(throttle.waitFor('Anna', null));
      clock.advance(waits.at(-1) ?? 0);
      throttle.failed('Anna', null);
    }
    expect(waits).toEqual([null, null, null, null, null, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000]);
    expect(throttle.waitFor('Anna', null)).toBe(900_000);
    expect(throttle.waitFor('Boris', null)).toBeNull();
  });

  it('counts an address across names, and a success clears both', () => {
    const clock = manualClock();
    const throttle = createSignInThrottle(clock, () => 0);
    for (const name of ['a', 'b', 'c', 'd', 'e']) throttle.failed(name, '203.0.113.5');
    expect(throttle.waitFor('Anna', '203.0.113.5')).toBe(5_000);
    expect(throttle.waitFor('Anna', '198.51.100.1')).toBeNull();
    throttle.succeeded('Anna', '203.0.113.5');
    expect(throttle.waitFor('Anna', '203.0.113.5')).toBeNull();
  });

  it('forgets a name an hour after its last wrong password, never while it still waits', () => {
    const clock = manualClock();
    const throttle = createSignInThrottle(clock, () => 1);
    for (let i = 0; i < 5; i++) throttle.failed('Anna', null);
    clock.advance(59 * 60_000);
    throttle.prune();
    throttle.failed('Anna', null);
    expect(throttle.waitFor('Anna', null)).toBe(20_000);
    clock.advance(60 * 60_000);
    throttle.prune();
    throttle.failed('Anna', null);
    expect(throttle.waitFor('Anna', null)).toBeNull();
  });

  it('says how long to wait in whole seconds', () => {
    expect(throttledMessage(1_000)).toBe('Too many wrong passwords; wait 1 second and try again.');
    expect(throttledMessage(9_001)).toBe('Too many wrong passwords; wait 10 seconds and try again.');
  });
});
