import type { Migration } from '../migration';

/** Logs, the audit trail and a small key-value table for engine bookkeeping. */
export const migration0001: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE log_entries (
        id      INTEGER PRIMARY KEY,
        at      INTEGER NOT NULL,
        level   TEXT    NOT NULL CHECK (level IN ('debug', 'info', 'warn', 'error')),
        scope   TEXT    NOT NULL,
        message TEXT    NOT NULL,
        details TEXT
      ) STRICT;
      CREATE INDEX log_entries_level_id ON log_entries (level, id);

      CREATE TABLE audit_log (
        id      INTEGER PRIMARY KEY,
        at      INTEGER NOT NULL,
        actor   TEXT    NOT NULL,
        action  TEXT    NOT NULL,
        target  TEXT,
        details TEXT
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log (at);

      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
