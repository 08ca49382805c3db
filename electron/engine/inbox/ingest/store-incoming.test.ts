import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { inboxHarness, openInboxDb } from '../test/inbox-harness';
import { addBot, incoming, ingest } from '../test/messages';
import { announceIngest } from './announce';

const tempDir = useTempDirs();

async function setup() {
  const dir = tempDir();
  const db = openInboxDb(dir);
  addBot(db);
  const h = inboxHarness({ dir, db });
  h.service.start();
  /** Stores and announces, as a bot's live updates are. */
  const arrive = (...messages: Parameters<typeof ingest>[1]) => {
    const result = ingest(db, messages);
    announceIngest(h.bus, db, result, h.logger);
    return result;
  };
  const only = async () => {
    const [conversation] = (await h.call('inbox.conversations', { filter: {}, limit: 5, offset: 0 })).conversations;
    return (await h.call('inbox.messages', { conversationId: conversation!.id, limit: 50 })).messages;
  };
  return { h, arrive, only };
}

describe('storing incoming messages', () => {
  it('keeps the stored text as an earlier version when a message arrives again with other text, and warns with ids only', async () => {
    const { h, arrive, only } = await setup();
    arrive(incoming(1, 'my order is 15', { telegramMessageId: 700 }));
    const [stored] = await only();

    const again = arrive(incoming(1, 'my order is 51', { telegramMessageId: 700, date: stored!.date }));
    expect(again.messageIds).toEqual([stored!.id]);
    const [now] = await only();
    expect(now).toMatchObject({ id: stored!.id, text: 'my order is 51', hasEdits: true });
    expect((await h.call('inbox.edits', { messageId: stored!.id })).versions).toMatchObject([{ text: 'my order is 15' }]);

    const warnings = h.logged('warn');
    expect(warnings).toEqual([
      expect.objectContaining({ msg: 'a message arrived again with other text; the stored text is kept as an earlier version', messageId: stored!.id, telegramMessageId: 700, chatKey: 'user:1', source: { kind: 'bot', id: 1 } }),
    ]);
    expect(JSON.stringify(warnings)).not.toMatch(/my order/);
    await h.service.stop();
  });

  it('takes a message that arrives again unchanged (or differing only in the whitespace Telegram trims) as already stored, silently', async () => {
    const { h, arrive, only } = await setup();
    arrive(incoming(1, 'hello', { telegramMessageId: 701 }));
    const again = arrive(incoming(1, 'hello', { telegramMessageId: 701 }), incoming(1, 'hello\n', { telegramMessageId: 701 }));
    expect(again.messageIds).toEqual([]);
    expect((await only()).map((m) => [m.text, m.hasEdits])).toEqual([['hello', false]]);
    expect(h.logged('warn')).toEqual([]);
    await h.service.stop();
  });
});
