import bigInt from 'big-integer';
import pino from 'pino';
import { Api } from 'telegram';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database';
import type { MemberChange } from '../../telegram/inbound/types';
import type { MtprotoTransport } from '../../telegram/mtproto/transport';
import { manualClock } from '../../platform/clock';
import { useTempDirs } from '../../test-support/temp-dir';
import { loadCursor } from '../store/cursor-repo';
import { UpdateSync } from './update-sync';

const tempDir = useTempDirs();

/**
 * Telegram's side scripted with real GramJS answers: the sandbox has no participant updates (it
 * keeps no qts sequence), and this is about how the desk orders that sequence.
 */
function scriptedTelegram(difference: () => Api.updates.TypeDifference) {
  const asked: Api.AnyRequest[] = [];
  const transport: MtprotoTransport = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    connected: true,
    onUpdate: () => () => undefined,
    exportSession: () => '',
    invoke: (async (request: Api.AnyRequest) => {
      asked.push(request);
      if (request instanceof Api.updates.GetState) return new Api.updates.State({ pts: 10, qts: 1, date: 100, seq: 0, unreadCount: 0 });
      if (request instanceof Api.updates.GetDifference) return difference();
      throw new Error(`not scripted: ${request.className}`);
    }) as MtprotoTransport['invoke'],
  };
  return { transport, asked };
}

const joined = (userId: number, qts: number) =>
  new Api.UpdateChannelParticipant({ channelId: bigInt(900), date: 1_000 + qts, actorId: bigInt(userId), userId: bigInt(userId), newParticipant: new Api.ChannelParticipant({ userId: bigInt(userId), date: 1 }), qts });
const pushed = (...updates: Api.TypeUpdate[]) => new Api.Updates({ updates, users: [], chats: [], date: 2_000, seq: 0 });

describe('account update sync: participant changes (qts)', () => {
  it('applies them in qts order, once; a jump fetches the difference, and the cursor keeps the qts', async () => {
    const dir = tempDir();
    const { db } = openDatabase({ path: `${dir}/desk.sqlite`, backupsDir: `${dir}/backups`, now: () => 1, keepBackups: 1 });
    db.prepare("INSERT INTO accounts (id, phone, telegram_user_id, created_at, updated_at) VALUES (1, '+10000000001', 42, 1, 1)").run();
    const seen: MemberChange[] = [];
    const keys = new Set<string>();
    const { transport, asked } = scriptedTelegram(
      () =>
        new Api.updates.Difference({
          newMessages: [],
          newEncryptedMessages: [],
          otherUpdates: [joined(503, 3), joined(504, 4)],
          users: [],
          chats: [],
          state: new Api.updates.State({ pts: 10, qts: 4, date: 200, seq: 0, unreadCount: 0 }),
        }),
    );
    const sync = new UpdateSync(
      {
        db,
        clock: manualClock(),
        logger: pino({ level: 'silent' }),
        accountId: 1,
        selfId: 42,
        pipeline: { logger: pino({ level: 'silent' }), consumers: () => [{ name: 'joins', consume: (batch) => void (seen.push(...batch.members), Object.keys(batch).forEach((k) => keys.add(k))) }] },
      },
      transport,
    );
    await sync.start();

    await sync.apply(pushed(joined(502, 2)));
    await sync.apply(pushed(joined(502, 2))); // Seen again: already applied.
    expect(seen.map((m) => m.userId)).toEqual([502]);
    expect(loadCursor(db, 1)).toMatchObject({ pts: 10, qts: 2 });

    await sync.apply(pushed(joined(504, 4))); // 3 is missing: ask for the difference, which brings 3 and 4.
    expect(asked.filter((r) => r instanceof Api.updates.GetDifference).map((r) => (r as Api.updates.GetDifference).qts)).toEqual([2]);
    expect(seen.map((m) => m.userId)).toEqual([502, 503, 504]);
    expect(loadCursor(db, 1)).toMatchObject({ qts: 4 });
    // Consumers get the batch's plain values only, never the page's entities (access hashes) or cursor.
    expect([...keys].sort()).toEqual(['botMemberships', 'callbacks', 'deletions', 'edits', 'members', 'messages', 'reads', 'source']);
    db.close();
  });
});
