import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock';
import { useTempDirs } from '../test-support/temp-dir';
import { backupDatabase, listBackups } from './backup';
import { createBackupSchedule } from './backup-schedule';

const tempDir = useTempDirs();
const HOUR = 3_600_000;

function liveDb(dir: string) {
  const db = new Database(join(dir, 'live.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (v TEXT)');
  db.prepare("INSERT INTO t VALUES ('hello')").run();
  return db;
}

describe('backups', () => {
  it('writes a readable copy and keeps only the newest few', () => {
    const dir = tempDir();
    const db = liveDb(dir);
    const backups = join(dir, 'backups');
    for (let i = 0; i < 5; i++) backupDatabase(db, backups, { now: Date.UTC(2026, 0, 1 + i), reason: 'daily', keep: 3 });

    const kept = listBackups(backups);
    expect(kept.map((b) => new Date(b.at).getUTCDate())).toEqual([3, 4, 5]);
    const copy = new Database(kept[2]!.file, { readonly: true });
    expect(copy.prepare('SELECT v FROM t').pluck().get()).toBe('hello');
    copy.close();
    db.close();
  });

  it('leaves no half-made copy behind when a backup fails, so it cannot pass for the latest', () => {
    const dir = tempDir();
    const db = liveDb(dir);
    const backups = join(dir, 'backups');
    backupDatabase(db, backups, { now: Date.UTC(2026, 0, 1), reason: 'daily', keep: 3 });
    db.exec('BEGIN'); // SQLite refuses VACUUM INTO inside a transaction, after the copy's file exists
    expect(() => backupDatabase(db, backups, { now: Date.UTC(2026, 0, 2), reason: 'daily', keep: 3 })).toThrow(/transaction/);
    db.exec('ROLLBACK');
    expect(listBackups(backups).map((b) => new Date(b.at).getUTCDate())).toEqual([1]);
  });

  it('takes a daily backup only when the last one is a day old', () => {
    const dir = tempDir();
    const db = liveDb(dir);
    const clock = manualClock(Date.UTC(2026, 5, 1, 10));
    const schedule = createBackupSchedule({ db, dir: join(dir, 'backups'), keep: 7, clock, logger: pino({ level: 'silent' }) });

    expect(schedule.runIfDue()).toBe(true);
    clock.advance(23 * HOUR);
    expect(schedule.runIfDue()).toBe(false);
    clock.advance(HOUR);
    expect(schedule.runIfDue()).toBe(true);
    expect(listBackups(join(dir, 'backups'))).toHaveLength(2);
    expect(schedule.lastBackupAt()).toBe(clock.now());
    db.close();
  });
});
