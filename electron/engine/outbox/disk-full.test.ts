import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { settle } from '../accounts/test/harness';
import { useTempDirs } from '../test-support/temp-dir';
import { collectUnhandledRejections } from '../test-support/unhandled-rejections';
import { BOT, outboxWorld, until } from './test/harness';

const tempDir = useTempDirs();
const unhandled = collectUnhandledRejections();
afterEach(() => {
  vi.restoreAllMocks();
});

describe('outbox on a full disk', () => {
  it('a send whose outcome cannot be written stays sending, rejects nothing unhandled, and is recorded once the disk has room', async () => {
    const w = await outboxWorld(tempDir());
    const outbox = w.outbox();
    await outbox.start();
    // Every transaction fails as SQLite fails on a full disk, from the moment Telegram has the message.
    let full = false;
    let refused = 0;
    const transaction = w.db.transaction.bind(w.db);
    vi.spyOn(w.db, 'transaction').mockImplementation(((fn: (...args: unknown[]) => unknown) => {
      const run = transaction(fn);
      return (...args: unknown[]) => {
        if (!full) return run(...args);
        refused++;
        throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
      };
    }) as typeof w.db.transaction);
    const [person] = w.people as [(typeof w.people)[0]];
    const unsubscribe = w.world.subscribe((event) => {
      if (event.type === 'message.new' && event.message.senderId === w.botUser.id) full = true;
    });

    const item = outbox.enqueue({ sender: BOT, conversationId: null, priority: 'operator', payload: w.text(person, 'sent as the disk filled') });
    await until(() => refused > 0, 'the outcome write refused');
    await settle();
    expect(unhandled).toEqual([]);
    expect(outbox.item(item.id)!.delivery.state).toBe('sending');
    // Said once, with the item and its sender, however often the write is tried again.
    await w.timers.advance(15_000);
    expect(refused).toBeGreaterThan(1);
    expect(w.logged.filter((line) => line.outboxId === item.id)).toEqual([
      expect.objectContaining({ msg: expect.stringContaining('could not be written'), sender: BOT, err: expect.objectContaining({ code: 'SQLITE_FULL' }) }),
    ]);

    full = false;
    await w.timers.advance(15_000);
    await until(() => outbox.item(item.id)!.delivery.state !== 'sending', 'the outcome recorded');
    expect(outbox.item(item.id)!.delivery).toMatchObject({ state: 'sent' });
    expect(w.received(person, 'sent as the disk filled')).toHaveLength(1);
    await settle();
    expect(unhandled).toEqual([]);
    unsubscribe();
    await outbox.stop();
    expect(w.timers.pending()).toBe(0);
    await w.close();
  });
});
