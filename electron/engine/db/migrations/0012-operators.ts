import type { Migration } from '../migration';

/**
 * Operators become a team. A profile has a role (the person at the desktop, `operator:local`,
 * is the admin), languages, a capacity (the old `max_chats`, null: no limit), whether they take
 * chats from the queue by themselves, and the accounts and bots they may work. Removed operators
 * keep their row (the audit trail still names them) and are never listed again; ids are never
 * reused. Hub sign-ins are sessions that expire and can be ended; invites are one-time links.
 * Only hashes of the secrets (session cookies, invite tokens, passwords) are stored.
 *
 * Conversations wait in their account's or bot's queue (`queued_at`) until someone takes them;
 * `last_assignee_id` lets a reopened conversation go back to whoever had it, if they are active.
 * Conversations that exist already are not put in a queue: a one-person desk sees no change.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'operators',
  up(db) {
    db.exec(`
      ALTER TABLE operators ADD COLUMN role TEXT NOT NULL DEFAULT 'operator' CHECK (role IN ('admin', 'operator'));
      ALTER TABLE operators ADD COLUMN languages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages) AND json_type(languages) = 'array');
      ALTER TABLE operators ADD COLUMN auto_assign INTEGER NOT NULL DEFAULT 1 CHECK (auto_assign IN (0, 1));
      ALTER TABLE operators ADD COLUMN password_hash TEXT;
      ALTER TABLE operators ADD COLUMN telegram_user_id INTEGER;
      ALTER TABLE operators ADD COLUMN telegram_username TEXT;
      ALTER TABLE operators ADD COLUMN last_active_at INTEGER;
      ALTER TABLE operators ADD COLUMN last_assigned_at INTEGER;
      ALTER TABLE operators ADD COLUMN removed_at INTEGER;
      UPDATE operators SET role = 'admin', auto_assign = 0 WHERE id = 'operator:local';

      CREATE TABLE operator_senders (
        operator_id TEXT    NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
        sender_kind TEXT    NOT NULL CHECK (sender_kind IN ('account', 'bot')),
        sender_id   INTEGER NOT NULL,
        PRIMARY KEY (operator_id, sender_kind, sender_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX operator_senders_sender ON operator_senders (sender_kind, sender_id);

      CREATE TABLE operator_sessions (
        -- Shown in lists and used to end a session; the cookie is another secret, stored hashed.
        id           TEXT    PRIMARY KEY,
        token_hash   TEXT    NOT NULL UNIQUE,
        operator_id  TEXT    NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
        created_at   INTEGER NOT NULL,
        expires_at   INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        ended_at     INTEGER,
        end_reason   TEXT CHECK (end_reason IN ('revoked', 'expired', 'signed_out', 'removed')),
        user_agent   TEXT,
        address      TEXT,
        CHECK ((ended_at IS NULL) = (end_reason IS NULL))
      ) STRICT;
      CREATE INDEX operator_sessions_operator ON operator_sessions (operator_id) WHERE ended_at IS NULL;

      CREATE TABLE operator_invites (
        token_hash  TEXT    PRIMARY KEY,
        operator_id TEXT    NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
        created_by  TEXT    NOT NULL,
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL,
        used_at     INTEGER
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE team_settings (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        settings   TEXT    NOT NULL CHECK (json_valid(settings)),
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE hub_certificate (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        certificate TEXT    NOT NULL,
        -- Sealed with the desk's secret key, like sessions and tokens.
        private_key TEXT    NOT NULL,
        fingerprint TEXT    NOT NULL,
        created_at  INTEGER NOT NULL
      ) STRICT;

      ALTER TABLE conversations ADD COLUMN queued_at INTEGER;
      ALTER TABLE conversations ADD COLUMN last_assignee_id TEXT;
      CREATE INDEX conversations_queue ON conversations (queued_at, id) WHERE queued_at IS NOT NULL;
      CREATE INDEX conversations_assignee ON conversations (assignee_id, status) WHERE assignee_id IS NOT NULL;
    `);
  },
};
