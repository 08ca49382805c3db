/** At most `count` events in any `windowMs`. */
export interface RateWindow {
  count: number;
  windowMs: number;
}

interface Entry {
  times: number[];
  windowMs: number;
}

/**
 * Keyed sliding windows of event times: the engine's one rate limiter (a bot's sends per chat,
 * and the sandbox's limits that play Telegram's). A key lives only while its window still holds
 * an event: a broadcast to 100,000 people leaves no 100,000 keys behind once their windows pass.
 */
export class SlidingWindows {
  private readonly entries = new Map<string, Entry>();
  private sweptAt = Number.NEGATIVE_INFINITY;
  private longestWindowMs = 0;

  /** The earliest time one more event fits in `key`'s window (at or before `now`: at once). */
  freeAt(key: string, window: RateWindow, now: number): number {
    const recent = this.recent(key, window.windowMs, now);
    // Room opens when the event that fills the window slides out of it.
    return recent.length < window.count ? Number.NEGATIVE_INFINITY : recent[recent.length - window.count]! + window.windowMs;
  }

  /** How long until one more event fits (0: at once). */
  waitMs(key: string, window: RateWindow, now: number): number {
    return Math.max(0, this.freeAt(key, window, now) - now);
  }

  record(key: string, window: RateWindow, at: number): void {
    const entry = this.entries.get(key);
    if (entry) entry.times.push(at);
    else this.entries.set(key, { times: [at], windowMs: window.windowMs });
    this.longestWindowMs = Math.max(this.longestWindowMs, window.windowMs);
    // At most once per longest window, so the cost per event stays constant however many keys there are.
    if (at - this.sweptAt >= this.longestWindowMs) this.sweep(at);
  }

  /** Keys still holding an event in their window. */
  get size(): number {
    return this.entries.size;
  }

  private recent(key: string, windowMs: number, now: number): number[] {
    const entry = this.entries.get(key);
    if (!entry) return [];
    const keepFrom = entry.times.findIndex((t) => t > now - windowMs);
    if (keepFrom === -1) {
      this.entries.delete(key);
      return [];
    }
    if (keepFrom > 0) entry.times.splice(0, keepFrom);
    entry.windowMs = windowMs;
    return entry.times;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [key, entry] of this.entries) this.recent(key, entry.windowMs, now);
  }
}
