import { describe, expect, it } from 'vitest';
import { manualClock } from '../../platform/clock';
import { useTempDirs } from '../../test-support/temp-dir';
import { inboxHarness, openInboxDb } from '../test/inbox-harness';
import { addBot, incoming, ingest } from '../test/messages';

const tempDir = useTempDirs();

describe('replies', () => {
  it('shows a pending message whose delivery follows the outbox, then takes the real Telegram id', async () => {
    const dir = tempDir();
    const db = openInboxDb(dir);
    addBot(db);
    const h = inboxHarness({ dir, db });
    h.service.start();
    ingest(db, [incoming(1, 'question?', { telegramMessageId: 500 })]);
    const conversation = (await h.call('inbox.conversations', { filter: {}, limit: 1, offset: 0 })).conversations[0]!;
    const question = (await h.call('inbox.messages', { conversationId: conversation.id, limit: 50 })).messages[0]!;

    const reply = await h.call('inbox.reply', { conversationId: conversation.id, text: 'answer', replyToId: question.id });
    expect(reply).toMatchObject({ outgoing: true, telegramMessageId: null, senderName: 'Desk', delivery: { state: 'queued' }, replyTo: { id: question.id, text: 'question?' } });
    expect(h.enqueued).toMatchObject([{ sender: { kind: 'bot', id: 1 }, conversationId: conversation.id, priority: 'operator', payload: { kind: 'text', replyToTelegramId: 500 } }]);

    const outboxId = reply.outboxId!;
    h.change(outboxId, { delivery: { state: 'waiting', until: 123, reason: 'flood wait' } });
    h.bus.flush();
    expect(h.ofType('inbox.messagesChanged').at(-1)!.payload.messages[0]).toMatchObject({ id: reply.id, delivery: { state: 'waiting', until: 123 } });

    // The bot's own message came back through updates before the outbox reported it sent.
    ingest(db, [incoming(1, 'answer', { telegramMessageId: 501, outgoing: true, senderId: 900 })]);
    h.change(outboxId, { delivery: { state: 'sent' }, telegramMessageId: 501, sentAt: 777 });
    h.bus.flush();
    const page = (await h.call('inbox.messages', { conversationId: conversation.id, limit: 50 })).messages;
    expect(page.map((m) => [m.text, m.telegramMessageId, m.delivery?.state ?? null])).toEqual([
      ['answer', 501, 'sent'],
      ['question?', 500, null],
    ]);
    expect(page[0]!.date).toBe(777);
    expect((await h.call('inbox.conversations', { filter: {}, limit: 1, offset: 0 })).conversations[0]!.lastMessage).toMatchObject({ text: 'answer', outgoing: true });

    expect(await h.call('inbox.retry', { outboxId })).toMatchObject({ id: reply.id, delivery: { state: 'queued' } });
    expect(await h.call('inbox.cancel', { outboxId })).toMatchObject({ id: reply.id, delivery: { state: 'cancelled' } });
    await h.service.stop();
  });

  it('lets a message the person sends later in the same second follow the reply as the last message', async () => {
    const dir = tempDir();
    const clock = manualClock(Date.UTC(2026, 0, 3, 12, 0, 5, 500));
    const db = openInboxDb(dir, clock);
    addBot(db);
    const h = inboxHarness({ dir, db, clock });
    h.service.start();
    ingest(db, [incoming(1, 'question?', { date: Date.UTC(2026, 0, 3, 12, 0, 1) })]);
    const conversation = (await h.call('inbox.conversations', { filter: {}, limit: 1, offset: 0 })).conversations[0]!;
    await h.call('inbox.reply', { conversationId: conversation.id, text: 'answer' });
    // Telegram dates it 12:00:05, though it came after the reply queued at 12:00:05.500.
    ingest(db, [incoming(1, 'thanks!', { date: Date.UTC(2026, 0, 3, 12, 0, 5) })]);
    expect((await h.call('inbox.conversations', { filter: {}, limit: 1, offset: 0 })).conversations[0]!.lastMessage).toMatchObject({ text: 'thanks!', outgoing: false });
    await h.service.stop();
  });

  it('takes the real Telegram id from its own echo only, never deleting an incoming message that holds the same id', async () => {
    const dir = tempDir();
    const db = openInboxDb(dir);
    addBot(db);
    const h = inboxHarness({ dir, db });
    h.service.start();
    ingest(db, [incoming(1, 'question?', { telegramMessageId: 600 })]);
    const conversation = (await h.call('inbox.conversations', { filter: {}, limit: 1, offset: 0 })).conversations[0]!;
    const reply = await h.call('inbox.reply', { conversationId: conversation.id, text: 'answer' });

    h.change(reply.outboxId!, { delivery: { state: 'sent' }, telegramMessageId: 600, sentAt: Date.UTC(2026, 0, 2) });
    h.bus.flush();
    const page = (await h.call('inbox.messages', { conversationId: conversation.id, limit: 50 })).messages;
    expect(page.map((m) => [m.text, m.outgoing, m.telegramMessageId, m.delivery?.state ?? null])).toEqual([
      ['question?', false, 600, null],
      ['answer', true, null, 'sent'],
    ]);
    expect(h.logged('warn')).toEqual([expect.objectContaining({ msg: 'a sent reply names a Telegram message id another stored message holds', outboxId: reply.outboxId, heldBy: page[0]!.id })]);
    await h.service.stop();
  });
});
