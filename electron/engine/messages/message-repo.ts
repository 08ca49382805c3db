import type { Database } from 'better-sqlite3';
import type { IncomingMessage } from '../../../shared/domain/connections';

export type PendingIncoming = Omit<IncomingMessage, 'id'>;

interface Row {
  id: number;
  source_kind: 'account' | 'bot';
  source_id: number;
  chat_key: string;
  chat_title: string;
  telegram_message_id: number;
  sender_id: number | null;
  sender_name: string;
  date: number;
  text: string;
  media_kind: IncomingMessage['mediaKind'];
  outgoing: number;
}

export function recentMessages(db: Database, limit: number): IncomingMessage[] {
  return (db.prepare('SELECT * FROM messages ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(fromRow);
}

/** How many copies of one Telegram message are stored (a test counts duplicates with it). */
export function countStored(db: Database, source: IncomingMessage['source'], chatKey: string, telegramMessageId: number): number {
  return db
    .prepare('SELECT count(*) FROM messages WHERE source_kind = ? AND source_id = ? AND chat_key = ? AND telegram_message_id = ?')
    .pluck()
    .get(source.kind, source.id, chatKey, telegramMessageId) as number;
}

function fromRow(row: Row): IncomingMessage {
  return {
    id: row.id,
    source: { kind: row.source_kind, id: row.source_id },
    chatKey: row.chat_key,
    chatTitle: row.chat_title,
    telegramMessageId: row.telegram_message_id,
    senderId: row.sender_id,
    senderName: row.sender_name,
    date: row.date,
    text: row.text,
    mediaKind: row.media_kind,
    outgoing: row.outgoing === 1,
  };
}
