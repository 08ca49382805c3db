import { afterEach, describe, expect, it } from 'vitest';
import { OPERATOR, startBotsWorld, type BotsWorld } from '../bots/test/bots-harness';
import { createEventBus } from '../contract/event-bus';
import { createDomainEventBus } from '../platform/domain-events';
import { createBotApiServer } from '../telegram/sandbox/bot-api/index';
import { useTempDirs } from '../test-support/temp-dir';
import { until } from '../test-support/until';
import { inboxHarness } from './test/inbox-harness';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});


/** A polling bot against the sandbox's Bot API server, and an inbox on the same database and bus. */
async function setup(options: { localBotApiServer?: boolean } = {}) {
  const dir = tempDir();
  const w: BotsWorld = await startBotsWorld(dir);
  const db = w.openDb();
  const bus = createEventBus();
  const domainEvents = createDomainEventBus((_name, error) => {
    throw error;
  });
  const bots = w.service(db, { bus, domainEvents });
  const inbox = inboxHarness({ dir, db, clock: w.clock, bus, domainEvents, secrets: w.secrets, botServer: (id) => bots.serverOf(id) });
  inbox.service.start();
  // The operator's own Bot API server on the same Telegram (telegram-bot-api --local).
  const local = options.localBotApiServer ? await createBotApiServer({ world: w.world, local: true, onInternalError: () => undefined }) : null;
  cleanups.push(async () => {
    await inbox.service.stop();
    await bots.stopAll();
    await w.server.close();
    await local?.close();
    db.close();
  });
  const bot = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling', apiServer: local?.url ?? null }, OPERATOR);
  const conversations = async () => (await inbox.call('inbox.conversations', { filter: { source: { kind: 'bot', id: bot.id } }, limit: 50, offset: 0 })).conversations;
  return { w, inbox, bots, bot, conversations };
}

