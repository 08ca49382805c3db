import { describe, expect, it } from 'vitest';
import type { MtprotoTransport } from '../../telegram/mtproto/transport';
import { useTempDirs } from '../../test-support/temp-dir';
import { accountsHarness, eventually, losingUpdate, sandboxWorld, settle } from '../test/harness';
import { signIn, stateOf } from '../test/sign-in-helper';

const tempDir = useTempDirs();

/** Counts the getChannelDifference calls the account makes. */
function countingChannelDifferences() {
  const calls = { count: 0 };
  const wrap = (t: MtprotoTransport): MtprotoTransport => ({
    connect: () => t.connect(),
    disconnect: () => t.disconnect(),
    get connected() {
      return t.connected;
    },
    invoke: (request) => {
      if (request.className === 'updates.GetChannelDifference') calls.count++;
      return t.invoke(request);
    },
    exportSession: () => t.exportSession(),
    onUpdate: (listener) => t.onUpdate(listener),
  });
  return { calls, wrap };
}

async function aliceInSupergroup(options: Parameters<typeof sandboxWorld>[0] = {}) {
  const w = sandboxWorld(options);
  const counting = countingChannelDifferences();
  const h = accountsHarness({ dir: tempDir(), world: w, wrapTransport: counting.wrap });
  const account = await signIn(h, w, w.alice);
  const [owner] = w.people as [typeof w.alice];
  const chat = w.world.createChat({ kind: 'supergroup', title: 'Club', creatorId: owner.id, memberIds: [w.alice.id] });
  const say = (text: string) => w.world.sendMessage({ senderId: owner.id, conversation: { kind: 'chat', chatId: chat.id }, text });
  const texts = () =>
    h.db.prepare("SELECT text FROM messages WHERE source_kind = 'account' AND source_id = ? AND chat_key = ? ORDER BY telegram_message_id").pluck().all(account.id, `channel:${chat.id}`) as string[];
  const storedPts = () => h.db.prepare('SELECT pts FROM account_channel_state WHERE account_id = ? AND channel_id = ?').pluck().get(account.id, chat.id) as number | undefined;
  /** Drops the connection, lets `meanwhile` happen, and waits until the account is back online. */
  const offlineWhile = async (meanwhile: () => void) => {
    await w.sandbox.dropConnections();
    meanwhile();
    await h.timers.advance(60_000);
    await h.timers.advance(1_000);
    await eventually(() => stateOf(h, account.id) === 'online', 'back online');
    await settle();
  };
  return { w, h, account, chat, say, texts, storedPts, offlineWhile, calls: counting.calls };
}

describe('channel and supergroup sync', () => {
  it('fetches messages a supergroup got while the account was offline, each exactly once, with getChannelDifference', async () => {
    const { w, h, chat, say, texts, storedPts, offlineWhile, calls } = await aliceInSupergroup();
    say('live');
    await eventually(() => texts().length === 1, 'live message');
    expect(storedPts()).toBe(w.sandbox.hub.channel(chat.id).pts);
    expect(calls.count).toBe(0);

    await offlineWhile(() => ['one', 'two', 'three'].forEach(say));
    await eventually(() => texts().length === 4, 'missed messages');
    expect(texts()).toEqual(['live', 'one', 'two', 'three']);
    expect(calls.count).toBeGreaterThanOrEqual(1);
    expect(storedPts()).toBe(w.sandbox.hub.channel(chat.id).pts);
    h.flush();
    const announced = h.events.flatMap((e) => (e.type === 'messages.received' ? e.payload.messages : [])).map((m) => m.text);
    expect(announced).toEqual(['live', 'one', 'two', 'three']);

    // Live again: the next message follows on from the caught-up pts.
    say('after');
    await eventually(() => texts().length === 5, 'message after reconnect');
    await h.service.stopAll();
  });

  it('follows a channel gap on a live connection by asking for the channel difference', async () => {
    const w = sandboxWorld();
    // The third update (the second message) never arrives.
    const lossy = losingUpdate(3);
    const h = accountsHarness({ dir: tempDir(), world: w, wrapTransport: lossy.wrap });
    const account = await signIn(h, w, w.alice);
    const chat = w.world.createChat({ kind: 'supergroup', title: 'Club', creatorId: w.people[0]!.id, memberIds: [w.alice.id] });
    for (const text of ['one', 'two', 'three']) {
      w.world.sendMessage({ senderId: w.people[0]!.id, conversation: { kind: 'chat', chatId: chat.id }, text });
      await settle();
    }
    const count = () => h.db.prepare('SELECT count(*) FROM messages WHERE source_id = ? AND chat_key = ?').pluck().get(account.id, `channel:${chat.id}`);
    await eventually(() => count() === 3, 'the lost one fetched');
    await h.service.stopAll();
  });

  it('recovers a channel that fell too far behind from its newest messages and dialog', async () => {
    const { w, h, account, chat, say, texts, storedPts, offlineWhile } = await aliceInSupergroup({ channelDifferenceTooLongAfter: 2 });
    say('live');
    await eventually(() => texts().length === 1, 'live message');
    await offlineWhile(() => ['one', 'two', 'three'].forEach(say));
    await eventually(() => texts().length === 4, 'newest messages');
    expect(texts()).toEqual(['live', 'one', 'two', 'three']);
    expect(storedPts()).toBe(w.sandbox.hub.channel(chat.id).pts);
    // The dialog says how much is unread: the four messages nobody read.
    expect(h.db.prepare('SELECT unread_count FROM conversations WHERE source_id = ? AND chat_key = ?').pluck().get(account.id, `channel:${chat.id}`)).toBe(4);
    expect(h.logLines.some((line) => line.includes('could not list everything missed in a channel'))).toBe(true);
    say('after');
    await eventually(() => texts().length === 5, 'message after recovery');
    await h.service.stopAll();
  });
});
