import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { backupDatabase } from './backup';
import { DatabaseFileError } from './errors';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations/index';

export interface OpenDatabaseOptions {
  path: string;
  backupsDir: string;
  now: () => number;
  keepBackups: number;
  /** Tests pass a prefix of the list to build a database as an older version left it. */
  migrations?: readonly Migration[];
}

export interface OpenedDatabase {
  db: Database.Database;
  schemaVersion: number;
  /** The version found on disk before migrating. */
  previousVersion: number;
  /** The copy taken before migrating, if one was needed. */
  backupFile: string | null;
}

export function latestVersion(migrations: readonly Migration[] = allMigrations): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Opens the store: tuned pragmas, an integrity check, then pending migrations in one
 * transaction behind a backup. Any problem with the file leaves it untouched and says so.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const migrations = options.migrations ?? allMigrations;
  assertOrdered(migrations);
  const existed = existsSync(options.path) && statSync(options.path).size > 0;

  let db: Database.Database;
  try {
    db = new Database(options.path);
  } catch (error) {
    throw new DatabaseFileError('unreadable', `The database ${options.path} cannot be opened: ${messageOf(error)}.`);
  }
  try {
    // Checks first: a file this version must refuse is not touched, not even to switch it to WAL.
    const current = readVersion(db, options.path);
    refuseIfTooNew(current, latestVersion(migrations), options.path);
    checkIntegrity(db, options);
    configure(db, options.path);
    return migrate(db, migrations, current, existed, options);
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: Database.Database, path: string): void {
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // Message indexes grow large; keeping their pages in memory is what keeps ingest fast.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    // A busy batch rewrites index pages spread over many chats; checkpointing every 1,000 pages
    // (the default) copied and synced them after nearly every commit. Every 8,192 pages (32 MB)
    // a page rewritten by several commits is copied once; commits stay durable in the WAL.
    db.pragma('wal_autocheckpoint = 8192');
    // Once checkpointed, the WAL file is cut back rather than left at its largest size.
    db.pragma('journal_size_limit = 67108864');
  } catch (error) {
    throw damaged(path, error);
  }
}

function checkIntegrity(db: Database.Database, options: OpenDatabaseOptions): void {
  let problems: string[];
  try {
    problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
  } catch (error) {
    throw damaged(options.path, error);
  }
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw damaged(options.path, new Error(problems.slice(0, 3).join('; ')), options.backupsDir);
  }
}

function readVersion(db: Database.Database, path: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw damaged(path, error);
  }
}

function refuseIfTooNew(current: number, latest: number, path: string): void {
  if (current > latest) {
    throw new DatabaseFileError(
      'too_new',
      `The database ${path} was written by a newer version of Telegram Operator Desk (schema ${current}; this version knows up to ${latest}). Install the newer version or choose another data folder. The file was not changed.`,
    );
  }
}

function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  current: number,
  existed: boolean,
  options: OpenDatabaseOptions,
): OpenedDatabase {
  const latest = latestVersion(migrations);
  if (current === latest) return { db, schemaVersion: current, previousVersion: current, backupFile: null };

  const backupFile =
    existed && current > 0
      ? backupDatabase(db, options.backupsDir, { now: options.now(), reason: `before-v${latest}`, keep: options.keepBackups }).file
      : null;
  const pending = migrations.filter((m) => m.version > current);
  let running: Migration | undefined;
  try {
    db.transaction(() => {
      for (const migration of pending) {
        running = migration;
        migration.up(db);
      }
      db.pragma(`user_version = ${latest}`);
    })();
  } catch (error) {
    const where = running ? `${String(running.version).padStart(4, '0')}-${running.name}` : 'unknown';
    throw new DatabaseFileError(
      'migration_failed',
      `Updating the database failed in migration ${where}: ${messageOf(error)}. Nothing was changed (schema ${current} kept)${backupFile ? `; a copy is at ${backupFile}` : ''}.`,
    );
  }
  return { db, schemaVersion: latest, previousVersion: current, backupFile };
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list is out of order at ${m.version}-${m.name}.`);
  });
}

function damaged(path: string, error: unknown, backupsDir?: string): DatabaseFileError {
  return new DatabaseFileError(
    'damaged',
    `The database ${path} is damaged (${messageOf(error)}). It was left untouched; restore a copy${backupsDir ? ` from ${backupsDir}` : ''} or choose another data folder.`,
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
