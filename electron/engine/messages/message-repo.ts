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

/**
 * Stores messages and returns only those that were new: the same message seen twice (a live
 * update and then getDifference, a redelivered bot update) is stored once. Call it inside the
 * caller's transaction when something else must commit with it (a bot's update offset).
 */
export function insertIncomingMessages(db: Database, messages: readonly PendingIncoming[], receivedAt: number): IncomingMessage[] {
  const insert = db.prepare(
    `INSERT INTO messages (source_kind, source_id, chat_key, chat_title, telegram_message_id, sender_id, sender_name, date, text, media_kind, outgoing, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (source_kind, source_id, chat_key, telegram_message_id) DO NOTHING`,
  );
  const stored: IncomingMessage[] = [];
  for (const m of messages) {
    const result = insert.run(
      m.source.kind,
      m.source.id,
      m.chatKey,
      m.chatTitle,
      m.telegramMessageId,
      m.senderId,
      m.senderName,
      m.date,
      m.text,
      m.mediaKind,
      m.outgoing ? 1 : 0,
      receivedAt,
    );
    if (result.changes === 1) stored.push({ ...m, id: Number(result.lastInsertRowid) });
  }
  return stored;
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
