import { describe, expect, it } from 'vitest';
import { createEventBus } from '../contract/event-bus';
import { createDomainEventBus } from '../platform/domain-events';
import { accountsHarness, eventually, sandboxWorld, settle } from '../accounts/test/harness';
import { signIn, write } from '../accounts/test/sign-in-helper';
import { useTempDirs } from '../test-support/temp-dir';
import { inboxHarness } from './test/inbox-harness';

const tempDir = useTempDirs();

/** An account online against the sandbox, and an inbox over the same database and event bus. */
async function setup(before: (w: ReturnType<typeof sandboxWorld>) => void = () => undefined, options: Parameters<typeof inboxHarness>[0]['options'] = {}) {
  const dir = tempDir();
  const w = sandboxWorld();
  // Written before the account was added: only Telegram has these.
  before(w);
  const bus = createEventBus();
  const domainEvents = createDomainEventBus((_name, error) => {
    throw error;
  });
  const accounts = accountsHarness({ dir, world: w, bus, domainEvents });
  const inbox = inboxHarness({ dir, db: accounts.db, clock: w.clock, bus, domainEvents, connection: (id) => accounts.service.connection(id), options });
  inbox.service.start();
  const account = await signIn(accounts, w, w.alice);
  const conversations = async () => (await inbox.call('inbox.conversations', { filter: {}, limit: 50, offset: 0 })).conversations;
  const stop = async () => {
    await inbox.service.stop();
    await accounts.service.stopAll();
  };
  return { w, accounts, inbox, account, conversations, stop };
}

