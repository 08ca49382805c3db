import type { Migration } from '../migration';

/**
 * The outbox carries every kind of action, not only the inbox's messages: each row says who asked
 * for it (a domain and its own reference, so a campaign follows its recipients), what it left
 * behind (an invite link, the people Telegram would not let in), and how many tries it ever had
 * (an operator's retry starts the retry budget again, but a kind Telegram does not deduplicate
 * must still check whether an earlier try took effect).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'outbox-origin',
  up(db) {
    db.exec(`
      -- Rows before this one were the inbox's replies: it follows them by outbox id, not by origin.
      ALTER TABLE outbox ADD COLUMN origin_domain TEXT;
      ALTER TABLE outbox ADD COLUMN origin_ref TEXT;
      -- A domain's own items, newest first, one page at a time.
      CREATE INDEX outbox_origin ON outbox (origin_domain, origin_ref, id) WHERE origin_domain IS NOT NULL;

      -- ActionResult.data and alreadyDone as JSON; the message id and date keep their own columns.
      ALTER TABLE outbox ADD COLUMN result TEXT CHECK (result IS NULL OR json_valid(result));

      -- Every try ever made; attempts (the retry budget) starts again when the operator retries.
      ALTER TABLE outbox ADD COLUMN tries INTEGER NOT NULL DEFAULT 0;
      UPDATE outbox SET tries = attempts;
    `);
  },
};
