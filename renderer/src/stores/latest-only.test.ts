import { describe, expect, it } from 'vitest';
import { latestOnly, latestOnlyPer } from './latest-only';

describe('latestOnly', () => {
  it('keeps only the newest request current', () => {
    const requests = latestOnly();
    const first = requests.next();
    expect(first()).toBe(true);
    const second = requests.next();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });

  it('lets a follow-up share its request and go stale with it', () => {
    const requests = latestOnly();
    const load = requests.next();
    const olderPage = requests.current();
    expect([load(), olderPage()]).toEqual([true, true]);
    requests.next();
    expect([load(), olderPage()]).toEqual([false, false]);
  });

  it('discards every ticket out without starting a request', () => {
    const requests = latestOnly();
    const load = requests.next();
    requests.discard();
    expect(load()).toBe(false);
    expect(requests.current()()).toBe(true);
  });

  it('writes the newest answer even when an older one arrives last', async () => {
    const requests = latestOnly();
    let shown = '';
    const answer = async (text: string, after: Promise<unknown>) => {
      const fresh = requests.next();
      await after;
      if (fresh()) shown = text;
    };
    let releaseSlow!: () => void;
    const slow = answer('old', new Promise<void>((resolve) => (releaseSlow = resolve)));
    await answer('new', Promise.resolve());
    releaseSlow();
    await slow;
    expect(shown).toBe('new');
  });
});

describe('latestOnlyPer', () => {
  it('stales only the tickets of the key asked again or discarded', () => {
    const uploads = latestOnlyPer<number>();
    const first = uploads.next(1);
    const other = uploads.next(2);
    const again = uploads.next(1);
    expect([first(), again(), other()]).toEqual([false, true, true]);
    uploads.discard(2);
    expect([again(), other()]).toEqual([true, false]);
    expect(uploads.next(2)()).toBe(true);
    expect(other()).toBe(false);
  });
});
