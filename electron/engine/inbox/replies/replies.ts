import type { Database } from 'better-sqlite3';
import type { Logger } from '../../logging/logger';
import type { OutboxAttachment, OutboxItem } from '../../outbox/outbox-port';
import type { ConversationRow } from '../workflow/conversation-repo';
import { indexNewMessages } from '../search/fts-index';

/** Who a reply is from, as the chat shows it: the account's person or the bot. */
function senderOf(db: Database, conversation: ConversationRow): { id: number | null; name: string } {
  const row =
    conversation.source_kind === 'account'
      ? (db.prepare("SELECT telegram_user_id AS id, coalesce(nullif(trim(first_name || ' ' || last_name), ''), phone) AS name FROM accounts WHERE id = ?").get(conversation.source_id) as
          | { id: number | null; name: string }
          | undefined)
      : (db.prepare('SELECT telegram_bot_id AS id, first_name AS name FROM bots WHERE id = ?').get(conversation.source_id) as { id: number; name: string } | undefined);
  return row ?? { id: null, name: '' };
}

/**
 * The outgoing message a reply shows as until Telegram has it: its Telegram id is the negated
 * outbox id (unique, never a real id) until the outbox reports the real one. An attachment is
 * already in the media folder, so it shows as downloaded.
 */
export function insertReply(
  db: Database,
  input: { conversation: ConversationRow; outboxId: number; text: string; replyToTelegramId: number | null; attachment: OutboxAttachment | null; now: number },
): number {
  const { conversation: c, attachment, now } = input;
  const sender = senderOf(db, c);
  const id = Number(
    db
      .prepare(
        `INSERT INTO messages (source_kind, source_id, chat_key, chat_title, telegram_message_id, sender_id, sender_name, date, text, media_kind, outgoing, received_at,
           conversation_id, reply_to_telegram_id, outbox_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
      )
      .run(c.source_kind, c.source_id, c.chat_key, c.title, -input.outboxId, sender.id, sender.name, now, input.text, attachment?.mediaKind ?? null, now, c.id, input.replyToTelegramId, input.outboxId)
      .lastInsertRowid,
  );
  indexNewMessages(db, [id]);
  if (attachment) {
    db.prepare("INSERT INTO message_media (message_id, kind, mime_type, file_name, size, sha256, download) VALUES (?, ?, ?, ?, ?, ?, 'done')").run(
      id,
      attachment.mediaKind,
      attachment.mimeType,
      attachment.fileName,
      attachment.size,
      attachment.sha256,
    );
  }
  // Telegram dates messages in whole seconds: a message the person sends later in this same
  // second arrives dated at its start, and must still become the conversation's last message.
  const activityAt = Math.floor(now / 1000) * 1000;
  db.prepare('UPDATE conversations SET last_message_id = ?, last_activity_at = max(last_activity_at, ?) WHERE id = ?').run(id, activityAt, c.id);
  return id;
}

/**
 * The outbox moved an item on: once sent, the reply takes its real Telegram id and date. The
 * account's own update stream may have stored the same message first (its echo: outgoing, with no
 * outbox item); the reply row wins, so the chat shows it once, with its delivery history. Any
 * other row holding that id is kept, and the reply keeps its pending id beside it: two stored
 * messages claiming one Telegram id is a fault to look into, never a reason to drop one.
 */
export function applyOutboxChange(db: Database, item: OutboxItem, log: Logger): { messageId: number; conversationId: number } | null {
  const row = db.prepare('SELECT id, conversation_id, source_kind, source_id, chat_key, telegram_message_id FROM messages WHERE outbox_id = ?').get(item.id) as
    | { id: number; conversation_id: number; source_kind: string; source_id: number; chat_key: string; telegram_message_id: number }
    | undefined;
  if (!row) return null;
  if (item.telegramMessageId !== null && row.telegram_message_id !== item.telegramMessageId) {
    const telegramId = item.telegramMessageId;
    db.transaction(() => {
      const identity = [row.source_kind, row.source_id, row.chat_key, telegramId] as const;
      const echo = db
        .prepare('DELETE FROM messages WHERE source_kind = ? AND source_id = ? AND chat_key = ? AND telegram_message_id = ? AND outgoing = 1 AND outbox_id IS NULL RETURNING id')
        .pluck()
        .get(...identity) as number | undefined;
      if (echo !== undefined) db.prepare('UPDATE conversations SET last_message_id = ? WHERE last_message_id = ?').run(row.id, echo);
      const heldBy = db.prepare('SELECT id FROM messages WHERE source_kind = ? AND source_id = ? AND chat_key = ? AND telegram_message_id = ?').pluck().get(...identity) as
        | number
        | undefined;
      if (heldBy !== undefined) {
        log.warn({ outboxId: item.id, messageId: row.id, heldBy, telegramMessageId: telegramId }, 'a sent reply names a Telegram message id another stored message holds');
        db.prepare('UPDATE messages SET date = coalesce(?, date) WHERE id = ?').run(item.sentAt, row.id);
        return;
      }
      db.prepare('UPDATE messages SET telegram_message_id = ?, date = coalesce(?, date) WHERE id = ?').run(telegramId, item.sentAt, row.id);
    })();
  }
  return { messageId: row.id, conversationId: row.conversation_id };
}
