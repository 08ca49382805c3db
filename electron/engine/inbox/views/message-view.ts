import type { Database } from 'better-sqlite3';
import type { ChatMessage, DeliveryState, MediaKind, MediaView } from '../../../../shared/domain/inbox';
import { cachedStatement } from '../../db/statements';

interface Row {
  id: number;
  conversation_id: number;
  telegram_message_id: number;
  sender_id: number | null;
  sender_name: string;
  outgoing: number;
  date: number;
  text: string;
  media_kind: MediaKind | null;
  edited_at: number | null;
  deleted_at: number | null;
  outbox_id: number | null;
  has_edits: number;
  reply_id: number | null;
  reply_sender: string | null;
  reply_text: string | null;
  mm_kind: MediaKind | null;
  mime_type: string | null;
  file_name: string | null;
  size: number | null;
  width: number | null;
  height: number | null;
  duration: number | null;
  download: MediaView['download'] | null;
  read_outbox_telegram_id: number;
}

/** Where the window's view of a message comes from besides its row. */
export interface MessageViewSources {
  delivery(outboxId: number): DeliveryState | null;
  /** 0..1 while a download runs. */
  progress(messageId: number): number | null;
}

export const NO_LIVE_STATE: MessageViewSources = { delivery: () => null, progress: () => null };

const SELECT = `
  SELECT m.id, m.conversation_id, m.telegram_message_id, m.sender_id, m.sender_name, m.outgoing, m.date, m.text, m.media_kind, m.edited_at, m.deleted_at, m.outbox_id,
    EXISTS (SELECT 1 FROM message_edits e WHERE e.message_id = m.id) AS has_edits,
    r.id AS reply_id, r.sender_name AS reply_sender, r.text AS reply_text,
    mm.kind AS mm_kind, mm.mime_type, mm.file_name, mm.size, mm.width, mm.height, mm.duration, mm.download,
    coalesce(c.read_outbox_telegram_id, 0) AS read_outbox_telegram_id
  FROM messages m
  LEFT JOIN conversations c ON c.id = m.conversation_id
  LEFT JOIN messages r ON m.reply_to_telegram_id IS NOT NULL AND r.source_kind = m.source_kind AND r.source_id = m.source_id
    AND r.chat_key = m.chat_key AND r.telegram_message_id = m.reply_to_telegram_id
  LEFT JOIN message_media mm ON mm.message_id = m.id`;

export function messageViews(db: Database, ids: Iterable<number>, sources: MessageViewSources): ChatMessage[] {
  const list = [...ids];
  if (list.length === 0) return [];
  const rows = cachedStatement(db, `${SELECT} WHERE m.id IN (SELECT value FROM json_each(?)) ORDER BY m.date, m.id`).all(JSON.stringify(list)) as Row[];
  return rows.map((row) => toView(row, sources));
}

/** A page of a conversation before a message (or the newest), oldest first; one extra row tells whether more are stored. */
export function messagePage(db: Database, conversationId: number, before: { date: number; id: number } | null, limit: number, sources: MessageViewSources) {
  const rows = (
    before
      ? db
          .prepare(`${SELECT} WHERE m.conversation_id = ? AND (m.date < ? OR (m.date = ? AND m.id < ?)) ORDER BY m.date DESC, m.id DESC LIMIT ?`)
          .all(conversationId, before.date, before.date, before.id, limit + 1)
      : db.prepare(`${SELECT} WHERE m.conversation_id = ? ORDER BY m.date DESC, m.id DESC LIMIT ?`).all(conversationId, limit + 1)
  ) as Row[];
  return { messages: rows.slice(0, limit).reverse().map((row) => toView(row, sources)), moreStored: rows.length > limit };
}

function toView(r: Row, sources: MessageViewSources): ChatMessage {
  const kind = r.mm_kind ?? r.media_kind;
  return {
    id: r.id,
    conversationId: r.conversation_id,
    // A pending reply holds the negated outbox id until Telegram names the real one.
    telegramMessageId: r.telegram_message_id > 0 ? r.telegram_message_id : null,
    senderId: r.sender_id,
    senderName: r.sender_name,
    outgoing: r.outgoing === 1,
    date: r.date,
    text: r.text,
    media: kind
      ? {
          kind,
          mimeType: r.mime_type,
          fileName: r.file_name,
          size: r.size,
          width: r.width,
          height: r.height,
          duration: r.duration,
          download: r.download ?? 'none',
          progress: r.download === 'downloading' ? sources.progress(r.id) : null,
        }
      : null,
    replyTo: r.reply_id === null ? null : { id: r.reply_id, senderName: r.reply_sender ?? '', text: r.reply_text ?? '' },
    editedAt: r.edited_at,
    hasEdits: r.has_edits === 1,
    deletedAt: r.deleted_at,
    outboxId: r.outbox_id,
    delivery: r.outbox_id === null ? null : sources.delivery(r.outbox_id),
    readByRecipient: r.outgoing === 1 && r.telegram_message_id > 0 && r.telegram_message_id <= r.read_outbox_telegram_id,
  };
}
