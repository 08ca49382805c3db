import type { Database } from 'better-sqlite3';
import type { EventBus } from '../../contract/event-bus';
import { readRow, toItem } from '../../outbox/outbox-repo';
import type { InboundReadMark } from '../../telegram/inbound/types';
import { messageViews, type MessageViewSources } from '../views/message-view';

export interface ReadMarksResult {
  conversationIds: Set<number>;
  /** Outgoing messages the other side has now read. */
  readMessageIds: number[];
}

interface ConversationMarks {
  id: number;
  unread_count: number;
  read_up_to_telegram_id: number;
  read_outbox_telegram_id: number;
}

/**
 * Applies read marks to one account's conversations. Run it in the transaction that moves the
 * update cursor the marks came with. A mark for a chat the desk has no conversation for is
 * nothing to show; a mark behind the stored one is old news (it came again in a difference).
 */
export function applyReadMarks(db: Database, accountId: number, marks: readonly InboundReadMark[]): ReadMarksResult {
  const result: ReadMarksResult = { conversationIds: new Set(), readMessageIds: [] };
  if (marks.length === 0) return result;
  const find = db.prepare(
    "SELECT id, unread_count, read_up_to_telegram_id, read_outbox_telegram_id FROM conversations WHERE source_kind = 'account' AND source_id = ? AND chat_key = ?",
  );
  for (const mark of marks) {
    const conversation = find.get(accountId, mark.chatKey) as ConversationMarks | undefined;
    if (!conversation) continue;
    const changed = mark.side === 'inbox' ? applyInbox(db, conversation, mark) : applyOutbox(db, conversation, mark, result.readMessageIds);
    if (changed) result.conversationIds.add(conversation.id);
  }
  return result;
}

function applyInbox(db: Database, conversation: ConversationMarks, mark: InboundReadMark): boolean {
  if (mark.maxId < conversation.read_up_to_telegram_id) return false;
  const unread =
    mark.stillUnread ??
    (db
      .prepare('SELECT count(*) FROM messages WHERE conversation_id = ? AND outgoing = 0 AND deleted_at IS NULL AND telegram_message_id > ?')
      .pluck()
      .get(conversation.id, mark.maxId) as number);
  if (unread === conversation.unread_count && mark.maxId === conversation.read_up_to_telegram_id) return false;
  db.prepare('UPDATE conversations SET unread_count = ?, read_up_to_telegram_id = ? WHERE id = ?').run(unread, mark.maxId, conversation.id);
  return true;
}

function applyOutbox(db: Database, conversation: ConversationMarks, mark: InboundReadMark, readMessageIds: number[]): boolean {
  if (mark.maxId <= conversation.read_outbox_telegram_id) return false;
  db.prepare('UPDATE conversations SET read_outbox_telegram_id = ? WHERE id = ?').run(mark.maxId, conversation.id);
  const newlyRead = db
    .prepare('SELECT id FROM messages WHERE conversation_id = ? AND outgoing = 1 AND telegram_message_id > ? AND telegram_message_id <= ?')
    .pluck()
    .all(conversation.id, conversation.read_outbox_telegram_id, mark.maxId) as number[];
  readMessageIds.push(...newlyRead);
  return true;
}

/**
 * Tells the window what read marks changed (call after the commit). Messages read by the other
 * side are mostly the desk's own replies, so their views carry the outbox's delivery state.
 */
export function announceReadMessages(events: EventBus, db: Database, messageIds: readonly number[]): void {
  if (messageIds.length === 0) return;
  const sources: MessageViewSources = {
    delivery: (outboxId) => {
      const row = readRow(db, outboxId);
      return row ? toItem(row).delivery : null;
    },
    progress: () => null,
  };
  events.emit({ type: 'inbox.messagesChanged', payload: { messages: messageViews(db, messageIds, sources) } });
}