describe('inbox over a live bot', () => {
  it('creates the conversation from live messages, counts unread, keeps edits, and pages only what is stored', async () => {
    const { w, inbox, conversations } = await setup();
    w.writes(w.deskBot, 'hello bot');
    w.clock.advance(1_000);
    const asked = w.writes(w.deskBot, 'where is my order?');
    const [conversation] = await until(conversations, (list) => list[0]?.unreadCount === 2, 'two unread');
    expect(conversation).toMatchObject({ title: 'Alice Doe', kind: 'private', source: { kind: 'bot', name: '@desk_bot' }, lastMessage: { text: 'where is my order?' } });

    w.world.editMessage(asked.uid, w.alice.id, { text: 'where is my order #15?' });
    const page = await until(
      () => inbox.call('inbox.messages', { conversationId: conversation!.id, limit: 50 }),
      (p) => p.messages[1]?.hasEdits === true,
      'the edit',
    );
    // Bots cannot read history from Telegram: the store is all there is.
    expect(page.hasMore).toBe(false);
    expect(page.messages.map((m) => m.text)).toEqual(['hello bot', 'where is my order #15?']);
    expect((await inbox.call('inbox.edits', { messageId: page.messages[1]!.id })).versions).toMatchObject([{ text: 'where is my order?' }]);
    expect((await inbox.call('inbox.messages', { conversationId: conversation!.id, limit: 1 })).hasMore).toBe(true);
    expect((await conversations())[0]!.unreadCount).toBe(2);
    expect((await inbox.call('inbox.markRead', { conversationId: conversation!.id })).unreadCount).toBe(0);
  });

  it('downloads photos by getFile, and marks files over the bot download limit too large', async () => {
    const { w, inbox, conversations } = await setup();
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(4096, 9)]);
    const huge = Buffer.alloc(21 * 1024 * 1024, 1);
    const chat = w.world.privateConversation(w.alice.id, w.deskBot.id);
    const send = (bytes: Buffer, kind: 'photo' | 'document', mimeType: string) =>
      w.world.sendMessage({ senderId: w.alice.id, conversation: chat, media: w.world.storeFile({ kind, bytes, mimeType, uploadedBy: w.alice.id, fileName: kind === 'document' ? 'big.bin' : null }) });
    send(photo, 'photo', 'image/jpeg');
    send(huge, 'document', 'application/octet-stream');
    const [conversation] = await until(conversations, (list) => list[0]?.unreadCount === 2, 'two messages');
    const messages = await until(
      async () => (await inbox.call('inbox.messages', { conversationId: conversation!.id, limit: 10 })).messages,
      (list) => list[0]?.media?.download === 'done' && list[1]?.media?.download === 'too_large',
      'downloads settled',
    );
    expect(messages[0]!.media).toMatchObject({ kind: 'photo', mimeType: 'image/jpeg', size: photo.length });
    expect(messages[1]!.media).toMatchObject({ kind: 'document', fileName: 'big.bin', size: huge.length });
    expect(await inbox.call('inbox.media', { messageId: messages[0]!.id })).toEqual({ mimeType: 'image/jpeg', dataUrl: `data:image/jpeg;base64,${photo.toString('base64')}` });
    await expect(inbox.call('inbox.media', { messageId: messages[1]!.id })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('gives a bot added after a removed one a new id: each keeps its own chats and messages, and the removed one its name', async () => {
    const { w, inbox, bots, bot: removed } = await setup();
    const list = async () => (await inbox.call('inbox.conversations', { filter: {}, limit: 50, offset: 0 })).conversations;
    const messagesOf = async (conversationId: number) => (await inbox.call('inbox.messages', { conversationId, limit: 50 })).messages;
    w.writes(w.deskBot, 'hello first bot');
    const [first] = await until(list, (l) => l.length === 1, "the first bot's chat");
    await bots.handlers['bots.remove']({ id: removed.id, confirm: true }, OPERATOR);

    const added = await bots.handlers['bots.add']({ token: w.otherBot.token, mode: 'polling' }, OPERATOR);
    expect(added.id).toBeGreaterThan(removed.id);
    w.writes(w.otherBot, 'hello second bot');
    const both = await until(list, (l) => l.length === 2, "the second bot's own chat");
    const second = both.find((c) => c.source.id === added.id)!;
    expect(second).toMatchObject({ title: 'Alice Doe', source: { kind: 'bot', name: '@other_bot' }, lastMessage: { text: 'hello second bot' } });
    expect(second.source.removed).toBeFalsy();

    // The same person, the same Telegram message id in each bot's chat: both are stored, each in its own chat.
    const [ofFirst] = await messagesOf(first!.id);
    const [ofSecond] = await messagesOf(second.id);
    expect(ofSecond!.telegramMessageId).toBe(ofFirst!.telegramMessageId);
    expect(ofFirst!.text).toBe('hello first bot');
    expect(both.find((c) => c.id === first!.id)).toMatchObject({ source: { kind: 'bot', id: removed.id, name: '@desk_bot', removed: true } });

    // Nothing more goes out through the removed bot, and the operator is told why.
    await expect(inbox.call('inbox.reply', { conversationId: first!.id, text: 'still there?' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/The bot @desk_bot was removed/),
    });
    expect(inbox.enqueued).toHaveLength(0);
  });

  it('through the bot\'s own Bot API server, fetches files over 20 MB and takes attachments over 50 MB', async () => {
    const { w, inbox, conversations, bot } = await setup({ localBotApiServer: true });
    expect(bot.fileLimits).toEqual({ uploadBytes: 2000 * 1024 * 1024, downloadBytes: null });
    const big = Buffer.alloc(21 * 1024 * 1024, 1);
    const chat = w.world.privateConversation(w.alice.id, w.deskBot.id);
    w.world.sendMessage({ senderId: w.alice.id, conversation: chat, media: w.world.storeFile({ kind: 'document', bytes: big, mimeType: 'application/octet-stream', uploadedBy: w.alice.id, fileName: 'big.bin' }) });
    const [conversation] = await until(conversations, (list) => list[0]?.unreadCount === 1, 'the message');
    const [message] = await until(
      async () => (await inbox.call('inbox.messages', { conversationId: conversation!.id, limit: 10 })).messages,
      (list) => list[0]?.media?.download === 'skipped' || list[0]?.media?.download === 'done',
      'the download settled',
    );
    expect(message!.media?.download).not.toBe('too_large');
    const started = await inbox.call('inbox.attachmentStart', { conversationId: conversation!.id, fileName: 'film.mp4', mimeType: 'video/mp4', size: 60 * 1024 * 1024 });
    expect(started.attachmentId).toEqual(expect.any(String));
    await expect(
      inbox.call('inbox.attachmentStart', { conversationId: conversation!.id, fileName: 'huge.mp4', mimeType: 'video/mp4', size: 2001 * 1024 * 1024 }),
    ).rejects.toMatchObject({ message: 'huge.mp4 is 2001 MB; a bot can send at most 2000 MB.' });
  });
});
