import { GrammyError } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './test/harness';

let s: Sandbox;
beforeEach(async () => {
  s = await startSandbox();
});
afterEach(async () => {
  await s.server.close();
});

async function raw(path: string, init?: RequestInit) {
  const response = await fetch(`${s.server.url}${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('Bot API front door: HTTP', () => {
  it('answers getMe for the bot whose token is used', async () => {
    const me = await s.bot.api.getMe();
    expect(me).toMatchObject({ id: s.botUser.id, is_bot: true, first_name: 'Desk', username: 'desk_bot' });
  });

  it('refuses an unknown token with 401 and an unknown method with 404', async () => {
    expect(await raw('/bot123:nope/getMe')).toEqual({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    expect(await raw(`/bot${s.botUser.token}/noSuchMethod`)).toEqual({ status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } });
  });

  it('takes parameters from the query, a form and JSON, with case-insensitive method names', async () => {
    s.aliceWrites('hi');
    const base = `/bot${s.botUser.token}`;
    const viaQuery = await raw(`${base}/SENDMESSAGE?chat_id=${s.alice.id}&text=q`);
    const viaForm = await raw(`${base}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ chat_id: String(s.alice.id), text: 'f', reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] }) }),
    });
    const viaJson = await raw(`${base}/sendMessage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: s.alice.id, text: 'j' }) });
    expect([viaQuery, viaForm, viaJson].map((r) => (r.body.result as { text: string }).text)).toEqual(['q', 'f', 'j']);
    expect((viaForm.body.result as { reply_markup: unknown }).reply_markup).toEqual({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] });
    expect(s.world.receivedBy(s.alice.id).map((m) => m.text)).toEqual(['q', 'f', 'j']);
  });

  it('numbers chats as the Bot API does and message ids as the bot sees them', async () => {
    const group = s.world.createChat({ kind: 'group', title: 'G', creatorId: s.alice.id, memberIds: [s.botUser.id] });
    const channel = s.world.createChat({ kind: 'channel', title: 'C', creatorId: s.alice.id, memberIds: [s.botUser.id] });
    s.world.promote(channel.id, s.botUser.id, s.alice.id, { postMessages: true });
    const inGroup = await s.bot.api.sendMessage(-group.id, 'to group');
    const inChannel = await s.bot.api.sendMessage(-(1e12 + channel.id), 'to channel');
    expect(inGroup.chat).toMatchObject({ id: -group.id, type: 'group', title: 'G' });
    expect(inChannel.chat).toMatchObject({ id: -(1e12 + channel.id), type: 'channel' });
    const sent = s.world.receivedBy(s.alice.id).find((m) => m.text === 'to group')!;
    expect(inGroup.message_id).toBe(s.world.viewId(sent, s.botUser.id));
  });

  it('replies, edits, copies and deletes', async () => {
    const incoming = s.aliceWrites('question');
    const incomingId = s.world.viewId(incoming, s.botUser.id)!;
    const reply = await s.bot.api.sendMessage(s.alice.id, 'answer', { reply_parameters: { message_id: incomingId } });
    expect(reply.reply_to_message).toMatchObject({ message_id: incomingId, text: 'question' });
    const edited = await s.bot.api.editMessageText(s.alice.id, reply.message_id, 'better answer');
    expect(edited).toMatchObject({ text: 'better answer', edit_date: expect.any(Number) });
    const copy = await s.bot.api.copyMessage(s.alice.id, s.alice.id, incomingId);
    expect(s.world.receivedBy(s.alice.id).at(-1)!.text).toBe('question');
    await expect(s.bot.api.deleteMessage(s.alice.id, copy.message_id)).resolves.toBe(true);
    await expect(s.bot.api.deleteMessage(s.alice.id, copy.message_id)).rejects.toMatchObject({ description: 'Bad Request: message to delete not found' });
    await expect(s.bot.api.editMessageText(s.alice.id, reply.message_id, 'better answer')).rejects.toMatchObject({ error_code: 400 });
  });

  it('gives Telegram\'s errors for a missing chat, a long message and a bad file id', async () => {
    s.aliceWrites('hi');
    const failure = async (call: Promise<unknown>) => {
      const error = await call.then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(GrammyError);
      return { code: (error as GrammyError).error_code, description: (error as GrammyError).description };
    };
    expect(await failure(s.bot.api.sendMessage(424242, 'x'))).toEqual({ code: 400, description: 'Bad Request: chat not found' });
    expect(await failure(s.bot.api.sendMessage(s.alice.id, 'x'.repeat(4097)))).toEqual({ code: 400, description: 'Bad Request: message is too long' });
    expect(await failure(s.bot.api.sendPhoto(s.alice.id, 'not-a-file-id'))).toEqual({ code: 400, description: 'Bad Request: wrong file identifier/HTTP URL specified' });
    expect(await failure(s.bot.api.sendMessage(s.alice.id, 'x', { reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'd'.repeat(65) }]] } }))).toEqual({
      code: 400,
      description: 'Bad Request: BUTTON_DATA_INVALID',
    });
  });

  it('forbids writing first, and to a person who blocked the bot', async () => {
    const bob = s.world.addUser({ firstName: 'Bob' });
    await expect(s.bot.api.sendMessage(bob.id, 'hello')).rejects.toMatchObject({ error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" });
    s.aliceWrites('hi');
    s.world.setBotBlocked(s.alice.id, s.botUser.id, true);
    await expect(s.bot.api.sendMessage(s.alice.id, 'hello')).rejects.toMatchObject({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
  });

  it('keeps commands and accepts chat actions', async () => {
    await s.bot.api.setMyCommands([{ command: 'start', description: 'Start' }]);
    expect(await s.bot.api.getMyCommands()).toEqual([{ command: 'start', description: 'Start' }]);
    s.aliceWrites('hi');
    await expect(s.bot.api.sendChatAction(s.alice.id, 'typing')).resolves.toBe(true);
  });
});
