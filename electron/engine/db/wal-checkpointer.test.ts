import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { until } from '../test-support/until';
import { openDatabase } from './open-database';
import { startWalCheckpointer } from './wal-checkpointer';

const tempDir = useTempDirs();

const eventually = (check: () => boolean) => until(check, Boolean, 'the checkpoint thread to copy the WAL', 5_000);

describe('WAL checkpointer thread', () => {
  it('copies what the engine committed into the database file without the engine checkpointing', async () => {
    const dir = tempDir();
    const path = join(dir, 'desk.sqlite');
    const { db } = openDatabase({ path, backupsDir: join(dir, 'backups'), now: () => 0, keepBackups: 1 });
    db.pragma('wal_autocheckpoint = 0');
    const failures: string[] = [];
    const checkpointer = startWalCheckpointer(path, (m) => failures.push(m), { everyMs: 20, minWalBytes: 64 * 1024 });
    const insert = db.prepare("INSERT INTO meta (key, value) VALUES (?, 'x')");
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`key-${i}-${'p'.repeat(100)}`);
    })();
    const fileBefore = statSync(path).size;
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(64 * 1024);
    // The pages reach the main file only through the thread's checkpoint.
    await eventually(() => statSync(path).size > fileBefore);
    await checkpointer.stop();
    expect(failures).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM meta WHERE key LIKE ?').pluck().get('key-%')).toBe(5000);
    db.close();
  });

  it('stops cleanly even when it never had work, leaving no thread behind', async () => {
    const dir = tempDir();
    const path = join(dir, 'desk.sqlite');
    const { db } = openDatabase({ path, backupsDir: join(dir, 'backups'), now: () => 0, keepBackups: 1 });
    const checkpointer = startWalCheckpointer(path, () => undefined);
    await checkpointer.stop();
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Worker' || r === 'MessagePort')).toEqual([]);
    db.close();
  });
});
