import type { Migration } from '../migration';

/**
 * Accounts and bots with their encrypted secrets, what each knows of Telegram's entities
 * (so sends never depend on GramJS's memory), the update cursors, and incoming messages.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'accounts-bots',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id                  INTEGER PRIMARY KEY,
        phone               TEXT    NOT NULL UNIQUE,
        telegram_user_id    INTEGER UNIQUE,
        first_name          TEXT    NOT NULL DEFAULT '',
        last_name           TEXT    NOT NULL DEFAULT '',
        username            TEXT,
        api_id              INTEGER,
        api_hash_enc        TEXT,
        session_enc         TEXT,
        enabled             INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        needs_sign_in_reason TEXT,
        created_at          INTEGER NOT NULL,
        updated_at          INTEGER NOT NULL,
        CHECK ((api_id IS NULL) = (api_hash_enc IS NULL))
      ) STRICT;

      CREATE TABLE account_update_state (
        account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
        pts        INTEGER NOT NULL,
        qts        INTEGER NOT NULL,
        date       INTEGER NOT NULL,
        seq        INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE bots (
        id              INTEGER PRIMARY KEY,
        telegram_bot_id INTEGER NOT NULL UNIQUE,
        username        TEXT    NOT NULL,
        first_name      TEXT    NOT NULL,
        token_enc       TEXT    NOT NULL,
        mode            TEXT    NOT NULL CHECK (mode IN ('polling', 'webhook')),
        update_offset   INTEGER NOT NULL DEFAULT 0,
        enabled         INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE telegram_entities (
        source_kind TEXT    NOT NULL CHECK (source_kind IN ('account', 'bot')),
        source_id   INTEGER NOT NULL,
        peer_type   TEXT    NOT NULL CHECK (peer_type IN ('user', 'chat', 'channel')),
        peer_id     INTEGER NOT NULL,
        access_hash TEXT,
        username    TEXT,
        phone       TEXT,
        first_name  TEXT,
        last_name   TEXT,
        title       TEXT,
        is_bot      INTEGER NOT NULL DEFAULT 0,
        updated_at  INTEGER NOT NULL,
        PRIMARY KEY (source_kind, source_id, peer_type, peer_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE messages (
        id                  INTEGER PRIMARY KEY,
        source_kind         TEXT    NOT NULL CHECK (source_kind IN ('account', 'bot')),
        source_id           INTEGER NOT NULL,
        chat_key            TEXT    NOT NULL,
        chat_title          TEXT    NOT NULL,
        telegram_message_id INTEGER NOT NULL,
        sender_id           INTEGER,
        sender_name         TEXT    NOT NULL,
        date                INTEGER NOT NULL,
        text                TEXT    NOT NULL,
        media_kind          TEXT,
        outgoing            INTEGER NOT NULL CHECK (outgoing IN (0, 1)),
        received_at         INTEGER NOT NULL,
        UNIQUE (source_kind, source_id, chat_key, telegram_message_id)
      ) STRICT;
    `);
  },
};
