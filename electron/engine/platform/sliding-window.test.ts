import { describe, expect, it } from 'vitest';
import { SlidingWindows } from './sliding-window';

const THREE_PER_SECOND = { count: 3, windowMs: 1_000 };

describe('SlidingWindows', () => {
  it('lets `count` events through, then opens when the one that filled the window slides out', () => {
    const windows = new SlidingWindows();
    for (const at of [0, 100, 200]) {
      expect(windows.freeAt('chat', THREE_PER_SECOND, at)).toBeLessThanOrEqual(at);
      windows.record('chat', THREE_PER_SECOND, at);
    }
    expect(windows.freeAt('chat', THREE_PER_SECOND, 300)).toBe(1_000);
    expect(windows.waitMs('chat', THREE_PER_SECOND, 300)).toBe(700);
    expect(windows.waitMs('chat', THREE_PER_SECOND, 1_000)).toBe(0);
    windows.record('chat', THREE_PER_SECOND, 1_000);
    expect(windows.freeAt('chat', THREE_PER_SECOND, 1_000)).toBe(1_100);
  });

  it('keeps keys apart', () => {
    const windows = new SlidingWindows();
    for (const at of [0, 1, 2]) windows.record('a', THREE_PER_SECOND, at);
    expect(windows.waitMs('a', THREE_PER_SECOND, 3)).toBeGreaterThan(0);
    expect(windows.waitMs('b', THREE_PER_SECOND, 3)).toBe(0);
  });

  it('forgets the chats of a broadcast once their windows have passed', () => {
    const windows = new SlidingWindows();
    const perChat = { count: 1, windowMs: 3_000 };
    for (let chat = 0; chat < 100_000; chat++) windows.record(`user:${chat}`, perChat, chat / 100);
    expect(windows.size).toBeGreaterThan(90_000);
    // The next send after the last window passed sweeps what is over.
    windows.record('user:next', perChat, 1_000 + 3_001);
    expect(windows.size).toBe(1);
  });
});
