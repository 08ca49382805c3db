import type { Migration } from '../migration';

/**
 * A personal account's daily caps per kind of action, and benches the operator can see and lift:
 * each outbox row says what kind of action it is (a reply, a campaign message, an invite…), an
 * account may override the default cap of a kind, and a sender's pause says whether it is a
 * flood wait or a PEER_FLOOD bench and since when.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'outbox-caps',
  up(db) {
    db.exec(`
      -- Every row before this one was an operator reply: the only kind of action there was.
      ALTER TABLE outbox ADD COLUMN action TEXT NOT NULL DEFAULT 'reply';
      -- Counting today's sends of one kind for one sender.
      CREATE INDEX outbox_sent_by_action ON outbox (sender_kind, sender_id, action, state, updated_at);

      -- An account's own cap for a kind of action; no row means the default. A NULL cap is "no cap".
      -- No foreign key, like the rest of the outbox (a lane may outlive its account's row); a
      -- trigger drops the caps with the account so a later account reusing the id starts clean.
      CREATE TABLE outbox_daily_caps (
        account_id INTEGER NOT NULL,
        action     TEXT    NOT NULL,
        cap        INTEGER CHECK (cap IS NULL OR cap >= 0),
        PRIMARY KEY (account_id, action)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER accounts_drop_daily_caps AFTER DELETE ON accounts BEGIN
        DELETE FROM outbox_daily_caps WHERE account_id = old.id;
      END;

      ALTER TABLE sender_pauses ADD COLUMN kind TEXT NOT NULL DEFAULT 'flood' CHECK (kind IN ('flood', 'bench'));
      ALTER TABLE sender_pauses ADD COLUMN since INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
