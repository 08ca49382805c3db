import { describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../shared/contract/result';
import type { AuditEntry, LogEntry } from '../../../shared/domain/logs';
import type { SandboxFeedItem, SandboxStatus } from '../../../shared/domain/sandbox';
import { createFakeClient } from '../test/fake-client';
import { handleShell, testSandboxStatus, testSettings } from '../test/fixtures';
import { createStores } from './create-stores';
import { SANDBOX_FEED_CAP } from './sandbox/sandbox-store';
import { parseFieldError } from './settings/settings-store';

function entry(id: number, overrides: Partial<LogEntry> = {}): LogEntry {
  return { id, at: 1_700_000_000_000 + id, level: 'info', scope: 'db', message: `message ${id}`, details: null, ...overrides };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('settings store', () => {
  it('loads settings with settings.get', async () => {
    const fake = createFakeClient();
    fake.handle('settings.get', () => testSettings({ language: 'ru' }));
    const stores = createStores(fake.client);
    await stores.useSettingsStore.getState().load();
    expect(fake.callsOf('settings.get')).toEqual([{}]);
    expect(stores.useSettingsStore.getState().value?.language).toBe('ru');
  });

  it('keeps a load error to show', async () => {
    const fake = createFakeClient();
    fake.handle('settings.get', () => {
      throw new DeskError('internal', 'disk on fire');
    });
    const stores = createStores(fake.client);
    await stores.useSettingsStore.getState().load();
    expect(stores.useSettingsStore.getState().loadError).toBe('disk on fire');
  });

  it('saves a patch and stores what the engine returned', async () => {
    const fake = createFakeClient();
    fake.handle('settings.update', () => testSettings({ theme: 'dark' }));
    const stores = createStores(fake.client);
    await expect(stores.useSettingsStore.getState().update({ theme: 'dark' })).resolves.toBe(true);
    expect(fake.callsOf('settings.update')).toEqual([{ theme: 'dark' }]);
    expect(stores.useSettingsStore.getState().value?.theme).toBe('dark');
  });

  it('names the field of an invalid_input error', async () => {
    const fake = createFakeClient();
    fake.handle('settings.update', () => {
      throw new DeskError('invalid_input', 'httpIntake.port: must be 1024 or higher');
    });
    const stores = createStores(fake.client);
    await expect(stores.useSettingsStore.getState().update({ httpIntake: { port: 80 } })).resolves.toBe(false);
    expect(stores.useSettingsStore.getState().saveError).toEqual({
      message: 'httpIntake.port: must be 1024 or higher',
      field: 'httpIntake.port',
      fieldMessage: 'must be 1024 or higher',
      onlyIssue: true,
    });
  });

  it('does not guess a field from other errors', () => {
    expect(parseFieldError('something: odd')).toMatchObject({ field: null, message: 'something: odd' });
    expect(parseFieldError('Unknown method "x".')).toMatchObject({ field: null });
    expect(parseFieldError('dataDir: must not be empty; theme: bad')).toEqual({
      message: 'dataDir: must not be empty; theme: bad',
      field: 'dataDir',
      fieldMessage: 'must not be empty',
      onlyIssue: false,
    });
  });

  it('follows settings.changed events once started', async () => {
    const fake = createFakeClient();
    handleShell(fake);
    const stores = createStores(fake.client);
    const stop = stores.start();
    await flush();
    fake.emit('settings.changed', testSettings({ language: 'ru' }));
    expect(stores.useSettingsStore.getState().value?.language).toBe('ru');
    stop();
    fake.emit('settings.changed', testSettings({ language: 'en' }));
    expect(stores.useSettingsStore.getState().value?.language).toBe('ru');
  });
});

describe('system and connection stores', () => {
  it('loads the status at start and reloads after a reconnect', async () => {
    const fake = createFakeClient();
    handleShell(fake);
    const stores = createStores(fake.client);
    stores.start();
    await flush();
    expect(stores.useSystemStore.getState().status?.mode).toBe('headless');
    expect(fake.callsOf('system.status')).toHaveLength(1);

    fake.setConnection({ status: 'reconnecting', attempt: 2 });
    expect(stores.useConnectionStore.getState().state).toEqual({ status: 'reconnecting', attempt: 2 });
    fake.setConnection({ status: 'connected' });
    await flush();
    expect(fake.callsOf('system.status')).toHaveLength(2);
    expect(fake.callsOf('settings.get')).toHaveLength(2);
  });
});

describe('logs store', () => {
  it('lists with the current filters and pages back with beforeId', async () => {
    const fake = createFakeClient();
    const list = vi.fn((input: { beforeId?: number }) =>
      input.beforeId ? { entries: [entry(1)], hasMore: false } : { entries: [entry(3), entry(2)], hasMore: true },
    );
    fake.handle('logs.list', list);
    const stores = createStores(fake.client);
    const logs = stores.useLogsStore;

    await logs.getState().setFilter({ minLevel: 'warn', text: '  flood ' });
    expect(fake.callsOf('logs.list')).toEqual([{ minLevel: 'warn', text: 'flood', limit: 100 }]);
    await logs.getState().loadOlder();
    expect(fake.callsOf('logs.list')[1]).toEqual({ minLevel: 'warn', text: 'flood', limit: 100, beforeId: 2 });
    expect(logs.getState().entries.map((e) => e.id)).toEqual([3, 2, 1]);
    expect(logs.getState().hasMore).toBe(false);
  });

  it('keeps only the newest answer when filters change quickly', async () => {
    const fake = createFakeClient();
    const resolvers: Array<(v: { entries: LogEntry[]; hasMore: boolean }) => void> = [];
    fake.handle('logs.list', () => new Promise((resolve) => resolvers.push(resolve)));
    const logs = createStores(fake.client).useLogsStore;
    const first = logs.getState().setFilter({ text: 'a' });
    const second = logs.getState().setFilter({ text: 'ab' });
    resolvers[1]!({ entries: [entry(9)], hasMore: false });
    resolvers[0]!({ entries: [entry(1)], hasMore: false });
    await Promise.all([first, second]);
    expect(logs.getState().entries.map((e) => e.id)).toEqual([9]);
  });

  it('tails appended entries that pass the filters', async () => {
    const fake = createFakeClient();
    fake.handle('logs.list', () => ({ entries: [entry(1, { level: 'error' })], hasMore: false }));
    const stores = createStores(fake.client);
    stores.start();
    await stores.useLogsStore.getState().setFilter({ minLevel: 'warn', text: 'disk' });
    fake.emit('logs.appended', {
      entries: [
        entry(2, { level: 'info', message: 'disk ok' }),
        entry(3, { level: 'error', message: 'Disk full' }),
        entry(4, { level: 'warn', message: 'slow', details: { device: 'disk0' } }),
        entry(5, { level: 'error', message: 'network' }),
      ],
    });
    expect(stores.useLogsStore.getState().entries.map((e) => e.id)).toEqual([4, 3, 1]);
  });

  it('exports with the current filters and hands the file to saveFile', async () => {
    const fake = createFakeClient();
    fake.handle('logs.list', () => ({ entries: [], hasMore: false }));
    fake.handle('logs.exportLogsCsv', () => ({ filename: 'logs.csv', content: 'a,b\n' }));
    const saveFile = vi.fn();
    const logs = createStores(fake.client, { saveFile }).useLogsStore;
    await logs.getState().setFilter({ minLevel: 'error' });
    await logs.getState().exportCsv();
    expect(fake.callsOf('logs.exportLogsCsv')).toEqual([{ minLevel: 'error' }]);
    expect(saveFile).toHaveBeenCalledWith({ filename: 'logs.csv', content: 'a,b\n' });
  });

  it('keeps an export error and saves nothing', async () => {
    const fake = createFakeClient();
    fake.handle('logs.exportLogsCsv', () => {
      throw new DeskError('internal', 'no space');
    });
    const saveFile = vi.fn();
    const logs = createStores(fake.client, { saveFile }).useLogsStore;
    await logs.getState().exportCsv();
    expect(saveFile).not.toHaveBeenCalled();
    expect(logs.getState().exportError).toBe('no space');
  });
});

describe('audit store', () => {
  it('lists, pages and exports with the text filter', async () => {
    const fake = createFakeClient();
    fake.handle('logs.audit', (input) => ({
      entries: input.beforeId
        ? []
        : [{ id: 7, at: 0, actor: 'operator:local', actorName: 'This desk', action: 'settings.update', target: null, details: null }],
      hasMore: !input.beforeId,
    }));
    fake.handle('logs.exportAuditCsv', () => ({ filename: 'audit.csv', content: '' }));
    const saveFile = vi.fn();
    const audit = createStores(fake.client, { saveFile }).useAuditStore;
    await audit.getState().setText('settings');
    await audit.getState().loadOlder();
    await audit.getState().exportCsv();
    expect(fake.callsOf('logs.audit')).toEqual([
      { text: 'settings', limit: 100 },
      { text: 'settings', limit: 100, beforeId: 7 },
    ]);
    expect(fake.callsOf('logs.exportAuditCsv')).toEqual([{ text: 'settings' }]);
    expect(saveFile).toHaveBeenCalledOnce();
  });

  const record = (id: number, action: string, target: string | null = null): AuditEntry => ({
    id,
    at: 1_700_000_000_000 + id,
    actor: 'operator:local',
    actorName: 'This desk',
    action,
    target,
    details: null,
  });

  it('shows audit records live, only those matching the text filter, without duplicates', async () => {
    const fake = createFakeClient();
    fake.handle('logs.audit', () => ({ entries: [record(1, 'settings.update', 'theme')], hasMore: false }));
    const stores = createStores(fake.client);
    stores.start();
    await stores.useAuditStore.getState().setText('settings');
    fake.emit('logs.auditAppended', { entries: [record(2, 'logs.export', 'logs'), record(3, 'settings.update', 'language')] });
    fake.emit('logs.auditAppended', { entries: [record(3, 'settings.update', 'language')] });
    expect(stores.useAuditStore.getState().entries.map((e) => e.id)).toEqual([3, 1]);
  });
});

describe('sandbox store', () => {
  const feedItem = (id: number): SandboxFeedItem => ({ id, at: id, kind: 'message', fromName: 'a', toName: 'b', text: String(id) });

  it('keeps live items that arrive while the status is loading, capped, newest first', async () => {
    const fake = createFakeClient();
    const stores = createStores(fake.client);
    stores.start();
    const sandbox = stores.useSandboxStore;
    // Before the console has loaded, live items are not kept: the load brings them.
    fake.emit('sandbox.activity', { items: [feedItem(1)] });
    fake.handle('sandbox.status', () => testSandboxStatus({ feed: [feedItem(5)] }));
    await sandbox.getState().ensureLoaded();
    expect(sandbox.getState().feed.map((i) => i.id)).toEqual([5]);

    let answer: (status: SandboxStatus) => void = () => {};
    fake.handle('sandbox.status', () => new Promise<SandboxStatus>((resolve) => (answer = resolve)));
    const reloading = sandbox.getState().load();
    fake.emit('sandbox.activity', { items: [feedItem(9)] });
    answer(testSandboxStatus({ feed: [feedItem(8), feedItem(7)] }));
    await reloading;
    expect(sandbox.getState().feed.map((i) => i.id)).toEqual([9, 8, 7, 5]);

    fake.emit('sandbox.activity', { items: Array.from({ length: SANDBOX_FEED_CAP }, (_, i) => feedItem(100 + i)) });
    expect(sandbox.getState().feed).toHaveLength(SANDBOX_FEED_CAP);
    expect(sandbox.getState().feed[0]!.id).toBe(100 + SANDBOX_FEED_CAP - 1);
  });

  it('reloads the console after a reconnect once it was shown', async () => {
    const fake = createFakeClient();
    handleShell(fake);
    fake.handle('sandbox.status', () => testSandboxStatus());
    const stores = createStores(fake.client);
    stores.start();
    await stores.useSandboxStore.getState().ensureLoaded();
    fake.setConnection({ status: 'offline' });
    fake.setConnection({ status: 'connected' });
    await flush();
    expect(fake.callsOf('sandbox.status')).toHaveLength(2);
  });
});
