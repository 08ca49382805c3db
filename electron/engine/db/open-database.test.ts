import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { listBackups } from './backup';
import { DatabaseFileError } from './errors';
import type { Migration } from './migration';
import { migrations } from './migrations/index';
import { latestVersion, openDatabase } from './open-database';

const tempDir = useTempDirs();
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function open(dir: string, list?: readonly Migration[]) {
  return openDatabase({ path: join(dir, 'desk.sqlite'), backupsDir: join(dir, 'backups'), now: () => Date.UTC(2026, 10, 21), keepBackups: 3, migrations: list });
}

const addNotes: Migration = {
  version: migrations.length + 1,
  name: 'scratch',
  up: (db) => db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT'),
};

describe('openDatabase', () => {
  it('creates a new database at the latest schema with WAL, foreign keys and a busy timeout', () => {
    const { db, schemaVersion, backupFile } = open(tempDir());
    expect(schemaVersion).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(backupFile).toBeNull(); // nothing worth copying in a brand-new file
    db.close();
  });

  it('backs up an existing database before migrating it, and the copy holds the old data', () => {
    const dir = tempDir();
    const old = open(dir);
    old.db.prepare("INSERT INTO meta (key, value) VALUES ('kept', 'yes')").run();
    old.db.close();

    const upgraded = open(dir, [...migrations, addNotes]);
    expect(upgraded.previousVersion).toBe(migrations.length);
    expect(upgraded.schemaVersion).toBe(addNotes.version);
    expect(upgraded.backupFile).toMatch(/before-v\d+\.sqlite$/);
    upgraded.db.close();

    const copy = new Database(upgraded.backupFile!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(copy.prepare("SELECT value FROM meta WHERE key = 'kept'").pluck().get()).toBe('yes');
    copy.close();
  });

  it('rolls a failing migration back completely and keeps the schema version', () => {
    const dir = tempDir();
    open(dir).db.close();
    const broken: Migration = {
      version: migrations.length + 1,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('boom');
      },
    };
    const attempt = () => open(dir, [...migrations, broken]);
    expect(attempt).toThrow(DatabaseFileError);
    expect(attempt).toThrow(/migration \d{4}-broken: boom\. Nothing was changed/);

    const db = new Database(join(dir, 'desk.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a database from a newer version with a clear message and leaves it untouched', () => {
    const dir = tempDir();
    const path = join(dir, 'desk.sqlite');
    const future = new Database(path);
    future.pragma('journal_mode = DELETE');
    future.pragma('user_version = 999');
    future.close();
    const before = sha(path);

    expect(() => open(dir)).toThrow(/written by a newer version of Telegram Operator Desk \(schema 999; this version knows up to \d+\)/);
    expect(sha(path)).toBe(before);
  });

  it('refuses a damaged file with a clear message and leaves it untouched', () => {
    const dir = tempDir();
    const path = join(dir, 'desk.sqlite');
    writeFileSync(path, Buffer.alloc(8192, 0x5a));
    const before = sha(path);

    let error: unknown;
    try {
      open(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseFileError);
    expect((error as DatabaseFileError).reason).toBe('damaged');
    expect((error as Error).message).toMatch(/is damaged .* It was left untouched/);
    expect(sha(path)).toBe(before);
    expect(listBackups(join(dir, 'backups'))).toEqual([]);
  });

  it('detects corruption inside a valid-looking file with the integrity check', () => {
    const dir = tempDir();
    const { db } = open(dir);
    db.pragma('journal_mode = DELETE');
    const insert = db.prepare('INSERT INTO log_entries (at, level, scope, message) VALUES (?, ?, ?, ?)');
    // One transaction: 2,000 commits in rollback-journal mode are 2,000 fsyncs, seconds on a busy disk.
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(i, 'info', 'test', `line ${i} ${'x'.repeat(100)}`);
    })();
    db.close();
    const path = join(dir, 'desk.sqlite');
    const bytes = readFileSync(path);
    // Overwrite the middle pages (table b-tree) while keeping the header valid.
    bytes.fill(0xff, 4096 * 5, 4096 * 9);
    writeFileSync(path, bytes);

    expect(() => open(dir)).toThrow(/is damaged/);
  });
});
