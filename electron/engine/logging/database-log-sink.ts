import type { Database } from 'better-sqlite3';
import type { LogEntry } from '../../../shared/domain/logs';
import type { DiskGuard } from '../platform/disk-guard';
import type { PendingLogEntry } from './log-record';
import { insertLogEntries } from './log-repo';

const MAX_PENDING = 5000;

/**
 * Log lines are written to SQLite in batches, one transaction per tick, so logging never
 * costs a transaction per line. Lines from before the database opened wait in memory, and so
 * do lines logged while the disk is full, until there is room again.
 */
export function createDatabaseLogSink(onStored: (entries: LogEntry[]) => void, disk: DiskGuard) {
  let db: Database | null = null;
  let pending: PendingLogEntry[] = [];
  let scheduled: NodeJS.Immediate | null = null;

  const flush = () => {
    scheduled = null;
    if (!db || pending.length === 0 || disk.state().full) return;
    const batch = pending;
    pending = [];
    try {
      onStored(insertLogEntries(db, batch));
    } catch (error) {
      if (disk.noteFailure(error)) {
        pending = [...batch, ...pending].slice(-MAX_PENDING);
        return;
      }
      process.stderr.write(`log entries could not be stored: ${(error as Error).message}\n`);
    }
  };
  const schedule = () => {
    if (db && !scheduled) scheduled = setImmediate(flush);
  };
  const unwatch = disk.subscribe((state) => {
    if (!state.full) schedule();
  });

  return {
    sink(entry: PendingLogEntry) {
      if (pending.length >= MAX_PENDING) pending.shift();
      pending.push(entry);
      schedule();
    },
    attach(database: Database) {
      db = database;
      flush();
    },
    /** Writes what is pending and lets go of the database. */
    detach() {
      if (scheduled) clearImmediate(scheduled);
      unwatch();
      flush();
      db = null;
    },
  };
}
