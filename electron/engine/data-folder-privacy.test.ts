import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from './db/backup';
import { workspaceRoot } from './engine';
import { useTempDirs } from './test-support/temp-dir';
import { testEngine } from './test-support/test-engine';

const tempDir = useTempDirs();

/** Every folder and file under `dir` with its permission bits, e.g. `backups/x.sqlite 600`. */
function modes(dir: string): string[] {
  const found = [`. ${(statSync(dir).mode & 0o777).toString(8)}`];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      found.push(`${relative(dir, path)} ${(statSync(path).mode & 0o777).toString(8)}`);
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return found;
}

const notPrivate = (dir: string) => modes(dir).filter((line) => !/ (600|700)$/.test(line));

describe('the data folder is private to its owner', () => {
  it('keeps the folder 0700 and every file 0600 while running, after a backup and after stop', async () => {
    // The test process keeps the usual umask, so only the engine's own modes can make this pass.
    const dir = join(tempDir(), 'data');
    const { engine } = testEngine(dir);
    await engine.start();
    const root = workspaceRoot(dir, engine.workspace);
    expect(modes(dir)).toEqual(expect.arrayContaining(['. 700', 'sandbox 700', 'sandbox/desk.sqlite 600', 'sandbox/desk.sqlite-wal 600', 'sandbox/logs/desk.log 600']));
    backupDatabase(engine.db, join(root, 'backups'), { now: Date.now(), reason: 'manual', keep: 7 });
    expect(notPrivate(dir)).toEqual([]);
    await engine.stop();
    expect(modes(dir)).toEqual(expect.arrayContaining(['sandbox/sandbox-world.sqlite 600', 'sandbox/sandbox-world.ids.json 600']));
    expect(notPrivate(dir)).toEqual([]);
  });

  it('tightens a folder and files an earlier version left readable to others', async () => {
    const dir = join(tempDir(), 'data');
    const first = testEngine(dir).engine;
    await first.start();
    await first.stop();
    const root = join(dir, 'sandbox');
    for (const path of [dir, root, join(root, 'backups'), join(root, 'logs'), join(root, 'media')]) chmodSync(path, 0o755);
    for (const line of modes(dir)) {
      const path = join(dir, line.split(' ')[0]!);
      if (statSync(path).isFile()) chmodSync(path, 0o644);
    }
    writeFileSync(join(root, 'media', 'a'.repeat(64)), 'photo', { mode: 0o644 });
    expect(notPrivate(dir).length).toBeGreaterThan(5);

    const second = testEngine(dir).engine;
    await second.start();
    expect(notPrivate(dir)).toEqual([]);
    await second.stop();
  });
});
