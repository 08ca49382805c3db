import type { SenderRef } from '../../../../shared/domain/operators';
import type { EventBus } from '../../contract/event-bus';
import type { InboundConsumer } from '../../inbound/inbound';
import type { Logger } from '../../logging/logger';
import type { DomainEventBus } from '../../platform/domain-events';
import { announceIngest } from './announce';
import { announceReadMessages, applyReadMarks, type ReadMarksResult } from './read-marks';
import { storeIncoming } from './store-incoming';

declare module '../../platform/domain-events' {
  interface DomainEvents {
    /** Messages stored, edited or deleted by the inbox (the inbox's media downloads look at the new ones). */
    'inbox.messagesStored': { messageIds: number[] };
    /** Customers' messages put conversations in their sender's queue; reopened ones were taken from whoever had them. */
    'inbox.queued': { sender: SenderRef; conversationIds: number[]; reopened: { conversationId: number; from: string }[] };
  }
}

const NO_READS: ReadMarksResult = { conversationIds: new Set(), readMessageIds: [] };

/**
 * The inbox as an inbound consumer: messages, edits and deletions land in their conversations,
 * an account's read marks move its unread counts, and the window is told once the transaction
 * has committed. It takes what the consumers before it left (a bot flow keeps its commands).
 */
export function inboxConsumer(deps: { events: EventBus; domainEvents: DomainEventBus; logger: Logger }): InboundConsumer {
  return {
    name: 'inbox',
    mustSucceed: true,
    consume(batch, { db, now, afterCommit }) {
      const { source } = batch;
      const stored = storeIncoming(db, source, { messages: batch.messages, edits: batch.edits, deletions: batch.deletions }, now);
      // Bots get no read marks from Telegram; an account's apply to its own conversations.
      const reads = source.kind === 'account' ? applyReadMarks(db, source.id, batch.reads) : NO_READS;
      afterCommit(() => {
        if (stored.messages.length > 0) deps.events.emit({ type: 'messages.received', payload: { messages: stored.messages } });
        announceIngest(deps.events, db, { ...stored, conversationIds: new Set([...stored.conversationIds, ...reads.conversationIds]) }, deps.logger);
        announceReadMessages(deps.events, db, reads.readMessageIds);
        if (stored.messageIds.length > 0) deps.domainEvents.emit('inbox.messagesStored', { messageIds: stored.messageIds });
        if (stored.queued.length > 0) deps.domainEvents.emit('inbox.queued', { sender: source, conversationIds: stored.queued, reopened: stored.reopened });
      });
    },
  };
}
