import type { Migration } from '../migration';

const COLUMNS =
  'id, source_kind, source_id, chat_key, chat_title, telegram_message_id, sender_id, sender_name, date, text, media_kind, outgoing, received_at, conversation_id, reply_to_telegram_id, edited_at, deleted_at, outbox_id';

/**
 * Ingest speed. A message's identity key was (source, chat, Telegram id): every message of a
 * batch spread over many chats landed on a different page of that index, so each commit
 * rewrote most of it. A user account numbers the messages of all its private chats and basic
 * groups in one sequence, so keyed as (source, Telegram id, chat) new messages append at the
 * end instead; a deletion Telegram reports without its chat now finds its rows by that key too.
 *
 * SQLite cannot reorder a table's UNIQUE constraint, so the table is rebuilt with the same
 * columns and ids. Dropping the old table cascades to media and edit history (foreign keys
 * cannot be switched off inside the migration's transaction), so those are kept aside and put
 * back. The search index is keyed by message id and its text is unchanged: it stays valid.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'store-speed',
  up(db) {
    db.exec(`
      CREATE TEMP TABLE kept_media AS SELECT * FROM message_media;
      CREATE TEMP TABLE kept_edits AS SELECT * FROM message_edits;

      CREATE TABLE messages_rebuilt (
        id                   INTEGER PRIMARY KEY,
        source_kind          TEXT    NOT NULL CHECK (source_kind IN ('account', 'bot')),
        source_id            INTEGER NOT NULL,
        chat_key             TEXT    NOT NULL,
        chat_title           TEXT    NOT NULL,
        telegram_message_id  INTEGER NOT NULL,
        sender_id            INTEGER,
        sender_name          TEXT    NOT NULL,
        date                 INTEGER NOT NULL,
        text                 TEXT    NOT NULL,
        media_kind           TEXT,
        outgoing             INTEGER NOT NULL CHECK (outgoing IN (0, 1)),
        received_at          INTEGER NOT NULL,
        conversation_id      INTEGER REFERENCES conversations (id) ON DELETE CASCADE,
        reply_to_telegram_id INTEGER,
        edited_at            INTEGER,
        deleted_at           INTEGER,
        outbox_id            INTEGER,
        UNIQUE (source_kind, source_id, telegram_message_id, chat_key)
      ) STRICT;
      INSERT INTO messages_rebuilt (${COLUMNS}) SELECT ${COLUMNS} FROM messages ORDER BY id;
      -- Also drops its index and the search triggers (a drop fires no delete triggers).
      DROP TABLE messages;
      ALTER TABLE messages_rebuilt RENAME TO messages;
      -- A conversation's messages by date, then id: every index entry ends with the row id already,
      -- so naming it again only made the entries (and the pages each batch rewrites) bigger.
      CREATE INDEX messages_conversation ON messages (conversation_id, date);
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
      END;

      INSERT INTO message_media SELECT * FROM kept_media;
      INSERT INTO message_edits SELECT * FROM kept_edits;
      DROP TABLE kept_media;
      DROP TABLE kept_edits;
    `);
  },
};
