/**
 * Runs the calls of many windows so that one window's burst cannot starve the others. Calls
 * start one per turn of the event loop (after pending network reads), always for the waiting
 * window served longest ago, and a window has at most `perWindowLimit` calls running. Much of
 * the engine's work (SQLite) is synchronous, so without this ten heavy calls from one window
 * would all run before another window's message is even read. A window with `maxWaiting`
 * calls already waiting gets null instead of one more place in the queue.
 */
export function createFairCalls(perWindowLimit: number, maxWaiting: number) {
  const waiting = new Map<object, (() => Promise<unknown>)[]>();
  const running = new Map<object, number>();
  const lastServed = new Map<object, number>();
  let turn = 0;
  let pumpScheduled = false;

  function wake(): void {
    if (pumpScheduled) return;
    pumpScheduled = true;
    setImmediate(pump);
  }

  function pump(): void {
    pumpScheduled = false;
    let next: object | null = null;
    for (const window of waiting.keys()) {
      if ((running.get(window) ?? 0) >= perWindowLimit) continue;
      if (next === null || (lastServed.get(window) ?? 0) < (lastServed.get(next) ?? 0)) next = window;
    }
    if (next === null) return;
    const calls = waiting.get(next)!;
    const call = calls.shift()!;
    if (calls.length === 0) waiting.delete(next);
    lastServed.set(next, ++turn);
    running.set(next, (running.get(next) ?? 0) + 1);
    const window = next;
    void call().finally(() => {
      const left = running.get(window)! - 1;
      if (left === 0) running.delete(window);
      else running.set(window, left);
      wake();
    });
    if (waiting.size > 0) wake();
  }

  return {
    /** Runs `call` for `window` when its turn comes; null when the window has too many waiting. */
    run<T>(window: object, call: () => Promise<T>): Promise<T> | null {
      const calls = waiting.get(window) ?? [];
      if (calls.length >= maxWaiting) return null;
      return new Promise<T>((resolve, reject) => {
        calls.push(() => call().then(resolve, reject));
        waiting.set(window, calls);
        wake();
      });
    },
    /** A window that went away: its waiting calls are dropped, nobody is left to answer. */
    forget(window: object): void {
      waiting.delete(window);
      lastServed.delete(window);
    },
  };
}

export type FairCalls = ReturnType<typeof createFairCalls>;
