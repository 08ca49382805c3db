import type { CsvFile } from '../../../shared/domain/logs';
import type { DeskClient } from '../client/desk-client';
import { downloadFile } from '../ui/download';
import { createAccountsStore } from './accounts-store';
import { createAuditStore } from './audit-store';
import { createBotsStore } from './bots-store';
import { createConnectionStore } from './connection-store';
import { createLogsStore } from './logs-store';
import { createNavigationStore } from './navigation-store';
import { createSandboxStore } from './sandbox-store';
import { createSettingsStore } from './settings-store';
import { createSignInStore } from './sign-in-store';
import { createSystemStore } from './system-store';
import { createHttpApiStore } from './http-api-store';
import type { AreaId } from '../app/areas';

export interface StoreOptions {
  /** How an exported file reaches the person; a browser download unless a test says otherwise. */
  saveFile?: (file: CsvFile) => void;
  initialArea?: AreaId;
  /** How the window starts over after `system.restarted`; a page reload unless a test says otherwise. */
  reloadWindow?: () => void;
}

export function createStores(client: DeskClient, options: StoreOptions = {}) {
  const saveFile = options.saveFile ?? ((file: CsvFile) => downloadFile(file));
  const reloadWindow = options.reloadWindow ?? (() => window.location.reload());
  // A finished sign-in lands in the list at once, without waiting for the engine's event.
  const useSignInStore = createSignInStore(client, (account) => useAccountsStore.getState().applyChanged(account));
  const useAccountsStore = createAccountsStore(client, (step) => useSignInStore.getState().resume(step));
  const stores = {
    useSettingsStore: createSettingsStore(client),
    useLogsStore: createLogsStore(client, saveFile),
    useAuditStore: createAuditStore(client, saveFile),
    useConnectionStore: createConnectionStore(client),
    useSystemStore: createSystemStore(client),
    useHttpApiStore: createHttpApiStore(client),
    useNavigationStore: createNavigationStore(options.initialArea),
    useSandboxStore: createSandboxStore(client),
    useAccountsStore,
    useBotsStore: createBotsStore(client),
    useSignInStore,
  };

  /**
   * Subscribes the stores to the engine's events and loads what the shell needs at once.
   * After a reconnect the window may have missed events, so it reloads what it shows.
   */
  function start(): () => void {
    const offs = [
      client.on('settings.changed', (value) => stores.useSettingsStore.getState().applyRemote(value)),
      client.on('logs.appended', ({ entries }) => stores.useLogsStore.getState().append(entries)),
      client.on('logs.auditAppended', ({ entries }) => stores.useAuditStore.getState().append(entries)),
      client.on('sandbox.activity', ({ items }) => stores.useSandboxStore.getState().append(items)),
      client.on('accounts.changed', (account) => stores.useAccountsStore.getState().applyChanged(account)),
      client.on('accounts.removed', ({ id }) => stores.useAccountsStore.getState().applyRemoved(id)),
      client.on('bots.changed', (bot) => stores.useBotsStore.getState().applyChanged(bot)),
      client.on('bots.removed', ({ id }) => stores.useBotsStore.getState().applyRemoved(id)),
      // The engine now serves other data (another workspace, a fresh sandbox): every store,
      // every page's local state (a selected person, an unsaved draft) and every store added
      // later would be stale. A full reload is the one way that cannot miss any of them, and
      // it happens only on a rare, deliberate operator action; the hash keeps the area.
      client.on('system.restarted', () => reloadWindow()),
    ];
    let wasConnected = client.connection.getState().status === 'connected';
    offs.push(
      client.connection.subscribe((state) => {
        const connected = state.status === 'connected';
        if (connected && !wasConnected) {
          void stores.useSettingsStore.getState().load();
          void stores.useSystemStore.getState().load();
          if (stores.useLogsStore.getState().loaded) void stores.useLogsStore.getState().load();
          if (stores.useAuditStore.getState().loaded) void stores.useAuditStore.getState().load();
          if (stores.useSandboxStore.getState().loaded) void stores.useSandboxStore.getState().load();
          if (stores.useAccountsStore.getState().loaded) void stores.useAccountsStore.getState().load();
          if (stores.useBotsStore.getState().loaded) void stores.useBotsStore.getState().load();
        }
        wasConnected = connected;
      }),
    );
    void stores.useSettingsStore.getState().load();
    void stores.useSystemStore.getState().load();
    return () => offs.forEach((off) => off());
  }

  return { ...stores, start };
}

export type Stores = ReturnType<typeof createStores>;
