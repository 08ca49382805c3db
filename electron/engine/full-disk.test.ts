import type * as nodeFs from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskEvent } from '../../shared/contract/index';
import { useTempDirs } from './test-support/temp-dir';
import { testEngine } from './test-support/test-engine';
import { until } from './test-support/until';

/**
 * A full disk without filling one: Node's own file writes fail with the error a full disk gives
 * (ENOSPC, same code, errno and message), and SQLite is held at its current size, where it
 * answers SQLITE_FULL exactly as on a full disk. Mounting a small filesystem would need root.
 */
const disk = vi.hoisted(() => ({ full: false }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof nodeFs>();
  const noSpace = (syscall: string) =>
    Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: 'ENOSPC', errno: -28, syscall });
  const whenFull =
    <A extends unknown[], R>(syscall: string, write: (...args: A) => R) =>
    (...args: A): R => {
      if (disk.full) throw noSpace(syscall);
      return write(...args);
    };
  const writes = {
    writeSync: whenFull('write', fs.writeSync),
    writeFileSync: whenFull('open', fs.writeFileSync),
    appendFileSync: whenFull('open', fs.appendFileSync),
  };
  return { ...fs, ...writes, default: { ...fs, ...writes } };
});

const tempDir = useTempDirs();
afterEach(() => {
  disk.full = false;
});
const BIG_TEXT = 'я'.repeat(4096); // 8 KB: needs pages the database does not have yet


describe('a full disk', () => {
  it('is a state the window sees, writes fail with that reason, nothing stored is damaged, and work resumes with space', async () => {
    const dir = tempDir();
    const { engine } = testEngine(dir);
    const events: DeskEvent[] = [];
    engine.subscribe((batch) => events.push(...batch));
    await engine.start();
    const kept = await engine.dispatch('inbox.saveCannedReply', { title: 'Kept', text: 'Stored before the disk filled up' });
    expect(kept).toMatchObject({ ok: true });

    const db = engine.db;
    // Migrations that rebuild tables leave free pages a new row could take without growing the file.
    db.exec('VACUUM');
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    disk.full = true;
    engine.logger.info({ scope: 'test' }, 'a line written to a full disk');
    await until(() => events.some((e) => e.type === 'system.disk'), Boolean, 'the full disk announced');
    expect(events.find((e) => e.type === 'system.disk')).toEqual({ type: 'system.disk', payload: { full: true, folder: dir } });
    expect(await engine.dispatch('system.status', {})).toMatchObject({ ok: true, value: { disk: { full: true, folder: dir } } });

    const diskFull = { ok: false, error: { code: 'disk_full', message: expect.stringContaining(`The disk holding ${dir} is full`) } };
    expect(await engine.dispatch('inbox.saveCannedReply', { title: 'Big', text: BIG_TEXT })).toEqual(diskFull);
    expect(await engine.dispatch('settings.update', { language: 'ru' })).toEqual(diskFull);
    // Reading goes on, and what was stored is whole.
    expect(await engine.dispatch('inbox.cannedReplies', {})).toMatchObject({ ok: true, value: { replies: [{ title: 'Kept' }] } });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');

    disk.full = false;
    db.pragma('max_page_count = 1073741823');
    expect(await engine.dispatch('inbox.saveCannedReply', { title: 'Big', text: BIG_TEXT })).toMatchObject({ ok: true });
    await until(() => events.filter((e) => e.type === 'system.disk').length === 2, Boolean, 'room announced again');
    expect(events.filter((e) => e.type === 'system.disk').at(-1)).toEqual({ type: 'system.disk', payload: { full: false, folder: dir } });
    expect(await engine.dispatch('settings.update', { language: 'ru' })).toMatchObject({ ok: true });
    engine.logger.info({ scope: 'test' }, 'a line written after space came back');
    await engine.stop();

    const lines = readFileSync(join(dir, 'sandbox', 'logs', 'desk.log'), 'utf8').trimEnd().split('\n');
    const messages = lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toContain('a line written after space came back');
    expect(messages.some((m) => /log lines? (was|were) not written while the disk was full/.test(m))).toBe(true);
    expect(messages).not.toContain('a line written to a full disk');
  });

  it('resumes by itself when nothing writes: the engine looks for space again', async () => {
    const dir = tempDir();
    const { engine } = testEngine(dir, { diskRecheckMs: 20 });
    const events: DeskEvent[] = [];
    engine.subscribe((batch) => events.push(...batch));
    await engine.start();
    disk.full = true;
    engine.logger.info({ scope: 'test' }, 'a line written to a full disk');
    await until(() => events.some((e) => e.type === 'system.disk'), Boolean, 'the full disk announced');
    disk.full = false;
    await until(() => events.filter((e) => e.type === 'system.disk').length === 2, Boolean, 'room announced again');
    expect(events.filter((e) => e.type === 'system.disk').at(-1)).toMatchObject({ payload: { full: false } });
    await engine.stop();
  });

  it('refuses to start on a full disk with a message that names the folder', async () => {
    const dir = join(tempDir(), 'data');
    disk.full = true;
    const { engine } = testEngine(dir);
    await expect(engine.start()).rejects.toThrow(`The disk holding ${dir} is full`);
    expect(engine.running).toBe(false);
  });
});
