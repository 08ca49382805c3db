import type { EventBus } from '../../contract/event-bus';
import type { Database } from 'better-sqlite3';
import { conversationViews } from '../views/conversation-view';
import { messageViews, NO_LIVE_STATE } from '../views/message-view';
import type { IngestResult } from './store-incoming';

/**
 * Tells the window what an ingest changed (call after the commit). Incoming rows carry no
 * outbox delivery or download progress yet, so the views need no live state.
 */
export function announceIngest(events: EventBus, db: Database, result: IngestResult): void {
  if (result.conversationIds.size > 0) events.emit({ type: 'inbox.conversationsChanged', payload: { conversations: conversationViews(db, result.conversationIds) } });
  if (result.messageIds.length > 0) events.emit({ type: 'inbox.messagesChanged', payload: { messages: messageViews(db, result.messageIds, NO_LIVE_STATE) } });
}
