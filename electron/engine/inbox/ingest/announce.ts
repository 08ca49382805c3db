import type { EventBus } from '../../contract/event-bus';
import type { Database } from 'better-sqlite3';
import type { Logger } from '../../logging/logger';
import { conversationViews } from '../views/conversation-view';
import { messageViews, NO_LIVE_STATE } from '../views/message-view';
import type { IngestResult } from './store-incoming';

/**
 * Tells the window what an ingest changed (call after the commit), and the log what it replaced.
 * Incoming rows carry no outbox delivery or download progress yet, so the views need no live state.
 */
export function announceIngest(events: EventBus, db: Database, result: IngestResult, log: Logger): void {
  for (const replaced of result.replaced) log.warn({ scope: 'inbox', ...replaced }, 'a message arrived again with other text; the stored text is kept as an earlier version');
  if (result.conversationIds.size > 0) events.emit({ type: 'inbox.conversationsChanged', payload: { conversations: conversationViews(db, result.conversationIds) } });
  if (result.messageIds.length > 0) events.emit({ type: 'inbox.messagesChanged', payload: { messages: messageViews(db, result.messageIds, NO_LIVE_STATE) } });
}
