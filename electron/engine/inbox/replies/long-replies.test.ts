import { describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/contract/index';
import { MAX_REPLY_LENGTH } from '../../../../shared/domain/message-text';
import { useTempDirs } from '../../test-support/temp-dir';
import { inboxHarness, openInboxDb } from '../test/inbox-harness';
import { addBot, incoming, ingest } from '../test/messages';

const tempDir = useTempDirs();

async function setup(chatTitle = 'Person 1') {
  const dir = tempDir();
  const db = openInboxDb(dir);
  addBot(db);
  const h = inboxHarness({ dir, db });
  ingest(db, [incoming(1, 'tell me everything', { chatTitle })]);
  const conversationId = (await h.call('inbox.conversations', { filter: {}, limit: 1, offset: 0 })).conversations[0]!.id;
  return { h, conversationId };
}

const paragraph = (n: number) => `Paragraph ${n}. ${'Some words that make a sentence. '.repeat(40).trim()}`;

describe('long replies', () => {
  it('sends a text longer than one message as several, in order, none longer than Telegram allows and nothing lost', async () => {
    const { h, conversationId } = await setup();
    const text = Array.from({ length: 8 }, (_, i) => paragraph(i)).join('\n\n');
    expect(text.length).toBeGreaterThan(4096 * 2);

    await h.call('inbox.reply', { conversationId, text });

    const texts = h.enqueued.map((e) => (e.payload.kind === 'text' ? e.payload.text : null));
    expect(texts.length).toBe(3);
    for (const part of texts) expect(part!.length).toBeLessThanOrEqual(4096);
    expect(texts.join('\n\n')).toBe(text);
    // Each part shows in the chat, in the order it goes.
    const shown = (await h.call('inbox.messages', { conversationId, limit: 50 })).messages.filter((m) => m.outgoing);
    expect(shown.map((m) => m.text)).toEqual(texts);
    await h.service.stop();
  });

  it('splits after filling variables, so a name that makes the text longer never gets it cut', async () => {
    const { h, conversationId } = await setup('Northwind Trading Company, customer support for the Baltic region');
    const text = `${'x '.repeat(2030)}{{name}}`;
    expect(text.length).toBeLessThanOrEqual(4096);
    await h.call('inbox.reply', { conversationId, text });
    expect(h.enqueued).toHaveLength(2);
    await h.service.stop();
  });

  it('puts what fits on a file as its caption (1024) and sends the rest after it', async () => {
    const { h, conversationId } = await setup();
    const { attachmentId } = await h.call('inbox.attachmentStart', { conversationId, fileName: 'note.txt', mimeType: 'text/plain', size: 5 });
    await h.call('inbox.attachmentChunk', { attachmentId, index: 0, base64: Buffer.from('hello').toString('base64') });
    await h.call('inbox.attachmentFinish', { attachmentId });
    const text = 'A sentence about the file. '.repeat(60).trim();

    await h.call('inbox.reply', { conversationId, text, attachmentId });

    const payloads = h.enqueued.map((e) => e.payload);
    expect(payloads.map((p) => p.kind)).toEqual(['media', 'text']);
    const words = payloads.map((p) => (p.kind === 'media' ? p.caption! : p.text));
    expect(words[0]).toMatch(/file\.$/);
    expect(words[0]!.length).toBeLessThanOrEqual(1024);
    expect(words.join(' ')).toBe(text);
    await h.service.stop();
  });

  it('refuses, saying why, a text that would take more than ten messages', async () => {
    const { h, conversationId } = await setup();
    await expect(h.call('inbox.reply', { conversationId, text: 'word '.repeat(9000) })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('more than 10 messages'),
    });
    expect(h.enqueued).toEqual([]);
    await h.service.stop();
  });

  it('the contract takes up to ten messages of text and refuses more with a reason', () => {
    const schema = contract.inbox.calls.reply.input;
    expect(schema.safeParse({ conversationId: 1, text: 'a'.repeat(5000) }).success).toBe(true);
    const refused = schema.safeParse({ conversationId: 1, text: 'a'.repeat(MAX_REPLY_LENGTH + 1) });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]!.message).toContain('send it as a file');
  });
});
