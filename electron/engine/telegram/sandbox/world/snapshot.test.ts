import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../platform/clock';
import { SnapshotError } from './snapshot';
import { SandboxWorld } from './world';

/** A world where a bit of everything has happened. */
function busyWorld() {
  const clock = manualClock(Date.UTC(2026, 10, 21));
  const w = new SandboxWorld({ clock, seed: 11 });
  const alice = w.addUser({ firstName: 'Alice', username: 'alice', languageCode: 'ru', phone: '79000000001', twoFactor: { password: 'pw', hint: 'h' } });
  const bob = w.addUser({ firstName: 'Bob', phone: '79000000002', privacy: { addToGroups: 'contacts' } });
  const carol = w.addUser({ firstName: 'Carol' });
  const bot = w.addBot({ username: 'helper_bot', firstName: 'Helper', ownerId: alice.id });
  bot.commands.push({ command: 'start', description: 'Begin' });
  w.addContact(bob.id, alice.id);

  const channel = w.createChat({ kind: 'channel', title: 'News', creatorId: alice.id, username: 'news' });
  w.addMember(channel.id, bot.id, alice.id);
  w.promote(channel.id, bot.id, alice.id, { postMessages: true });
  w.addMember(channel.id, bob.id, alice.id);
  w.removeMember(channel.id, carol.id, alice.id, { ban: true });
  const link = w.createInviteLink(channel.id, alice.id, { requestsApproval: true, title: 'ask' });
  w.joinByLink(carol.id, link.link);
  const group = w.createChat({ kind: 'group', title: 'Team', creatorId: alice.id, memberIds: [bob.id] });

  const dm = w.privateConversation(alice.id, bot.id);
  w.sendMessage({ senderId: alice.id, conversation: dm, text: '/start', randomId: 9_007_199_254_740_993n });
  const photo = w.storeFile({ kind: 'photo', bytes: Buffer.from([1, 2, 3, 250]), mimeType: 'image/png', uploadedBy: bot.id, width: 2, height: 2 });
  const menu = w.sendMessage({ senderId: bot.id, conversation: dm, media: photo, caption: 'menu', inlineKeyboard: [[{ text: 'Go', callbackData: 'go' }]] });
  w.answerCallback(w.pressButton(alice.id, menu.uid, 'go'), { text: 'Done', showAlert: true });
  const note = w.sendMessage({ senderId: bob.id, conversation: { kind: 'chat', chatId: group.id }, text: 'draft', replyToUid: null });
  w.editMessage(note.uid, bob.id, { text: 'final' });
  w.deleteMessages([w.sendMessage({ senderId: alice.id, conversation: { kind: 'chat', chatId: channel.id }, text: 'oops' }).uid], alice.id);
  w.setBotBlocked(bob.id, bot.id, true);
  w.nextBotUpdateId(bot.id);
  w.nextBotUpdateId(bot.id);
  clock.advance(60_000);
  return { w, clock, alice, bob, carol, bot, channel, group };
}

const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('sandbox world snapshot', () => {
  it('restores everything the world held, through JSON', () => {
    const { w, clock } = busyWorld();
    const restored = SandboxWorld.restore(throughJson(w.snapshot()), { clock });

    expect(restored.allUsers()).toEqual(w.allUsers());
    expect(restored.allChats()).toEqual(w.allChats());
    expect(restored.allMessages()).toEqual(w.allMessages());
    expect(restored.allFiles()).toEqual(w.allFiles());
    expect(throughJson(restored.snapshot())).toEqual(throughJson(w.snapshot()));
    // One file object shared by the store and the message, as in the original.
    const menu = restored.allMessages().find((m) => m.caption === 'menu')!;
    expect(menu.media).toBe(restored.file(menu.media!.uniqueId));
  });

  it('continues ids, counters and the random sequence exactly where the original is', () => {
    const { w, clock, alice, bob, bot, channel } = busyWorld();
    const restored = SandboxWorld.restore(throughJson(w.snapshot()), { clock });

    const act = (world: SandboxWorld) => {
      const dave = world.addUser({ firstName: 'Dave' });
      const newBot = world.addBot({ username: 'other_bot', firstName: 'Other' });
      const chat = world.createChat({ kind: 'supergroup', title: 'More', creatorId: alice.id });
      const group = world.createChat({ kind: 'group', title: 'Small', creatorId: alice.id });
      const dm = world.sendMessage({ senderId: bob.id, conversation: world.privateConversation(bob.id, alice.id), text: 'hi' });
      const post = world.sendMessage({ senderId: alice.id, conversation: { kind: 'chat', chatId: channel.id }, text: 'post' });
      const menu = world.allMessages().find((m) => m.caption === 'menu')!;
      return {
        ids: [dave.id, dave.accessHash, newBot.id, newBot.token, chat.id, group.id],
        dm: [dm.uid, [...dm.boxIds]],
        post: [post.channelMessageId, world.chat(channel.id).pts],
        query: world.pressButton(alice.id, menu.uid, 'go'),
        updateId: world.nextBotUpdateId(bot.id),
        link: world.createInviteLink(channel.id, alice.id).link,
        draws: [world.random.next(), world.random.hex(8), world.random.long()],
      };
    };
    const expected = act(w);
    expect(act(restored)).toEqual(expected);
    expect(expected.updateId).toBe(3);
    // The bot may still write to whoever started it; the answered query stays answered.
    expect(() => restored.sendMessage({ senderId: bot.id, conversation: restored.privateConversation(alice.id, bot.id), text: 'back' })).not.toThrow();
    expect(restored.callbackAnswer(expected.query)).toBeUndefined();
    expect([...restored.allMessages()].reverse().find((m) => m.text === 'final')?.editHistory).toEqual(['draft']);
  });

  it('reads a snapshot written before people had a language as people without one', () => {
    const { w, alice } = busyWorld();
    const old = throughJson(w.snapshot()) as { users: Record<string, unknown>[] };
    for (const user of old.users) delete user.languageCode;
    const restored = SandboxWorld.restore(old, { clock: manualClock() });
    expect(restored.user(alice.id).languageCode).toBeNull();
    expect(w.user(alice.id).languageCode).toBe('ru');
  });

  it('refuses another version or a broken snapshot with a clear error', () => {
    const { w, clock } = busyWorld();
    const good = throughJson(w.snapshot()) as Record<string, unknown>;
    const restore = (data: unknown) => () => SandboxWorld.restore(data, { clock });

    expect(restore({ ...good, version: 2 })).toThrow(/version 2; this desk reads version 1/);
    expect(restore('not a snapshot')).toThrow(SnapshotError);
    const badUser = { ...good, users: [{ ...(good.users as object[])[0], accessHash: 'abc' }] };
    expect(restore(badUser)).toThrow(/users\[0\]\.accessHash/);
    expect(restore({ ...good, files: [] })).toThrow(/has file .*, which it does not hold/);
    expect(restore({ ...good, counters: undefined })).toThrow(/counters/);
  });
});
