import type { Migration } from '../migration';

/**
 * Incoming batches an inbound consumer failed on (a bug, bad data), kept whole with the error:
 * the update's position still moves and the other consumers still run, so one broken domain
 * cannot stall a bot or an account, and what it missed is not lost.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'inbound-failures',
  up(db) {
    db.exec(`
      CREATE TABLE inbound_failures (
        id INTEGER PRIMARY KEY,
        consumer TEXT NOT NULL,
        source_kind TEXT NOT NULL CHECK (source_kind IN ('account', 'bot')),
        source_id INTEGER NOT NULL,
        -- The batch the consumer was given, as JSON: the plain translated values the inbox also stores (no session, no token).
        batch TEXT NOT NULL,
        error TEXT NOT NULL,
        failed_at INTEGER NOT NULL
      );
      CREATE INDEX inbound_failures_by_consumer ON inbound_failures (consumer, failed_at);
    `);
  },
};
