import { describe, expect, it } from 'vitest';
import type { ChatMessage, ConversationView } from '../../../../shared/domain/inbox';
import { useTempDirs } from '../../test-support/temp-dir';
import { accountsHarness, eventually, sandboxWorld } from '../test/harness';
import { signIn, write } from '../test/sign-in-helper';

const tempDir = useTempDirs();

async function aliceWithWriter() {
  const w = sandboxWorld();
  const h = accountsHarness({ dir: tempDir(), world: w });
  const account = await signIn(h, w, w.alice);
  const writer = w.people[0]!;
  const conversation = w.world.privateConversation(w.alice.id, writer.id);
  const row = () =>
    h.db.prepare("SELECT id, unread_count, read_outbox_telegram_id FROM conversations WHERE source_id = ? AND chat_key = ?").get(account.id, `user:${writer.id}`) as
      | { id: number; unread_count: number; read_outbox_telegram_id: number }
      | undefined;
  const changedConversations = (): ConversationView[] => {
    h.flush();
    return h.events.flatMap((e) => (e.type === 'inbox.conversationsChanged' ? e.payload.conversations : []));
  };
  const changedMessages = (): ChatMessage[] => {
    h.flush();
    return h.events.flatMap((e) => (e.type === 'inbox.messagesChanged' ? e.payload.messages : []));
  };
  return { w, h, account, writer, conversation, row, changedConversations, changedMessages };
}

describe('read marks from Telegram', () => {
  it('follows the account reading the chat on another device: unread count and the window', async () => {
    const { w, h, writer, conversation, row, changedConversations } = await aliceWithWriter();
    write(w, writer, w.alice, 'one');
    write(w, writer, w.alice, 'two');
    write(w, writer, w.alice, 'three');
    await eventually(() => row()?.unread_count === 3, 'three unread');

    // Read on the phone up to the second message: one is still unread.
    const [, second] = w.world.history(w.alice.id, conversation).reverse();
    w.world.readHistory(w.alice.id, conversation, second!.uid);
    await eventually(() => row()?.unread_count === 1, 'one left unread');
    const announcedUnread = () => changedConversations().filter((c) => c.id === row()!.id).at(-1)?.unreadCount;
    expect(announcedUnread()).toBe(1);
    w.world.readHistory(w.alice.id, conversation, w.world.history(w.alice.id, conversation)[0]!.uid);
    await eventually(() => row()?.unread_count === 0, 'all read');
    expect(announcedUnread()).toBe(0);
    await h.service.stopAll();
  });

  it('marks outgoing messages read when the other person reads them', async () => {
    const { w, h, writer, conversation, row, changedMessages } = await aliceWithWriter();
    write(w, writer, w.alice, 'hello?');
    const mine = ['first answer', 'second answer'].map((text) => w.world.sendMessage({ senderId: w.alice.id, conversation, text }));
    await eventually(() => h.db.prepare('SELECT count(*) FROM messages WHERE outgoing = 1').pluck().get() === 2, 'our messages stored');
    expect(changedMessages().some((m) => m.readByRecipient)).toBe(false);

    w.world.readHistory(writer.id, conversation, mine[0]!.uid);
    await eventually(() => (row()?.read_outbox_telegram_id ?? 0) > 0, 'read mark stored');
    expect(changedMessages().filter((m) => m.readByRecipient).map((m) => m.text)).toEqual(['first answer']);
    w.world.readHistory(writer.id, conversation, mine[1]!.uid);
    await eventually(() => changedMessages().filter((m) => m.readByRecipient).length === 2, 'second read');
    expect(row()!.read_outbox_telegram_id).toBe(w.world.viewId(mine[1]!, w.alice.id));
    await h.service.stopAll();
  });
});
