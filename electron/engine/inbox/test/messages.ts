import type { Database } from 'better-sqlite3';
import { storeIncoming } from '../ingest/store-incoming';
import type { RichIncoming } from '../../telegram/inbound/types';

let nextId = 1;

/** An incoming bot message in a private chat with person `personId`. */
export function incoming(personId: number, text: string, extra: Partial<RichIncoming> = {}): RichIncoming {
  return {
    source: { kind: 'bot', id: 1 },
    chatKey: `user:${personId}`,
    chatTitle: `Person ${personId}`,
    telegramMessageId: nextId++,
    senderId: personId,
    senderName: `Person ${personId}`,
    date: Date.UTC(2026, 0, 1) + nextId * 1000,
    text,
    mediaKind: null,
    outgoing: false,
    ...extra,
  };
}

/** Stores messages as a bot's live updates would, in one transaction. */
export function ingest(db: Database, messages: RichIncoming[], now = Date.UTC(2026, 0, 2)) {
  return db.transaction(() => storeIncoming(db, { kind: 'bot', id: 1 }, { messages, edits: [], deletions: [] }, now))();
}

export function addBot(db: Database): void {
  db.prepare("INSERT INTO bots (id, telegram_bot_id, username, first_name, token_enc, mode, created_at, updated_at) VALUES (1, 900, 'desk_bot', 'Desk', 'token', 'polling', 1, 1)").run();
}
