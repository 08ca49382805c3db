import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import type { BotsServiceWithWebhook } from '../bots-service';
import { startRefusingProxy } from '../test/refusing-proxy';
import { OPERATOR, startBotsWorld, waitFor, type BotsWorld } from '../test/bots-harness';

const tempDir = useTempDirs();
let w: BotsWorld;
let db: Database;
let bots: BotsServiceWithWebhook | null = null;

beforeEach(async () => {
  w = await startBotsWorld(tempDir());
  db = w.openDb();
});
afterEach(async () => {
  await bots?.stopAll();
  await w.server.close();
  db.close();
});

it('keeps a minimum gap between empty polls when the server answers getUpdates at once', async () => {
  // A proxy that ignores `timeout` (as some do) answers every getUpdates with nothing, at once.
  const pollTimes: number[] = [];
  const proxy = await startRefusingProxy(w.server.url, (method) => {
    if (method !== 'getUpdates') return null;
    pollTimes.push(performance.now());
    return { status: 200, body: { ok: true, result: [] } };
  });
  try {
    const gapMs = 100;
    bots = w.service(db, { apiRoot: proxy.url, emptyPollGapMs: gapMs });
    await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    // The window is bounded by a count of polls, not by a time: unpaced, these come within milliseconds.
    // The first poll asks without holding (to show "online" at once), so the gaps count from the second.
    await waitFor(() => (pollTimes.length >= 7 ? true : undefined), 5_000);
    const gaps = pollTimes.slice(2, 7).map((at, i) => at - pollTimes[i + 1]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(gapMs - 5);
  } finally {
    await bots?.stopAll();
    bots = null;
    await proxy.close();
  }
});
