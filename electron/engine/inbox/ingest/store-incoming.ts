import type { Database, Statement } from 'better-sqlite3';
import type { IncomingMessage } from '../../../../shared/domain/connections';
import { indexNewMessages } from '../search/fts-index';
import { kindOfKey, type InboundDeletion, type RichIncoming } from '../../telegram/inbound/types';

type Source = IncomingMessage['source'];

/** Everything one update batch changes in one source's messages. */
export interface MessageChanges<M> {
  messages: M[];
  /** Edited messages in full (their new text); one never seen before is stored as new. */
  edits: M[];
  deletions: InboundDeletion[];
}

/** What one call stored, for the caller to announce after its transaction commits. */
export interface IngestResult {
  /** Only the messages that were new (the `messages.received` payload). */
  messages: IncomingMessage[];
  conversationIds: Set<number>;
  /** New, edited and deleted messages (new media is considered for download when the window is told). */
  messageIds: number[];
  /** Stored messages that arrived again with other text: the new text is shown, the old kept as an earlier version. */
  replaced: ReplacedMessage[];
  /** Conversations a customer's message put in their sender's queue (new, reopened, or waiting on nobody). */
  queued: number[];
  /** Reopened conversations taken from whoever had them (they get them back only if active). */
  reopened: { conversationId: number; from: string }[];
}

/** Ids only: message text never goes to the log. */
export interface ReplacedMessage {
  messageId: number;
  source: Source;
  chatKey: string;
  telegramMessageId: number;
}

export function nothingStored(): IngestResult {
  return { messages: [], conversationIds: new Set(), messageIds: [], replaced: [], queued: [], reopened: [] };
}

export interface IngestOptions {
  /**
   * Older history fetched from Telegram: it neither counts as unread nor reopens a
   * resolved or snoozed conversation (it is not news).
   */
  history?: boolean;
}

interface Prepared {
  upsertConversation: Statement;
  insertMessage: Statement;
  insertMedia: Statement;
  findMessage: Statement;
  insertEdit: Statement;
  applyEdit: Statement;
  deleteInChat: Statement;
  deleteInBox: Statement;
  touchConversations: Statement;
  reopenAssigned: Statement;
  /** Conversation ids by source and chat key: the hot path asks the database only once per chat. */
  conversations: Map<string, number>;
}

const prepared = new WeakMap<Database, Prepared>();

