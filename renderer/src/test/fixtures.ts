import { CLOUD_BOT_FILE_LIMITS } from '../../../shared/domain/bot-endpoints';
import type { AccountView, BotView } from '../../../shared/domain/connections';
import type { SandboxStatus } from '../../../shared/domain/sandbox';
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
    teamDesk: null,
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
    disk: { full: false, folder: '/tmp/desk-test' },
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

/** A small simulated world, shaped like the engine's `sandbox.status`. */
export function testSandboxStatus(overrides: Partial<SandboxStatus> = {}): SandboxStatus {
  return {
    active: true,
    botApiUrl: 'http://127.0.0.1:40123',
    people: [
      { id: 101, name: 'Anna Petrova', username: 'anna_p', phone: '+79990000101', addToGroups: 'everybody', inChannel: true, blockedBot: false },
      { id: 102, name: 'Boris Ivanov', username: null, phone: '+79990000102', addToGroups: 'nobody', inChannel: false, blockedBot: true },
    ],
    targets: [
      { id: 1, kind: 'account', name: 'Desk Account', username: 'desk_account', phone: '+79990000001', password: 'sandbox-2fa', lastCode: null, sessions: 0, botToken: null },
      { id: 2, kind: 'bot', name: 'Desk Bot', username: 'desk_bot', phone: null, password: null, lastCode: null, sessions: 0, botToken: null },
      { id: 3, kind: 'channel', name: 'Desk News', username: 'desk_news', phone: null, password: null, lastCode: null, sessions: 0, botToken: null },
      { id: 4, kind: 'group', name: 'Desk Chat', username: null, phone: null, password: null, lastCode: null, sessions: 0, botToken: null },
    ],
    feed: [{ id: 5, at: Date.UTC(2025, 0, 2, 3, 4, 5), kind: 'message', fromName: 'Anna Petrova', toName: 'Desk Bot', text: 'hello' }],
    autoActivity: { enabled: false, everySeconds: 5 },
    ...overrides,
  };
}

export function testAccount(overrides: Partial<AccountView> = {}): AccountView {
  return {
    id: 1,
    phone: '+79990000001',
    firstName: 'Desk',
    lastName: 'Account',
    username: 'desk_account',
    telegramUserId: 5001,
    ownApiCredentials: false,
    enabled: true,
    state: { status: 'online' },
    createdAt: Date.UTC(2025, 0, 1),
    ...overrides,
  };
}

export function testBot(overrides: Partial<BotView> = {}): BotView {
  return {
    id: 1,
    username: 'desk_bot',
    firstName: 'Desk Bot',
    telegramBotId: 7001,
    mode: 'polling',
    enabled: true,
    state: { status: 'online' },
    createdAt: Date.UTC(2025, 0, 1),
    apiServer: null,
    fileLimits: CLOUD_BOT_FILE_LIMITS,
    webhook: null,
    ...overrides,
  };
}

/** The list calls of the Accounts & bots page, answering with what the test gives. */
export function handleConnections(
  fake: FakeClient,
  { accounts = [], bots = [], apiId = 12345 }: { accounts?: AccountView[]; bots?: BotView[]; apiId?: number | null } = {},
) {
  fake.handle('accounts.list', () => ({ accounts, defaults: { apiId, hasApiHash: apiId !== null } }));
  fake.handle('bots.list', () => ({ bots }));
  fake.handle('outbox.benches', () => ({ benches: [] }));
  fake.handle('bots.endpoints', () => ({ webhookBaseUrl: null, apiServer: null, localWebhookBase: null }));
}
