import type { ChatMessage, ConversationView } from '../../../shared/domain/inbox';
import type { FakeClient } from './fake-client';

export function testConversation(overrides: Partial<ConversationView> = {}): ConversationView {
  return {
    id: 1,
    source: { kind: 'account', id: 1, name: 'Desk Account' },
    kind: 'private',
    title: 'Anna Petrova',
    lastMessage: { text: 'hello', senderName: 'Anna Petrova', outgoing: false, date: Date.now() - 60_000, mediaKind: null },
    lastActivityAt: Date.now() - 60_000,
    unreadCount: 0,
    status: 'open',
    snoozedUntil: null,
    labels: [],
    assigneeId: null,
    queuedSince: null,
    ...overrides,
  };
}

export function testMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: 1,
    conversationId: 1,
    telegramMessageId: 100,
    senderId: 101,
    senderName: 'Anna Petrova',
    outgoing: false,
    date: Date.now() - 60_000,
    text: 'hello',
    media: null,
    replyTo: null,
    editedAt: null,
    hasEdits: false,
    deletedAt: null,
    outboxId: null,
    delivery: null,
    ...overrides,
  };
}

/** `count` messages of conversation 1, a minute apart, the newest a minute ago. */
export function testHistory(count: number, conversationId = 1): ChatMessage[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) =>
    testMessage({ id: i + 1, conversationId, text: `message ${i + 1}`, date: now - (count - i) * 60_000 }),
  );
}

/**
 * An engine with these conversations and messages: pages of history by `beforeId`, read
 * marks that clear the badge, and empty labels, canned replies and notes unless a test adds them.
 */
export function handleInbox(fake: FakeClient, { conversations = [], messages = [] }: { conversations?: ConversationView[]; messages?: ChatMessage[] } = {}) {
  fake.handle('inbox.conversations', () => ({ conversations, total: conversations.length }));
  fake.handle('inbox.messages', ({ conversationId, beforeId, limit = 50 }) => {
    const mine = messages.filter((m) => m.conversationId === conversationId && (beforeId === undefined || m.id < beforeId));
    return { messages: mine.slice(-limit), hasMore: mine.length > limit };
  });
  fake.handle('inbox.markRead', ({ conversationId }) => ({ ...(conversations.find((c) => c.id === conversationId) ?? testConversation({ id: conversationId })), unreadCount: 0 }));
  fake.handle('inbox.labels', () => ({ labels: [] }));
  fake.handle('inbox.cannedReplies', () => ({ replies: [] }));
  fake.handle('inbox.notes', () => ({ notes: [] }));
  fake.handle('accounts.list', () => ({ accounts: [], defaults: { apiId: 1, hasApiHash: true } }));
  fake.handle('bots.list', () => ({ bots: [] }));
}
