import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import type { Outbox, OutboxItem } from '../outbox-port';
import { BOT, outboxWorld, until, useStartedOutboxes, type OutboxWorld } from '../test/harness';

const tempDir = useTempDirs();
let world: OutboxWorld;
const { started, start: run } = useStartedOutboxes(() => world);

async function setup() {
  world = await outboxWorld(tempDir());
  return { w: world, outbox: await start(world) };
}

async function start(w: typeof world): Promise<Outbox> {
  return run(w.outbox());
}

const enqueue = (outbox: Outbox, kind: string, payload: unknown) => outbox.enqueue({ sender: BOT, kind, priority: 'operator', payload });
const settled = (outbox: Outbox, item: OutboxItem) =>
  until(() => !['queued', 'sending'].includes(outbox.item(item.id)!.delivery.state), `item ${item.id} to settle`).then(() => outbox.item(item.id)!);

describe('bot action kinds', () => {
  it('sends inline buttons, answers a press once, and edits the text and keyboard (an edit to the same counts as done)', async () => {
    const { w, outbox } = await setup();
    const [p1] = w.people;
    const keyboard = [[{ text: 'Yes', callbackData: 'yes' }, { text: 'Site', url: 'https://example.org/rules' }]];
    const sent = await settled(outbox, enqueue(outbox, 'bot.message', { chatKey: `user:${p1!.id}`, text: 'Join?', keyboard }));
    expect(sent.delivery.state).toBe('sent');
    const message = w.received(p1!, 'Join?')[0]!;
    expect(message.inlineKeyboard).toEqual([[{ text: 'Yes', callbackData: 'yes' }, { text: 'Site', url: 'https://example.org/rules' }]]);

    const queryId = w.world.pressButton(p1!.id, message.uid, 'yes');
    const answer = await settled(outbox, enqueue(outbox, 'bot.answerCallback', { callbackQueryId: queryId, text: 'Noted' }));
    expect(answer.delivery.state).toBe('sent');
    expect(w.world.callbackAnswer(queryId)).toEqual({ text: 'Noted', showAlert: false });
    const again = await settled(outbox, enqueue(outbox, 'bot.answerCallback', { callbackQueryId: queryId, text: 'Again' }));
    expect(again.delivery).toEqual({ state: 'failed', reason: expect.stringMatching(/^Telegram no longer takes an answer to this button press/) });
    expect(w.world.callbackAnswer(queryId)).toEqual({ text: 'Noted', showAlert: false });

    const edit = { chatKey: `user:${p1!.id}`, messageId: sent.telegramMessageId, text: 'Joined', keyboard: [[{ text: 'Rules', url: 'https://example.org/rules' }]] };
    const edited = await settled(outbox, enqueue(outbox, 'bot.edit', edit));
    expect(edited).toMatchObject({ delivery: { state: 'sent' }, telegramMessageId: sent.telegramMessageId });
    expect(edited.result!.alreadyDone).toBeUndefined();
    expect(w.world.message(message.uid)).toMatchObject({ text: 'Joined', inlineKeyboard: [[{ text: 'Rules', url: 'https://example.org/rules' }]] });
    const unchanged = await settled(outbox, enqueue(outbox, 'bot.edit', edit));
    expect(unchanged).toMatchObject({ delivery: { state: 'sent' }, result: { alreadyDone: true } });

    expect(() => enqueue(outbox, 'bot.message', { chatKey: `user:${p1!.id}`, text: 'x', keyboard: [[{ text: 'Big', callbackData: 'd'.repeat(65) }]] })).toThrow(/callback data is 1 to 64 bytes/);
    expect(() => enqueue(outbox, 'bot.message', { chatKey: `user:${p1!.id}`, text: 'x', keyboard: [[{ text: 'Bad', url: 'javascript:alert(1)' }]] })).toThrow(/link starts with https/);
  });

  it('checks membership with getChatMember and makes a limited, expiring invite link', async () => {
    const { w, outbox } = await setup();
    const [p1, p2, p3] = w.people;
    const channel = w.world.createChat({ kind: 'channel', title: 'News', creatorId: w.alice.id, memberIds: [w.botUser.id, p1!.id] });
    w.world.promote(channel.id, w.botUser.id, w.alice.id, { inviteUsers: true });
    const chatKey = `channel:${channel.id}`;
    const checks = await Promise.all([p1!, p2!].map((p) => settled(outbox, enqueue(outbox, 'bot.chatMember', { chatKey, userId: p.id }))));
    expect(checks.map((c) => c.result!.data)).toEqual([
      { member: true, status: 'member' },
      { member: false, status: 'left' },
    ]);

    const made = await settled(outbox, enqueue(outbox, 'bot.createInviteLink', { chatKey, name: 'for Client 3', memberLimit: 1, expiresInSeconds: 3_600 }));
    const expiresAt = (Math.floor(w.clock.now() / 1000) + 3_600) * 1000;
    expect(made).toMatchObject({ delivery: { state: 'sent' }, result: { data: { link: expect.stringMatching(/^https:\/\/t\.me\/\+/), expiresAt } } });
    const link = (made.result!.data as { link: string }).link;
    expect(w.world.chat(channel.id).inviteLinks.find((l) => l.link === link)).toMatchObject({ usageLimit: 1, title: 'for Client 3', creatorId: w.botUser.id });
    expect(w.world.joinByLink(p3!.id, link).joined).toBe(true);
  });

  it('answers a callback while the chat’s own window is full: an action on no chat waits only for the bot’s window', async () => {
    const { w, outbox } = await setup();
    const [p1] = w.people;
    const first = await settled(outbox, enqueue(outbox, 'bot.message', { chatKey: `user:${p1!.id}`, text: 'Pick', keyboard: [[{ text: 'A', callbackData: 'a' }]] }));
    const message = w.received(p1!, 'Pick')[0]!;
    await outbox.stop();
    started.splice(0);
    // One message per chat per minute: the chat is now full for the lane's own window.
    const strict = w.outbox({ botLimits: { perBot: { count: 30, windowMs: 1_000 }, perPrivateChat: { count: 1, windowMs: 60_000 }, perGroup: { count: 20, windowMs: 60_000 }, concurrency: 4 } });
    started.push(strict);
    await strict.start();
    const second = enqueue(strict, 'text', { kind: 'text', chatKey: `user:${p1!.id}`, text: 'one' });
    const third = enqueue(strict, 'text', { kind: 'text', chatKey: `user:${p1!.id}`, text: 'two' });
    const queryId = w.world.pressButton(p1!.id, message.uid, 'a');
    const answer = await settled(strict, enqueue(strict, 'bot.answerCallback', { callbackQueryId: queryId }));
    expect(answer.delivery.state).toBe('sent');
    expect(first.delivery.state).toBe('sent');
    await until(() => strict.item(second.id)!.delivery.state === 'sent', 'the first text');
    // The second text to that chat waits for the chat's window; the callback answer did not.
    expect(strict.item(third.id)!.delivery.state).toBe('queued');
  });

  it('after a crash resends what is harmless to repeat and leaves a keyboard message uncertain', async () => {
    const { w, outbox } = await setup();
    const [p1] = w.people;
    w.online.bot = false;
    const message = enqueue(outbox, 'bot.message', { chatKey: `user:${p1!.id}`, text: 'Pick', keyboard: [[{ text: 'A', callbackData: 'a' }]] });
    const check = enqueue(outbox, 'bot.chatMember', { chatKey: `user:${p1!.id}`, userId: p1!.id });
    await outbox.stop();
    started.splice(0);
    // As a process killed mid-attempt leaves them.
    w.db.prepare("UPDATE outbox SET state = 'sending', attempts = 1, tries = 1 WHERE id IN (?, ?)").run(message.id, check.id);
    w.online.bot = true;
    const restarted = await start(w);
    expect(restarted.item(message.id)!.delivery).toEqual({ state: 'uncertain', reason: expect.stringMatching(/cannot tell whether Telegram received it/) });
    expect(await settled(restarted, check)).toMatchObject({ delivery: { state: 'sent' }, result: { data: { member: true, status: 'member' } } });
    expect(w.received(p1!, 'Pick')).toHaveLength(0);
  });
});
