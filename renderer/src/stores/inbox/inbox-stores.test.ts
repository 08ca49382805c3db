import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../../test/fake-client';
import { handleInbox, testConversation, testMessage } from '../../test/inbox-fixtures';
import { fillCanned } from '../../pages/inbox/composer/canned-vars';
import { snoozeUntil } from '../../pages/inbox/sidebar/snooze-presets';
import { createStores } from '../create-stores';
import { mergeConversations } from './conversation-order';

describe('conversation order', () => {
  const at = (id: number, lastActivityAt: number, extra = {}) => testConversation({ id, lastActivityAt, ...extra });

  it('moves a changed row to its place and lets a row leave the filter', () => {
    const items = [at(1, 300), at(2, 200), at(3, 100)];
    expect(mergeConversations(items, [at(3, 400)], {}, true).map((c) => c.id)).toEqual([3, 1, 2]);
    expect(mergeConversations(items, [at(2, 200, { status: 'resolved' })], { status: 'open' }, true).map((c) => c.id)).toEqual([1, 3]);
  });

  it('keeps a row that would sort past an incomplete list for its page', () => {
    const items = [at(1, 300), at(2, 200)];
    expect(mergeConversations(items, [at(9, 50)], {}, false).map((c) => c.id)).toEqual([1, 2]);
    expect(mergeConversations(items, [at(9, 50)], {}, true).map((c) => c.id)).toEqual([1, 2, 9]);
  });
});

describe('inbox stores', () => {
  it('replays changes that arrive while the first page loads', async () => {
    const fake = createFakeClient();
    let answer: () => void = () => {};
    fake.handle('inbox.conversations', () => new Promise((resolve) => (answer = () => resolve({ conversations: [testConversation({ id: 1, lastActivityAt: 10 })], total: 1 }))));
    const stores = createStores(fake.client);
    const stop = stores.start();
    const loading = stores.useConversationsStore.getState().load();
    fake.emit('inbox.conversationsChanged', { conversations: [testConversation({ id: 2, lastActivityAt: 20 })] });
    answer();
    await loading;
    expect(stores.useConversationsStore.getState().items.map((c) => c.id)).toEqual([2, 1]);
    stop();
  });

  it('merges a burst of conversation changes into the list in one update', async () => {
    const fake = createFakeClient();
    fake.handle('inbox.conversations', () => ({ conversations: [testConversation({ id: 1, lastActivityAt: 10 })], total: 1 }));
    const stores = createStores(fake.client);
    const stop = stores.start();
    await stores.useConversationsStore.getState().load();
    let listUpdates = 0;
    const unsubscribe = stores.useConversationsStore.subscribe((s, before) => void (s.items !== before.items && listUpdates++));
    for (let id = 2; id <= 500; id++) fake.emit('inbox.conversationsChanged', { conversations: [testConversation({ id, lastActivityAt: 10 + id })] });
    await Promise.resolve();
    expect(listUpdates).toBe(1);
    expect(stores.useConversationsStore.getState().items.map((c) => c.id).slice(0, 3)).toEqual([500, 499, 498]);
    expect(stores.useConversationsStore.getState().items).toHaveLength(500);
    unsubscribe();
    stop();
  });

  it('pages further conversations from the loaded length', async () => {
    const fake = createFakeClient();
    const all = Array.from({ length: 250 }, (_, i) => testConversation({ id: i + 1, lastActivityAt: 1000 - i }));
    fake.handle('inbox.conversations', ({ offset = 0, limit = 100 }) => ({ conversations: all.slice(offset, offset + limit), total: all.length }));
    const stores = createStores(fake.client);
    await stores.useConversationsStore.getState().load();
    expect(stores.useConversationsStore.getState().hasMore).toBe(true);
    await stores.useConversationsStore.getState().loadMore();
    expect(fake.callsOf('inbox.conversations')[1]).toEqual({ filter: {}, limit: 200, offset: 200 });
    expect(stores.useConversationsStore.getState().items).toHaveLength(250);
    expect(stores.useConversationsStore.getState().hasMore).toBe(false);
  });

  it('keeps live messages that arrive while a chat opens, and ignores other chats', async () => {
    const fake = createFakeClient();
    handleInbox(fake, { conversations: [testConversation()], messages: [testMessage({ id: 1, date: 1 })] });
    const stores = createStores(fake.client);
    const stop = stores.start();
    stores.openConversation(1);
    fake.emit('inbox.messagesChanged', { messages: [testMessage({ id: 2, date: 2 }), testMessage({ id: 3, conversationId: 9, date: 3 })] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(stores.useChatStore.getState().messages.map((m) => m.id)).toEqual([1, 2]);
    stop();
  });
});

describe('window helpers', () => {
  it('fills canned variables from the conversation and leaves unknown ones', () => {
    expect(fillCanned('Hi {{first_name}} ({{name}}), {{ operator }} {{x}}', { title: 'Anna Petrova' }, 'This desk')).toBe('Hi Anna (Anna Petrova), This desk {{x}}');
  });

  it('snoozes until 9:00 tomorrow or next Monday', () => {
    const wednesday = new Date(2025, 0, 1, 15, 30).getTime();
    expect(new Date(snoozeUntil('tomorrow', wednesday))).toEqual(new Date(2025, 0, 2, 9, 0));
    expect(new Date(snoozeUntil('nextWeek', wednesday))).toEqual(new Date(2025, 0, 6, 9, 0));
    expect(snoozeUntil('hour', wednesday)).toBe(wednesday + 3_600_000);
  });
});