describe('inbox over a live account', () => {
  it('creates the conversation from live messages, counts unread, and marks read in Telegram', async () => {
    const { w, inbox, conversations, stop } = await setup();
    const writer = w.people[0]!;
    write(w, writer, w.alice, 'Здравствуйте');
    write(w, writer, w.alice, 'are you there?');
    await eventually(() => inbox.events.some((e) => e.type === 'inbox.conversationsChanged' && e.payload.conversations[0]?.unreadCount === 2), 'two unread');
    const [conversation] = await conversations();
    expect(conversation).toMatchObject({ kind: 'private', title: 'Writer 1', unreadCount: 2, status: 'open', source: { kind: 'account', name: 'Alice Desk' }, lastMessage: { text: 'are you there?' } });

    expect(await inbox.call('inbox.markRead', { conversationId: conversation!.id })).toMatchObject({ unreadCount: 0 });
    const last = w.world.history(w.alice.id, w.world.privateConversation(w.alice.id, writer.id))[0]!;
    expect(w.sandbox.hub.readUpTo(w.alice.id, last.conversation)).toBe(last.uid);
    await stop();
  });

  it('keeps the original text of an edit and marks a deletion', async () => {
    const { w, inbox, conversations, stop } = await setup();
    const writer = w.people[1]!;
    write(w, writer, w.alice, 'the price is 10');
    await eventually(() => inbox.events.some((e) => e.type === 'inbox.messagesChanged'), 'message stored');
    const [conversation] = await conversations();
    const sent = w.world.history(w.alice.id, w.world.privateConversation(w.alice.id, writer.id))[0]!;
    w.world.editMessage(sent.uid, writer.id, { text: 'the price is 12' });
    await eventually(() => inbox.events.some((e) => e.type === 'inbox.messagesChanged' && e.payload.messages[0]?.hasEdits === true), 'edit stored');
    const [edited] = (await inbox.call('inbox.messages', { conversationId: conversation!.id, limit: 10 })).messages;
    expect(edited).toMatchObject({ text: 'the price is 12', hasEdits: true, editedAt: expect.any(Number), deletedAt: null });
    expect((await inbox.call('inbox.edits', { messageId: edited!.id })).versions).toMatchObject([{ text: 'the price is 10' }]);

    w.world.deleteMessages([sent.uid], writer.id);
    await eventually(() => inbox.events.some((e) => e.type === 'inbox.messagesChanged' && e.payload.messages[0]?.deletedAt !== null), 'deletion marked');
    expect((await inbox.call('inbox.messages', { conversationId: conversation!.id, limit: 10 })).messages[0]).toMatchObject({ text: 'the price is 12', deletedAt: expect.any(Number) });
    await stop();
  });

  it('pages older history from Telegram when the store runs out, without counting it unread', async () => {
    const older = (w: ReturnType<typeof sandboxWorld>) => {
      for (let i = 1; i <= 5; i++) {
        write(w, w.people[2]!, w.alice, `old ${i}`);
        w.clock.advance(1_000);
      }
    };
    // No backfill: the pages below must come from Telegram one by one.
    const { w, inbox, conversations, stop } = await setup(older, { backfill: { dialogs: 0, messagesPerDialog: 0 } });
    w.clock.advance(1_000);
    write(w, w.people[2]!, w.alice, 'new');
    await eventually(() => inbox.events.some((e) => e.type === 'inbox.conversationsChanged'), 'conversation');
    const [conversation] = await conversations();
    const first = await inbox.call('inbox.messages', { conversationId: conversation!.id, limit: 3 });
    expect(first).toMatchObject({ hasMore: true });
    expect(first.messages.map((m) => m.text)).toEqual(['old 4', 'old 5', 'new']);
    const second = await inbox.call('inbox.messages', { conversationId: conversation!.id, beforeId: first.messages[0]!.id, limit: 3 });
    expect(second.messages.map((m) => m.text)).toEqual(['old 1', 'old 2', 'old 3']);
    expect(second.hasMore).toBe(false);
    expect((await conversations())[0]).toMatchObject({ unreadCount: 1, lastMessage: { text: 'new' } });
    await stop();
  });

  it('backfills recent dialogs when the account comes online, with Telegram’s unread counts, and downloads their photos', async () => {
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(600 * 1024, 3)]);
    const { inbox, account, conversations, stop } = await setup((w) => {
      const writer = w.people[0]!;
      write(w, writer, w.alice, 'before the desk');
      w.clock.advance(1_000);
      const file = w.world.storeFile({ kind: 'photo', bytes: photo, mimeType: 'image/jpeg', uploadedBy: writer.id, width: 800, height: 600 });
      w.world.sendMessage({ senderId: writer.id, conversation: w.world.privateConversation(writer.id, w.alice.id), media: file, caption: 'a photo' });
      w.clock.advance(1_000);
      w.world.sendMessage({ senderId: w.alice.id, conversation: w.world.privateConversation(w.alice.id, w.people[1]!.id), text: 'my own message' });
    });
    // The accounts service announced the account online on the shared bus; the inbox heard it.
    const announced = () => new Set(inbox.events.flatMap((e) => (e.type === 'inbox.conversationsChanged' ? e.payload.conversations.map((c) => c.id) : [])));
    await eventually(() => announced().size >= 2, 'backfill');
    await settle();
    const list = await conversations();
    expect(list.map((c) => [c.title, c.unreadCount, c.lastMessage?.text])).toEqual([
      ['Writer 2', 0, 'my own message'],
      ['Writer 1', 2, 'a photo'],
    ]);
    const page = await inbox.call('inbox.messages', { conversationId: list[1]!.id, limit: 10 });
    expect(page.messages.map((m) => m.text)).toEqual(['before the desk', 'a photo']);
    const withPhoto = page.messages[1]!;
    expect(withPhoto.media).toMatchObject({ kind: 'photo', width: 800, height: 600, size: photo.length });
    await eventually(() => inbox.events.some((e) => e.type === 'inbox.messagesChanged' && e.payload.messages.some((m) => m.media?.download === 'done')), 'photo downloaded');
    const progress = inbox.events.flatMap((e) => (e.type === 'inbox.messagesChanged' ? e.payload.messages.map((m) => m.media?.progress) : []));
    expect(progress).toContain(512 * 1024 / photo.length);
    const shown = await inbox.call('inbox.media', { messageId: withPhoto.id });
    expect(shown).toEqual({ mimeType: 'image/jpeg', dataUrl: `data:image/jpeg;base64,${photo.toString('base64')}` });
    expect(account.id).toBeGreaterThan(0);
    await stop();
  });

  it("keeps a removed account's chats readable as stored, under its name, without asking Telegram for more", async () => {
    const { w, accounts, inbox, account, conversations, stop } = await setup();
    write(w, w.people[0]!, w.alice, 'one');
    write(w, w.people[0]!, w.alice, 'two');
    await eventually(() => inbox.events.some((e) => e.type === 'inbox.conversationsChanged' && e.payload.conversations[0]?.lastMessage?.text === 'two'), 'two stored');
    await accounts.call('accounts.remove', { id: account.id, confirm: true });
    const [conversation] = await conversations();
    expect(conversation!.source).toEqual({ kind: 'account', id: account.id, name: 'Alice Desk', removed: true });
    const page = await inbox.call('inbox.messages', { conversationId: conversation!.id, limit: 1 });
    expect(page).toMatchObject({ messages: [{ text: 'two' }], hasMore: true });
    // The end of what is stored is the end: no "not online, try again" for an account that is gone.
    expect(await inbox.call('inbox.messages', { conversationId: conversation!.id, limit: 1, beforeId: page.messages[0]!.id })).toMatchObject({ messages: [{ text: 'one' }], hasMore: false });
    await stop();
  });
});
