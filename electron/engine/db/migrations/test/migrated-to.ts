import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { migrations } from '../index';

/**
 * A fresh SQLite file with foreign keys on (as the desk opens it), migrated with the real list up
 * to `version`. A migration's test fills it as the previous version left it, then calls
 * `migrateTo` with its own version. The file is removed after the test file's tests.
 */
export function migratedTo(version: number): Database.Database {
  const dir = mkdtempSync(join(tmpdir(), 'desk-migration-'));
  const db = new Database(join(dir, 'desk.sqlite'));
  db.pragma('foreign_keys = ON');
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  migrateTo(db, version);
  return db;
}

/** Applies the real list's migrations after the file's current version, up to `version`. */
export function migrateTo(db: Database.Database, version: number): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) throw new Error(`There is no migration ${version}; the list ends at ${migrations.length}.`);
  for (const migration of migrations.filter((m) => m.version > current && m.version <= version)) migration.up(db);
  db.pragma(`user_version = ${version}`);
}
