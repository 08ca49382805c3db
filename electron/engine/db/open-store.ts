import { join } from 'node:path';
import type { EventBus } from '../contract/event-bus';
import { createDatabaseLogSink } from '../logging/database-log-sink';
import { pruneLogEntries } from '../logging/log-repo';
import type { DeskLogging } from '../logging/logger';
import type { Clock } from '../platform/clock';
import type { DiskGuard } from '../platform/disk-guard';
import { createBackupSchedule } from './backup-schedule';
import { openDatabase } from './open-database';
import { ensurePrivateFile } from '../platform/private-files';
import { startWalCheckpointer } from './wal-checkpointer';

/** 256 MB of 4 KB pages: only a stuck checkpoint thread lets the WAL grow this far. */
const SAFETY_NET_PAGES = 65_536;

/** The database file of a workspace's folder. */
export function storeFile(root: string): string {
  return join(root, 'desk.sqlite');
}

/**
 * The workspace's store with what hangs on it: log lines flowing into it, and the daily
 * backup. Each part registers its own undo in `teardown`.
 */
export function openStore(options: {
  root: string;
  clock: Clock;
  logging: DeskLogging;
  events: EventBus;
  disk: DiskGuard;
  keepBackups: number;
  keepLogEntries: number;
  teardown: (() => void | Promise<void>)[];
}) {
  const { logging, teardown } = options;
  const logSink = createDatabaseLogSink((entries) => options.events.emit({ type: 'logs.appended', payload: { entries } }), options.disk);
  teardown.push(logging.addSink(logSink.sink));

  const backupsDir = join(options.root, 'backups');
  const dbFile = storeFile(options.root);
  ensurePrivateFile(dbFile);
  const opened = openDatabase({ path: dbFile, backupsDir, now: options.clock.now, keepBackups: options.keepBackups });
  const db = opened.db;
  teardown.push(() => void db.close());
  const checkpointer = startWalCheckpointer(dbFile, (message) => logging.logger.warn({ scope: 'db', err: message }, 'the WAL checkpoint thread failed; the engine checkpoints on its own past 256 MB'));
  // The thread keeps the WAL short; the engine's own checkpoint is only the safety net.
  db.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  teardown.push(() => checkpointer.stop());
  logSink.attach(db);
  teardown.push(() => logSink.detach());
  if (opened.backupFile) {
    logging.logger.info({ scope: 'db', file: opened.backupFile, from: opened.previousVersion }, 'backup taken before migrating');
  }
  logging.logger.info({ scope: 'db', schema: opened.schemaVersion }, 'database ready');

  const backups = createBackupSchedule({
    db,
    dir: backupsDir,
    keep: options.keepBackups,
    clock: options.clock,
    logger: logging.logger,
    afterBackup: () => pruneLogEntries(db, options.keepLogEntries),
  });
  backups.start();
  teardown.push(() => backups.stop());
  return { db, schemaVersion: opened.schemaVersion, lastBackupAt: backups.lastBackupAt };
}
