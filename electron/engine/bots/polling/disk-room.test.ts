import { describe, expect, it } from 'vitest';
import { createDiskGuard } from '../../platform/disk-guard';
import { retryWhenDiskHasRoom } from '../../telegram/connection-service';
import { useTempDirs } from '../../test-support/temp-dir';
import { OPERATOR, startBotsWorld, waitFor } from '../test/bots-harness';

const tempDir = useTempDirs();
const BIG_TEXT = 'я'.repeat(4000); // 8 KB: needs pages the database does not have yet

describe('bot polling on a full disk', () => {
  it('stores what it could not as soon as the disk has room, not at the end of its backoff', async () => {
    const dir = tempDir();
    const w = await startBotsWorld(dir);
    const db = w.openDb();
    // A backoff far longer than the test may take: only "retry now" can bring the message in.
    const bots = w.service(db, { backoff: { baseMs: 60_000, maxMs: 60_000 } });
    const disk = createDiskGuard({ folder: dir, recheckMs: 10 });
    const unsubscribe = retryWhenDiskHasRoom(disk, [bots]);
    try {
      const bot = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
      await waitFor(() => (w.lastState(bot.id)?.status === 'online' ? true : undefined));

      // SQLite held at its current size answers SQLITE_FULL, as on a full disk.
      db.exec('VACUUM');
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      w.writes(w.deskBot, BIG_TEXT);
      const waiting = await waitFor(() => {
        const state = w.lastState(bot.id);
        return state?.status === 'reconnecting' ? state : undefined;
      });
      expect(waiting.nextTryAt - w.clock.now()).toBeGreaterThanOrEqual(30_000);
      // In the engine the log sink meets the same SQLITE_FULL writing the failure down and tells the guard.
      expect(disk.noteFailure(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(true);

      db.pragma('max_page_count = 1073741823');
      await waitFor(() => w.received().find((m) => m.text === BIG_TEXT));
      expect(disk.state().full).toBe(false);
      expect(w.lastState(bot.id)).toEqual({ status: 'online' });
    } finally {
      unsubscribe();
      disk.stop();
      await bots.stopAll();
      await w.server.close();
      db.close();
    }
  });
});
