import type { Migration } from '../migration';

const ACCOUNT_COLUMNS =
  'id, phone, telegram_user_id, first_name, last_name, username, api_id, api_hash_enc, session_enc, enabled, needs_sign_in_reason, created_at, updated_at';
const BOT_COLUMNS = 'id, telegram_bot_id, username, first_name, token_enc, mode, update_offset, enabled, created_at, updated_at';

/** The highest id of one kind of sender anything stored still names. */
function highestId(kind: 'account' | 'bot', table: 'accounts' | 'bots'): string {
  return `max(
    coalesce((SELECT max(id) FROM ${table}), 0),
    coalesce((SELECT max(source_id) FROM conversations WHERE source_kind = '${kind}'), 0),
    coalesce((SELECT max(source_id) FROM messages WHERE source_kind = '${kind}'), 0),
    coalesce((SELECT max(sender_id) FROM outbox WHERE sender_kind = '${kind}'), 0),
    coalesce((SELECT max(sender_id) FROM sender_pauses WHERE sender_kind = '${kind}'), 0),
    coalesce((SELECT max(source_id) FROM telegram_entities WHERE source_kind = '${kind}'), 0))`;
}

/** Senders that conversations or the outbox still name but that have no row, named after their last own message. */
function rememberRemoved(kind: 'account' | 'bot', table: 'accounts' | 'bots'): string {
  return `
    INSERT INTO removed_senders (sender_kind, sender_id, name, removed_at)
    SELECT '${kind}', s.id,
      (SELECT m.sender_name FROM messages m WHERE m.source_kind = '${kind}' AND m.source_id = s.id AND m.outgoing = 1 AND m.sender_name != '' ORDER BY m.id DESC LIMIT 1),
      0
    FROM (SELECT source_id AS id FROM conversations WHERE source_kind = '${kind}'
          UNION SELECT sender_id FROM outbox WHERE sender_kind = '${kind}') AS s
    WHERE s.id NOT IN (SELECT id FROM ${table});`;
}

/**
 * Ids of accounts and bots are never used twice. With a plain INTEGER PRIMARY KEY, SQLite gave a
 * new bot the id of the last one removed, and with it that bot's conversations, its stored
 * message ids (so the new bot's first messages were dropped as duplicates) and its queued replies.
 * AUTOINCREMENT never reuses an id; its counter starts past every id anything stored still names.
 *
 * A removed sender leaves a row in `removed_senders` with the name it had, so its history stays
 * readable under that name and its replies are refused with a reason. Senders removed before this
 * version left no name; the last message they sent themselves gives one when there is one.
 *
 * SQLite cannot add AUTOINCREMENT to a table, so both are rebuilt with the same columns and ids.
 * Dropping `accounts` cascades to its update cursors (foreign keys cannot be switched off inside
 * the migration's transaction), so those are kept aside and put back; the drop also takes the
 * trigger that clears an account's daily caps, which is made again.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'sender-ids',
  up(db) {
    db.exec(`
      CREATE TABLE removed_senders (
        sender_kind TEXT    NOT NULL CHECK (sender_kind IN ('account', 'bot')),
        sender_id   INTEGER NOT NULL,
        -- As the inbox showed it ('@username' for a bot); NULL when removed before names were kept.
        name        TEXT,
        removed_at  INTEGER NOT NULL,
        PRIMARY KEY (sender_kind, sender_id)
      ) STRICT, WITHOUT ROWID;
      ${rememberRemoved('account', 'accounts')}
      ${rememberRemoved('bot', 'bots')}

      CREATE TEMP TABLE kept_update_state AS SELECT * FROM account_update_state;
      CREATE TEMP TABLE kept_channel_state AS SELECT * FROM account_channel_state;

      CREATE TABLE accounts_rebuilt (
        id                  INTEGER PRIMARY KEY AUTOINCREMENT,
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
      INSERT INTO accounts_rebuilt (${ACCOUNT_COLUMNS}) SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY id;

      CREATE TABLE bots_rebuilt (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
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
      INSERT INTO bots_rebuilt (${BOT_COLUMNS}) SELECT ${BOT_COLUMNS} FROM bots ORDER BY id;

      DROP TABLE accounts;
      ALTER TABLE accounts_rebuilt RENAME TO accounts;
      DROP TABLE bots;
      ALTER TABLE bots_rebuilt RENAME TO bots;

      -- Each counter starts past every id anything stored still names.
      DELETE FROM sqlite_sequence WHERE name IN ('accounts', 'bots');
      INSERT INTO sqlite_sequence (name, seq) VALUES ('accounts', ${highestId('account', 'accounts')}), ('bots', ${highestId('bot', 'bots')});

      INSERT INTO account_update_state SELECT * FROM kept_update_state;
      INSERT INTO account_channel_state SELECT * FROM kept_channel_state;
      DROP TABLE kept_update_state;
      DROP TABLE kept_channel_state;

      CREATE TRIGGER accounts_drop_daily_caps AFTER DELETE ON accounts BEGIN
        DELETE FROM outbox_daily_caps WHERE account_id = old.id;
      END;
    `);
  },
};
