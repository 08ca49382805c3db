import type { Settings } from '../../../shared/domain/settings';
import type { SystemStatus } from '../../../shared/domain/system';
import type { FakeClient } from './fake-client';

export function testSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    language: 'en',
    theme: 'light',
    dataDir: '/tmp/desk-test',
    httpIntake: { enabled: false, port: 8080 },
    workspace: 'sandbox',
    ...overrides,
  };
}

export function testStatus(overrides: Partial<SystemStatus> = {}): SystemStatus {
  return {
    version: '0.0.0-test',
    mode: 'headless',
    startedAt: 0,
    dataDir: '/tmp/desk-test',
    workspace: 'sandbox',
    database: { path: '/tmp/desk-test/desk.db', schemaVersion: 1, lastBackupAt: null },
    ...overrides,
  };
}

/** The handlers the shell calls at start, answering like an engine with stored settings. */
export function handleShell(fake: FakeClient, settings: Settings = testSettings()) {
  let current = settings;
  fake.handle('settings.get', () => current);
  fake.handle('settings.update', (patch) => {
    current = {
      ...current,
      ...patch,
      httpIntake: { ...current.httpIntake, ...patch.httpIntake },
    } as Settings;
    return current;
  });
  fake.handle('system.status', () => testStatus());
  fake.handle('logs.list', () => ({ entries: [], hasMore: false }));
  fake.handle('logs.audit', () => ({ entries: [], hasMore: false }));
  return { current: () => current };
}
