import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/contract/index';
import type { SandboxStatus } from '../../shared/domain/sandbox';
import { latestVersion } from './db/open-database';
import { workspaceRoot } from './engine';
import { useTempDirs } from './test-support/temp-dir';
import { testEngine } from './test-support/test-engine';
import { until } from './test-support/until';

const tempDir = useTempDirs();
const tick = () => new Promise((r) => setImmediate(r));

/** Handles the engine may own: timers, sockets, files. Anything left after stop is a leak. */
function activeResources(): string[] {
  return process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'PipeWrap').sort();
}

/** Resources now alive that were not alive before (the test runner's own may come and go). */
function leakedSince(before: string[]): string[] {
  const left = [...before];
  return activeResources().filter((r) => {
    const i = left.indexOf(r);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
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
    expect(leakedSince(before)).toEqual([]);
    expect(await engine.dispatch('system.status', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    await engine.start();
    expect(await engine.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { language: 'ru' } });
    const audit = await engine.dispatch('logs.audit', {});
    expect(audit).toMatchObject({ ok: true, value: { entries: [{ actor: 'operator:local', action: 'settings.update', target: 'language' }] } });
    await engine.stop();
    await tick();
    expect(leakedSince(before)).toEqual([]);
  });

  it('reports its status and announces settings changes as batched events', async () => {
    const dir = tempDir();
    const { engine } = testEngine(dir);
    const batches: DeskEvent[][] = [];
    engine.subscribe((events) => batches.push(events));
    await engine.start();

    const status = await engine.dispatch('system.status', {});
    expect(status).toMatchObject({ ok: true, value: { mode: 'headless', dataDir: dir, database: { schemaVersion: latestVersion() } } });

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
    mkdirSync(workspaceRoot(dir, 'sandbox'));
    writeFileSync(join(workspaceRoot(dir, 'sandbox'), 'desk.sqlite'), 'this is not a database'.repeat(400));
    const { engine } = testEngine(dir);
    await expect(engine.start()).rejects.toThrow(/is damaged/);
    await engine.stop();
    expect(engine.running).toBe(false);
  });

  it('runs the sandbox until a workspace is chosen, and keeps the data of each workspace apart', async () => {
    const dir = tempDir();
    const { engine } = testEngine(dir);
    const batches: DeskEvent[][] = [];
    engine.subscribe((events) => batches.push(events));
    await engine.start();
    expect(engine.workspace).toBe('sandbox');
    expect(engine.db.name).toBe(join(dir, 'sandbox', 'desk.sqlite'));
    const sandbox = await engine.dispatch('sandbox.status', {});
    expect(sandbox).toMatchObject({ ok: true, value: { active: true, targets: expect.arrayContaining([expect.objectContaining({ kind: 'bot' })]) } });

    expect(await engine.dispatch('settings.update', { workspace: 'telegram' })).toMatchObject({ ok: true });
    await until(() => batches.flat().some((e) => e.type === 'system.restarted'), Boolean, 'the restart');
    expect(engine.workspace).toBe('telegram');
    expect(engine.db.name).toBe(join(dir, 'desk.sqlite'));
    expect(await engine.dispatch('sandbox.act', { personId: 1, action: 'join' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await engine.stop();
  });

  it('lets the operator act as a simulated person, and a reset wipes only the sandbox', async () => {
    const dir = tempDir();
    const { engine } = testEngine(dir);
    const batches: DeskEvent[][] = [];
    engine.subscribe((events) => batches.push(events));
    await engine.start();
    const status = (await engine.dispatch('sandbox.status', {})) as { value: { people: { id: number }[] } };
    const person = status.value.people[0]!.id;
    const acted = await engine.dispatch('sandbox.act', { personId: person, action: 'write', text: 'Привет из песочницы' });
    expect(acted).toMatchObject({ ok: true, value: { kind: 'message', fromName: 'Анна Смирнова', toName: 'Desk Operator', text: 'Привет из песочницы' } });
    await tick();
    expect(batches.flat().some((e) => e.type === 'sandbox.activity')).toBe(true);
    expect(await engine.dispatch('sandbox.act', { personId: person, action: 'join' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Telegram refused: USER_ALREADY_PARTICIPANT' },
    });

    writeFileSync(join(dir, 'real-data-marker'), 'keep me');
    await engine.dispatch('sandbox.reset', { confirm: true });
    await until(() => batches.flat().some((e) => e.type === 'system.restarted'), Boolean, 'the restart');
    const fresh = (await engine.dispatch('sandbox.status', {})) as { value: { feed: unknown[] } };
    expect(fresh.value.feed).toEqual([]);
    expect(existsSync(join(dir, 'real-data-marker'))).toBe(true);
    await engine.stop();
  });

  it('runs a sandbox bot in webhook mode: the sandbox delivers to the public address, which reaches the local API without its token', async () => {
    const { engine } = testEngine(tempDir());
    const batches: DeskEvent[][] = [];
    engine.subscribe((events) => batches.push(events));
    await engine.start();
    await engine.dispatch('settings.update', { httpIntake: { enabled: true, port: await freePort() } });
    const local = (await until(async () => ((await engine.dispatch('bots.endpoints', {})) as { value: { localWebhookBase: string | null } }).value.localWebhookBase, Boolean, 'the local webhook address'))!;
    expect(await engine.dispatch('bots.setEndpoints', { webhookBaseUrl: 'https://desk.example.org/' })).toMatchObject({ ok: true, value: { webhookBaseUrl: 'https://desk.example.org' } });
    const status = ((await engine.dispatch('sandbox.status', {})) as { value: SandboxStatus }).value;
    const bot = status.targets.find((t) => t.kind === 'bot')!;
    const added = (await engine.dispatch('bots.add', { token: bot.botToken!, mode: 'webhook' })) as { ok: true; value: { id: number } };
    expect(added.ok).toBe(true);
    await engine.dispatch('sandbox.act', { personId: status.people[0]!.id, targetId: bot.id, action: 'write', text: 'через вебхук' });
    await until(() => batches.flat().some((e) => e.type === 'messages.received' && e.payload.messages.some((m) => m.text === 'через вебхук')), Boolean, 'the message through the webhook');

    // Deliveries carry no API token (the secret header proves them); everything else still needs it.
    expect((await fetch(`${local}/api/health`)).status).toBe(401);
    const forged = await fetch(`${local}/telegram/bots/${added.value.id}/webhook`, { method: 'POST', body: '{"update_id":1}' });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: expect.stringContaining('X-Telegram-Bot-Api-Secret-Token') });
    await engine.stop();
  });

  it('refuses to start when a domain claims a method the engine itself handles, and undoes what it had set up', async () => {
    const dir = tempDir();
    const before = activeResources();
    const rogue = () => ({ name: 'rogue', handlers: { 'system.status': () => ({}) as never } });
    const { engine } = testEngine(dir, { extraDomains: [rogue] });
    await expect(engine.start()).rejects.toThrow('A domain claims methods the engine itself handles: system.status.');
    expect(engine.running).toBe(false);
    await until(() => leakedSince(before), (left) => left.length === 0, 'the failed start to close what it opened');
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

