import type { Page } from 'playwright-core';

interface Counters {
  __received: number;
  __largestBatch: { events: number; chars: number };
}

/**
 * Counts every message the window is told about, and notes its largest event batch, as the
 * window reads them off its socket: by watching its JSON.parse, so counting costs no second parse.
 */
export async function countDeliveries(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Counters;
    w.__received = 0;
    w.__largestBatch = { events: 0, chars: 0 };
    const parse = JSON.parse;
    JSON.parse = (text: string, reviver?: (key: string, value: unknown) => unknown) => {
      const value = parse(text, reviver) as { kind?: string; events?: { type: string; payload: { messages?: unknown[] } }[] } | null;
      if (value?.kind === 'events' && value.events) {
        for (const e of value.events) if (e.type === 'inbox.messagesChanged') w.__received += e.payload.messages?.length ?? 0;
        if (text.length > w.__largestBatch.chars) w.__largestBatch = { events: value.events.length, chars: text.length };
      }
      return value;
    };
  });
}

/**
 * Waits (up to a minute) until the window has been told about `expected` messages; returns what
 * it counted, how long that took, and its largest batch since the last call (which starts anew).
 */
export async function deliveries(page: Page, expected: number) {
  const started = performance.now();
  await page
    .waitForFunction((expected) => (window as unknown as Counters).__received >= expected, expected, { timeout: 60_000, polling: 200 })
    .catch(() => {});
  const waitedSeconds = (performance.now() - started) / 1000;
  const counted = await page.evaluate(() => {
    const w = window as unknown as Counters;
    const largestBatch = w.__largestBatch;
    w.__largestBatch = { events: 0, chars: 0 };
    return { received: w.__received, largestBatch };
  });
  return { ...counted, waitedSeconds };
}
