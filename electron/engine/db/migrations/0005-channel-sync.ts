import type { Migration } from '../migration';

/**
 * Channels and supergroups number their events apart from the account (a pts each), so the
 * desk keeps where it stands in every one it is in, committed with the messages it produced.
 * Conversations also keep how far the other side has read our messages (Telegram's read
 * outbox mark), which the chat shows as a double tick.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'channel-sync',
  up(db) {
    db.exec(`
      CREATE TABLE account_channel_state (
        account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        channel_id INTEGER NOT NULL,
        pts        INTEGER NOT NULL,
        PRIMARY KEY (account_id, channel_id)
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE conversations ADD COLUMN read_outbox_telegram_id INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
