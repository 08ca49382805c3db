import type { Migration } from '../migration';

/**
 * The unified inbox and the outbox: conversations with their workflow (status, labels,
 * assignee, notes), messages grown to carry replies, edits, deletions, media and delivery,
 * full-text search over every message, and one outbox for everything that leaves.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'inbox-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE operators (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        max_chats  INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO operators (id, name, created_at) VALUES ('operator:local', 'This desk', 0);

      CREATE TABLE conversations (
        id               INTEGER PRIMARY KEY,
        source_kind      TEXT    NOT NULL CHECK (source_kind IN ('account', 'bot')),
        source_id        INTEGER NOT NULL,
        chat_key         TEXT    NOT NULL,
        kind             TEXT    NOT NULL CHECK (kind IN ('private', 'group', 'channel')),
        title            TEXT    NOT NULL,
        last_message_id  INTEGER,
        last_activity_at INTEGER NOT NULL,
        unread_count     INTEGER NOT NULL DEFAULT 0,
        read_up_to_telegram_id INTEGER NOT NULL DEFAULT 0,
        status           TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'resolved', 'snoozed')),
        snoozed_until    INTEGER,
        assignee_id      TEXT REFERENCES operators (id) ON DELETE SET NULL,
        history_complete INTEGER NOT NULL DEFAULT 0 CHECK (history_complete IN (0, 1)),
        created_at       INTEGER NOT NULL,
        UNIQUE (source_kind, source_id, chat_key)
      ) STRICT;
      CREATE INDEX conversations_activity ON conversations (last_activity_at DESC);

      ALTER TABLE messages ADD COLUMN conversation_id INTEGER REFERENCES conversations (id) ON DELETE CASCADE;
      ALTER TABLE messages ADD COLUMN reply_to_telegram_id INTEGER;
      ALTER TABLE messages ADD COLUMN edited_at INTEGER;
      ALTER TABLE messages ADD COLUMN deleted_at INTEGER;
      ALTER TABLE messages ADD COLUMN outbox_id INTEGER;
      CREATE INDEX messages_conversation ON messages (conversation_id, date, id);

      CREATE TABLE message_edits (
        message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        edited_at  INTEGER NOT NULL,
        old_text   TEXT    NOT NULL
      ) STRICT;
      CREATE INDEX message_edits_message ON message_edits (message_id);

      CREATE TABLE message_media (
        message_id  INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
        kind        TEXT    NOT NULL CHECK (kind IN ('photo', 'document', 'video', 'voice', 'other')),
        mime_type   TEXT,
        file_name   TEXT,
        size        INTEGER,
        width       INTEGER,
        height      INTEGER,
        duration    INTEGER,
        -- How to fetch it again from Telegram (file_id for bots, a location for accounts), as JSON.
        remote_ref  TEXT,
        -- The bytes in the data folder, named by content hash, once downloaded.
        sha256      TEXT,
        download    TEXT    NOT NULL DEFAULT 'none' CHECK (download IN ('none', 'queued', 'downloading', 'done', 'failed', 'too_large', 'skipped'))
      ) STRICT;

      -- Search over every message; the unicode61 tokenizer folds case for Cyrillic and Latin alike.
      -- New messages are indexed a batch at a time by the code that stores them (inbox/search/
      -- fts-index.ts): one INSERT … SELECT per batch is about three times faster than a trigger
      -- per row. Edits and deletions are rare, so triggers keep the index in step for those.
      CREATE VIRTUAL TABLE messages_fts USING fts5 (text, content = 'messages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
      END;

      CREATE TABLE labels (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL UNIQUE COLLATE NOCASE,
        color TEXT NOT NULL
      ) STRICT;
      CREATE TABLE conversation_labels (
        conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        label_id        INTEGER NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
        PRIMARY KEY (conversation_id, label_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE notes (
        id              INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        author_id       TEXT    NOT NULL,
        text            TEXT    NOT NULL,
        created_at      INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE canned_replies (
        id         INTEGER PRIMARY KEY,
        title      TEXT NOT NULL,
        text       TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE outbox (
        id              INTEGER PRIMARY KEY,
        sender_kind     TEXT    NOT NULL CHECK (sender_kind IN ('account', 'bot')),
        sender_id       INTEGER NOT NULL,
        kind            TEXT    NOT NULL,
        conversation_id INTEGER REFERENCES conversations (id) ON DELETE SET NULL,
        payload         TEXT    NOT NULL,
        -- Lower runs first: operator replies before bulk work in the same lane.
        priority        INTEGER NOT NULL DEFAULT 0,
        state           TEXT    NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'waiting', 'failed', 'uncertain', 'cancelled')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        not_before      INTEGER NOT NULL DEFAULT 0,
        reason          TEXT,
        -- MTProto random_id, chosen before the first attempt and reused on every retry.
        random_id       TEXT,
        result_message_id INTEGER,
        -- Epoch ms Telegram stamped the sent message with (the inbox sorts it among incoming ones).
        sent_at         INTEGER,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX outbox_ready ON outbox (state, sender_kind, sender_id, priority, id);

      -- A flood wait pauses one sender's lane until the time Telegram named, across restarts.
      CREATE TABLE sender_pauses (
        sender_kind TEXT    NOT NULL,
        sender_id   INTEGER NOT NULL,
        until       INTEGER NOT NULL,
        reason      TEXT    NOT NULL,
        PRIMARY KEY (sender_kind, sender_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