function prepare(db: Database): Prepared {
  let p = prepared.get(db);
  if (p) return p;
  p = {
    upsertConversation: db.prepare(
      `INSERT INTO conversations (source_kind, source_id, chat_key, kind, title, last_activity_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_kind, source_id, chat_key) DO UPDATE SET kind = kind RETURNING id`,
    ),
    insertMessage: db.prepare(
      `INSERT INTO messages (source_kind, source_id, chat_key, chat_title, telegram_message_id, sender_id, sender_name, date, text, media_kind, outgoing, received_at,
         conversation_id, reply_to_telegram_id, edited_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_kind, source_id, chat_key, telegram_message_id) DO NOTHING`,
    ),
    insertMedia: db.prepare(
      'INSERT OR IGNORE INTO message_media (message_id, kind, mime_type, file_name, size, width, height, duration, remote_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    findMessage: db.prepare('SELECT id, text, conversation_id FROM messages WHERE source_kind = ? AND source_id = ? AND chat_key = ? AND telegram_message_id = ?'),
    insertEdit: db.prepare('INSERT INTO message_edits (message_id, edited_at, old_text) VALUES (?, ?, ?)'),
    applyEdit: db.prepare('UPDATE messages SET text = ?, edited_at = ? WHERE id = ?'),
    deleteInChat: db.prepare(
      'UPDATE messages SET deleted_at = ? WHERE source_kind = ? AND source_id = ? AND chat_key = ? AND telegram_message_id = ? AND deleted_at IS NULL RETURNING id, conversation_id',
    ),
    deleteInBox: db.prepare(
      `UPDATE messages SET deleted_at = ? WHERE source_kind = ? AND source_id = ? AND telegram_message_id = ? AND deleted_at IS NULL
         AND (chat_key LIKE 'user:%' OR chat_key LIKE 'chat:%') RETURNING id, conversation_id`,
    ),
    // One statement for every conversation a batch touched (a batch spread over many chats
    // touches hundreds): the rows come as a JSON array of [id, title, lastDate, lastId, unread, reopen].
    // A customer's message to a conversation nobody has puts it in the queue (queued_at is kept
    // when it waits already); the rows queued now are those whose queued_at is this batch's time.
    touchConversations: db.prepare(
      `UPDATE conversations SET
         queued_at = CASE WHEN t.reopen AND assignee_id IS NULL AND queued_at IS NULL THEN @now ELSE queued_at END,
         title = t.title,
         last_message_id = CASE WHEN t.last_date >= last_activity_at THEN t.last_id ELSE last_message_id END,
         last_activity_at = max(last_activity_at, t.last_date),
         unread_count = unread_count + t.unread,
         status = CASE WHEN t.reopen AND status IN ('resolved', 'snoozed') THEN 'open' ELSE status END,
         snoozed_until = CASE WHEN t.reopen AND status IN ('resolved', 'snoozed') THEN NULL ELSE snoozed_until END
       FROM (SELECT value ->> 0 AS id, value ->> 1 AS title, value ->> 2 AS last_date, value ->> 3 AS last_id, value ->> 4 AS unread, value ->> 5 AS reopen
             FROM json_each(@rows)) AS t
       WHERE conversations.id = t.id
       RETURNING id, queued_at`,
    ),
    // Before touchConversations reopens them: a resolved or snoozed conversation a customer writes
    // to again waits in the queue, and remembers who had it (they get it back if they are active).
    reopenAssigned: db.prepare(
      `UPDATE conversations SET last_assignee_id = assignee_id, assignee_id = NULL, queued_at = ?
       WHERE id IN (SELECT value FROM json_each(?)) AND status IN ('resolved', 'snoozed') AND assignee_id IS NOT NULL
       RETURNING id, last_assignee_id`,
    ),
    conversations: new Map(),
  };
  prepared.set(db, p);
  return p;
}

interface StoredText {
  id: number;
  text: string;
  conversation_id: number;
}

/** Telegram trims the whitespace around a text it is sent, so our own reply may come back without it. */
function sameText(stored: string, arrived: string): boolean {
  return stored === arrived || stored.trim() === arrived.trim();
}

interface Touched {
  title: string;
  lastId: number;
  lastDate: number;
  unread: number;
  reopen: boolean;
}

/**
 * Stores one source's message changes: new messages land in their conversation (created on
 * first sight), edits keep the text they replace, deletions are marked. Run it inside the
 * caller's transaction (with the update cursor or bot offset it must commit with); it does no
 * per-message conversation query once a chat is known, and one statement updates every conversation touched
 * (after one that takes the reopened ones from whoever had them, so they wait in the queue).
 */
export function storeIncoming(db: Database, source: Source, changes: MessageChanges<RichIncoming>, now: number, options: IngestOptions = {}): IngestResult {
  const p = prepare(db);
  const result = nothingStored();
  const touched = new Map<number, Touched>();
  const live = options.history !== true;

  const conversationOf = (m: RichIncoming, fresh = false): number => {
    const key = `${source.kind}:${source.id}:${m.chatKey}`;
    let id = fresh ? undefined : p.conversations.get(key);
    if (id === undefined) {
      id = (p.upsertConversation.get(source.kind, source.id, m.chatKey, m.chatKind ?? kindOfKey(m.chatKey), m.chatTitle, m.date, now) as { id: number }).id;
      p.conversations.set(key, id);
    }
    return id;
  };

  const insert = (m: RichIncoming): void => {
    let conversationId = conversationOf(m);
    const args = (cid: number) =>
      [source.kind, source.id, m.chatKey, m.chatTitle, m.telegramMessageId, m.senderId, m.senderName, m.date, m.text, m.mediaKind, m.outgoing ? 1 : 0, now, cid, m.replyToTelegramId ?? null, m.editedAt ?? null] as const;
    let run;
    try {
      run = p.insertMessage.run(...args(conversationId));
    } catch (error) {
      // A cached id whose creating transaction rolled back: ask the database again, once.
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
      conversationId = conversationOf(m, true);
      run = p.insertMessage.run(...args(conversationId));
    }
    if (run.changes !== 1) return arrivedAgain(m);
    const id = Number(run.lastInsertRowid);
    result.messages.push({
      id,
      source,
      chatKey: m.chatKey,
      chatTitle: m.chatTitle,
      telegramMessageId: m.telegramMessageId,
      senderId: m.senderId,
      senderName: m.senderName,
      date: m.date,
      text: m.text,
      mediaKind: m.mediaKind,
      outgoing: m.outgoing,
    });
    result.messageIds.push(id);
    if (m.media) {
      const md = m.media;
      p.insertMedia.run(id, md.kind, md.mimeType, md.fileName, md.size, md.width, md.height, md.duration, md.remote ? JSON.stringify(md.remote) : null);
    }
    let t = touched.get(conversationId);
    if (!t) {
      t = { title: m.chatTitle, lastId: id, lastDate: m.date, unread: 0, reopen: false };
      touched.set(conversationId, t);
    } else if (m.date >= t.lastDate) {
      t.title = m.chatTitle;
      t.lastId = id;
      t.lastDate = m.date;
    }
    if (live && !m.outgoing) {
      t.unread++;
      t.reopen = true;
    }
  };

  const find = (m: RichIncoming) => p.findMessage.get(source.kind, source.id, m.chatKey, m.telegramMessageId) as StoredText | undefined;

  /** The new text is shown; the one it replaces is kept as an earlier version, as Telegram's edits are. */
  const replaceText = (found: StoredText, m: RichIncoming): void => {
    const editedAt = m.editedAt ?? now;
    p.insertEdit.run(found.id, editedAt, found.text);
    p.applyEdit.run(m.text, editedAt, found.id);
    result.messageIds.push(found.id);
    result.conversationIds.add(found.conversation_id);
  };

  /**
   * A message already stored came again (a redelivery, a history page over stored messages).
   * Unchanged it is nothing new; with other text, Telegram's newer word is shown, the stored text
   * is kept as an earlier version, and the caller logs it: never replaced or dropped unseen.
   */
  const arrivedAgain = (m: RichIncoming): void => {
    const found = find(m);
    if (!found || sameText(found.text, m.text)) return;
    replaceText(found, m);
    result.replaced.push({ messageId: found.id, source, chatKey: m.chatKey, telegramMessageId: m.telegramMessageId });
  };

  for (const m of changes.messages) insert(m);
  for (const m of changes.edits) {
    const found = find(m);
    if (!found) insert(m);
    else if (found.text !== m.text) replaceText(found, m);
  }
  for (const deletion of changes.deletions) {
    for (const telegramId of deletion.telegramMessageIds) {
      const rows = (
        deletion.chatKey === null ? p.deleteInBox.all(now, source.kind, source.id, telegramId) : p.deleteInChat.all(now, source.kind, source.id, deletion.chatKey, telegramId)
      ) as { id: number; conversation_id: number | null }[];
      for (const row of rows) {
        result.messageIds.push(row.id);
        if (row.conversation_id !== null) result.conversationIds.add(row.conversation_id);
      }
    }
  }
  if (touched.size > 0) {
    const reopening = [...touched].filter(([, t]) => t.reopen).map(([id]) => id);
    if (reopening.length > 0) {
      const reopened = p.reopenAssigned.all(now, JSON.stringify(reopening)) as { id: number; last_assignee_id: string }[];
      result.reopened = reopened.map((row) => ({ conversationId: row.id, from: row.last_assignee_id }));
    }
    const rows = JSON.stringify(Array.from(touched, ([id, t]) => [id, t.title, t.lastDate, t.lastId, t.unread, t.reopen ? 1 : 0]));
    const after = p.touchConversations.all({ now, rows }) as { id: number; queued_at: number | null }[];
    result.queued = after.filter((row) => row.queued_at === now).map((row) => row.id);
    for (const id of touched.keys()) result.conversationIds.add(id);
  }
  indexNewMessages(db, result.messages.map((m) => m.id));
  return result;
}
