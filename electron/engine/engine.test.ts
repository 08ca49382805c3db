import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/contract/index';
import { useTempDirs } from './test-support/temp-dir';
import { testEngine } from './test-support/test-engine';

const tempDir = useTempDirs();
const tick = () => new Promise((r) => setImmediate(r));

/** Handles the engine may own: timers, sockets, files. Anything left after stop is a leak. */
function activeResources(): string[] {
  return process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'PipeWrap').sort();
}

describe('engine', () => {
  it('stops cleanly and starts again in the same process, keeping what was stored', async () => {
    const dir = tempDir();
    const { engine } = testEngine(dir);
    await tick();
    const before = activeResources();

    await engine.start();
    const db = engine.db;
    expect(await engine.dispatch('settings.update', { language: 'ru' })).toMatchObject({ ok: true });
    await engine.stop();
    await tick();
    expect(db.open).toBe(false);
    expect(engine.running).toBe(false);
    expect(activeResources()).toEqual(before);
    expect(await engine.dispatch('system.status', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    await engine.start();
    expect(await engine.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { language: 'ru' } });
    const audit = await engine.dispatch('logs.audit', {});
    expect(audit).toMatchObject({ ok: true, value: { entries: [{ actor: 'operator:local', action: 'settings.update', target: 'language' }] } });
    await engine.stop();
    await tick();
    expect(activeResources()).toEqual(before);
  });

  it('reports its status and announces settings changes as batched events', async () => {
    const dir = tempDir();
    const { engine } = testEngine(dir);
    const batches: DeskEvent[][] = [];
    engine.subscribe((events) => batches.push(events));
    await engine.start();

    const status = await engine.dispatch('system.status', {});
    expect(status).toMatchObject({ ok: true, value: { mode: 'headless', dataDir: dir, database: { schemaVersion: 1 } } });

    await engine.dispatch('settings.update', { theme: 'dark' });
    await engine.dispatch('settings.update', { httpIntake: { enabled: true } });
    await tick();
    const changes = batches.flat().filter((e) => e.type === 'settings.changed');
    expect(changes.map((e) => e.payload)).toMatchObject([{ theme: 'dark' }, { httpIntake: { enabled: true, port: 47821 } }]);
    await engine.stop();
  });

  it('stores its own log lines so the Logs page can read and export them', async () => {
    const { engine } = testEngine(tempDir());
    await engine.start();
    await tick();
    const listed = await engine.dispatch('logs.list', { text: 'engine started' });
    expect(listed).toMatchObject({ ok: true, value: { entries: [{ scope: 'engine', level: 'info' }] } });

    const csv = await engine.dispatch('logs.exportLogsCsv', { minLevel: 'info' });
    expect(csv.ok).toBe(true);
    const file = (csv as { value: { filename: string; content: string } }).value;
    expect(file.filename).toMatch(/^desk-logs-\d{8}-\d{4}\.csv$/);
    expect(file.content.split('\r\n')[0]).toBe('\uFEFFtime,level,scope,message,details');
    expect(file.content).toContain('engine started');
    await engine.stop();
  });

  it('refuses an unwritable data folder with a clear message and leaves nothing running', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), '');
    const { engine } = testEngine(join(dir, 'a-file', 'data'));
    await expect(engine.start()).rejects.toThrow(/The data folder .* cannot be written \(ENOTDIR\)/);
    expect(engine.running).toBe(false);
  });

  it('refuses a damaged database without touching it, and the engine can still be stopped', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'desk.sqlite'), 'this is not a database'.repeat(400));
    const { engine } = testEngine(dir);
    await expect(engine.start()).rejects.toThrow(/is damaged/);
    await engine.stop();
    expect(engine.running).toBe(false);
  });
});
