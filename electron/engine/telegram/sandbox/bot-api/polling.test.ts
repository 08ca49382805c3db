import { Bot, type Context } from 'grammy';
import type { Update } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, waitFor, type Sandbox } from './test/harness';

let s: Sandbox;
beforeEach(async () => {
  s = await startSandbox();
});
afterEach(async () => {
  if (s.bot.isRunning()) await s.bot.stop();
  await s.server.close();
});

/** Starts grammY's long polling and resolves once its first getUpdates is being held. */
async function startPolling(bot: Bot, options: { allowed_updates?: ReadonlyArray<Exclude<keyof Update, 'update_id'>> } = {}) {
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  void bot.start({ timeout: 2, allowed_updates: options.allowed_updates, onStart: () => started() });
  await ready;
}

describe('Bot API front door: long polling', () => {
  it('holds getUpdates until a message arrives, then confirms it by offset', async () => {
    const texts: string[] = [];
    s.bot.on('message:text', (ctx) => {
      texts.push(ctx.message.text);
    });
    await startPolling(s.bot);
    const before = Date.now();
    s.aliceWrites('hello bot');
    await waitFor(() => (texts.length === 1 ? true : undefined));
    expect(Date.now() - before).toBeLessThan(1_000);
    await s.bot.stop();
    expect(texts).toEqual(['hello bot']);
    // bot.stop() confirmed what was handled: nothing is left for the next poller.
    expect(s.server.pendingUpdateCount(s.botUser.id)).toBe(0);
  });

  it('answers after the timeout with no updates', async () => {
    const started = Date.now();
    await expect(s.bot.api.getUpdates({ timeout: 1 })).resolves.toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('replies with an inline keyboard and answers the button press', async () => {
    const answered: string[] = [];
    s.bot.on('message:text', (ctx) => ctx.reply('Pick one', { reply_markup: { inline_keyboard: [[{ text: 'Yes', callback_data: 'yes' }]] } }));
    s.bot.on('callback_query:data', async (ctx: Context) => {
      answered.push(ctx.callbackQuery!.data!);
      await ctx.answerCallbackQuery({ text: 'Noted' });
    });
    await startPolling(s.bot);
    s.aliceWrites('menu');
    const prompt = await waitFor(() => s.world.receivedBy(s.alice.id).find((m) => m.text === 'Pick one'));
    expect(prompt.inlineKeyboard).toEqual([[{ text: 'Yes', callbackData: 'yes' }]]);
    const queryId = s.world.pressButton(s.alice.id, prompt.uid, 'yes');
    await waitFor(() => s.world.callbackAnswer(queryId));
    expect(answered).toEqual(['yes']);
    expect(s.world.callbackAnswer(queryId)).toEqual({ text: 'Noted', showAlert: false });
  });

  it('ends the first poller with 409 when a second one polls', async () => {
    const first = s.bot.api.getUpdates({ timeout: 5 });
    await waitFor(() => (s.server.isPollHeld(s.botUser.id) ? true : undefined));
    const second = new Bot(s.botUser.token, { client: { apiRoot: s.server.url } });
    const secondPoll = second.api.getUpdates({ timeout: 0 });
    await expect(first).rejects.toMatchObject({
      error_code: 409,
      description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    await expect(secondPoll).resolves.toEqual([]);
  });

  it('tells the bot it was blocked and unblocked (my_chat_member)', async () => {
    s.aliceWrites('hi');
    s.world.setBotBlocked(s.alice.id, s.botUser.id, true);
    s.world.setBotBlocked(s.alice.id, s.botUser.id, false);
    const updates = await s.bot.api.getUpdates();
    const changes = updates.flatMap((u) => (u.my_chat_member ? [u.my_chat_member] : []));
    expect(changes.map((c) => [c.old_chat_member.status, c.new_chat_member.status])).toEqual([
      ['member', 'kicked'],
      ['kicked', 'member'],
    ]);
    expect(changes[0]!.chat).toMatchObject({ id: s.alice.id, type: 'private' });
    expect(updates.map((u) => u.update_id)).toEqual([1, 2, 3]);
  });

  it('sends chat_member only to admins that asked for it', async () => {
    const group = s.world.createChat({ kind: 'supergroup', title: 'S', creatorId: s.alice.id, memberIds: [s.botUser.id] });
    s.world.promote(group.id, s.botUser.id, s.alice.id, { inviteUsers: true });
    const carol = s.world.addUser({ firstName: 'Carol' });
    s.world.addMember(group.id, carol.id, carol.id);
    const byDefault = await s.bot.api.getUpdates();
    expect(byDefault.some((u) => u.chat_member)).toBe(false);
    expect(byDefault.some((u) => u.message?.new_chat_members?.[0]?.id === carol.id)).toBe(true);
    await s.bot.api.getUpdates({ offset: byDefault.at(-1)!.update_id + 1, allowed_updates: ['chat_member'] });
    s.world.removeMember(group.id, carol.id, carol.id);
    const asked = await s.bot.api.getUpdates();
    expect(asked.map((u) => u.chat_member?.new_chat_member.status)).toEqual(['left']);
  });

  it('delivers group messages to a bot that is a member', async () => {
    const group = s.world.createChat({ kind: 'group', title: 'G', creatorId: s.alice.id, memberIds: [s.botUser.id] });
    s.world.sendMessage({ senderId: s.alice.id, conversation: { kind: 'chat', chatId: group.id }, text: 'hello group' });
    const updates = await s.bot.api.getUpdates();
    const bySelf = updates.find((u) => u.my_chat_member);
    expect(bySelf?.my_chat_member?.new_chat_member.status).toBe('member');
    expect(updates.find((u) => u.message?.text === 'hello group')?.message?.chat).toMatchObject({ id: -group.id, type: 'group' });
  });

  it('sends edits as edited_message and honours a negative offset', async () => {
    const message = s.aliceWrites('typo');
    s.world.editMessage(message.uid, s.alice.id, { text: 'fixed' });
    const last = await s.bot.api.getUpdates({ offset: -1 });
    expect(last).toHaveLength(1);
    expect(last[0]!.edited_message).toMatchObject({ text: 'fixed', message_id: s.world.viewId(message, s.botUser.id), edit_date: expect.any(Number) });
  });
});
