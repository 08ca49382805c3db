import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_EVERY_MS, IDLE_AFTER_MS, startHeartbeat } from './heartbeat';

let visibility: DocumentVisibilityState = 'visible';
let away = false;
const awayListeners = new Set<() => void>();

function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

function setAway(value: boolean) {
  away = value;
  awayListeners.forEach((l) => l());
}

function start() {
  const sent: boolean[] = [];
  const stop = startHeartbeat({
    send: (attending) => sent.push(attending),
    isAway: () => away,
    onAwayChange: (listener) => {
      awayListeners.add(listener);
      return () => awayListeners.delete(listener);
    },
  });
  return { sent, stop };
}

beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  away = false;
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  awayListeners.clear();
});

describe('the presence heartbeat', () => {
  it('says attending at once and every 10 s while the window is visible and used', () => {
    const { sent, stop } = start();
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(HEARTBEAT_EVERY_MS * 3);
    expect(sent).toEqual([true, true, true, true]);
    stop();
    vi.advanceTimersByTime(HEARTBEAT_EVERY_MS * 3);
    expect(sent).toHaveLength(4);
  });

  it('stops attending when the window is hidden, and starts again the moment it is shown', () => {
    const { sent, stop } = start();
    setVisibility('hidden');
    expect(sent).toEqual([true, false]);
    vi.advanceTimersByTime(HEARTBEAT_EVERY_MS);
    expect(sent.at(-1)).toBe(false);
    setVisibility('visible');
    expect(sent.at(-1)).toBe(true);
    stop();
  });

  it('counts a visible window nobody touched for 5 minutes as not attended, until a key or pointer', () => {
    const { sent, stop } = start();
    vi.advanceTimersByTime(IDLE_AFTER_MS - HEARTBEAT_EVERY_MS);
    expect(sent.at(-1)).toBe(true);
    vi.advanceTimersByTime(HEARTBEAT_EVERY_MS);
    expect(sent.at(-1)).toBe(false);
    const before = sent.length;
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    // Sent at once, not at the next tick.
    expect(sent).toHaveLength(before + 1);
    expect(sent.at(-1)).toBe(true);
    // Further activity while attending sends nothing extra.
    window.dispatchEvent(new Event('pointermove'));
    expect(sent).toHaveLength(before + 1);
    stop();
  });

  it('says not attending while the person set themselves away, whatever they do', () => {
    const { sent, stop } = start();
    setAway(true);
    expect(sent).toEqual([true, false]);
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(HEARTBEAT_EVERY_MS);
    expect(sent.at(-1)).toBe(false);
    setAway(false);
    expect(sent.at(-1)).toBe(true);
    stop();
  });
});
