import type { Database } from 'better-sqlite3';
import { DeskError } from '../../../../shared/contract/result';

export interface ConversationRow {
  id: number;
  source_kind: 'account' | 'bot';
  source_id: number;
  chat_key: string;
  kind: 'private' | 'group' | 'channel';
  title: string;
  status: string;
  history_complete: number;
}

/** What a missing conversation answers; a conversation an operator may not see answers the same. */
export const conversationNotFound = (id: number) => new DeskError('not_found', `There is no conversation ${id}.`);
export const messageNotFound = (id: number) => new DeskError('not_found', `There is no message ${id}.`);

export function needConversation(db: Database, id: number): ConversationRow {
  const row = db.prepare('SELECT id, source_kind, source_id, chat_key, kind, title, status, history_complete FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;
  if (!row) throw conversationNotFound(id);
  return row;
}

export function needMessage(db: Database, id: number): { id: number; conversation_id: number; telegram_message_id: number; date: number } {
  const row = db.prepare('SELECT id, conversation_id, telegram_message_id, date FROM messages WHERE id = ?').get(id) as
    | { id: number; conversation_id: number; telegram_message_id: number; date: number }
    | undefined;
  if (!row) throw messageNotFound(id);
  return row;
}
