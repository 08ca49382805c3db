import type { CsvFile } from '../../../shared/domain/logs';
import type { DeskClient } from '../client/desk-client';
import { downloadFile } from '../ui/download';
import { createAccountsStore } from './accounts-store';
import { createAuditStore } from './audit-store';
import { createBotEndpointsStore } from './bot-endpoints-store';
import { createBotsStore } from './bots-store';
import { createConnectionStore } from './connection-store';
import { createLogsStore } from './logs-store';
import { createNavigationStore } from './navigation-store';
import { createSandboxStore } from './sandbox-store';
import { createSettingsStore } from './settings-store';
import { createSignInStore } from './sign-in-store';
import { createSystemStore } from './system-store';
import { createHttpApiStore } from './http-api-store';
import { createDailyCapsStore } from './daily-caps-store';
import { createBotFlowsStore } from './bot-flows-store';
import type { AreaId } from '../app/areas';
import { createCannedStore } from './inbox/canned-store';
import { createChatStore } from './inbox/chat-store';
import { createComposerStore } from './inbox/composer-store';
import { createConversationsStore } from './inbox/conversations-store';
import { createLabelsStore } from './inbox/labels-store';
import { createMediaStore } from './inbox/media-store';
import { createNotesStore } from './inbox/notes-store';
import { createSearchStore } from './inbox/search-store';

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
  // What markRead and the outbox answer lands in the list and the chat at once, before the event.
  const useConversationsStore = createConversationsStore(client);
  const useChatStore = createChatStore(client, (c) => useConversationsStore.getState().applyChanged([c]));
  const useBotsStore = createBotsStore(client);
  const useComposerStore = createComposerStore(client, (m) => useChatStore.getState().applyMessages([m]), async (conversationId) => {
    // A bot's limit is its Bot API server's; the bot list may not have been loaded yet.
    const { selected, items } = useConversationsStore.getState();
    const source = (selected?.id === conversationId ? selected : items.find((c) => c.id === conversationId))?.source;
    if (source?.kind !== 'bot') return null;
    await useBotsStore.getState().ensureLoaded();
    return useBotsStore.getState().items.find((b) => b.id === source.id)?.fileLimits.uploadBytes ?? null;
  });
  const useMediaStore = createMediaStore(client);
  const useNotesStore = createNotesStore(client);
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
    useDailyCapsStore: createDailyCapsStore(client),
    useBotsStore,
    useBotEndpointsStore: createBotEndpointsStore(client),
    useSignInStore,
    useConversationsStore,
    useChatStore,
    useComposerStore,
    useMediaStore,
    useNotesStore,
    useSearchStore: createSearchStore(client),
    useLabelsStore: createLabelsStore(client),
    useCannedStore: createCannedStore(client),
    useBotFlowsStore: createBotFlowsStore(client),
  };

  /** Opens a chat (optionally at a message): the list's selection, its history, its notes. */
  function openConversation(id: number, focusMessageId?: number): void {
    useConversationsStore.getState().select(id);
    if (useChatStore.getState().conversationId === id) {
      if (focusMessageId !== undefined) void useChatStore.getState().reveal(focusMessageId);
      return;
    }
    useMediaStore.getState().clear();
    void useChatStore.getState().open(id, focusMessageId);
    void useNotesStore.getState().load(id);
  }

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
      client.on('bots.endpointsChanged', (value) => stores.useBotEndpointsStore.getState().applyRemote(value)),
      client.on('inbox.conversationsChanged', ({ conversations }) => {
        useConversationsStore.getState().applyChanged(conversations);
        // A message arrived in the chat the operator is looking at: it is read, as in Telegram.
        const open = useChatStore.getState().conversationId;
        if (document.visibilityState === 'visible' && conversations.some((c) => c.id === open && c.unreadCount > 0)) {
          void useChatStore.getState().markRead();
        }
      }),
      client.on('inbox.messagesChanged', ({ messages }) => useChatStore.getState().applyMessages(messages)),
      client.on('inbox.labelsChanged', ({ labels }) => stores.useLabelsStore.getState().applyLabels(labels)),
      client.on('outbox.benchChanged', ({ accountId, bench }) => stores.useAccountsStore.getState().applyBench(accountId, bench)),
      // The engine now serves other data (another workspace, a fresh sandbox): every store,
      // every page's local state (a selected person, an unsaved draft) and every store added
      // later would be stale. A full reload is the one way that cannot miss any of them, and
      // it happens only on a rare, deliberate operator action; the hash keeps the area.
      client.on('system.restarted', () => reloadWindow()),
      client.on('system.disk', (disk) => stores.useSystemStore.getState().applyDisk(disk)),
      client.on('botFlows.rolesChanged', (view) => stores.useBotFlowsStore.getState().applyRoles(view)),
      client.on('botFlows.textChanged', (view) => stores.useBotFlowsStore.getState().applyText(view)),
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
          if (stores.useBotEndpointsStore.getState().value) void stores.useBotEndpointsStore.getState().load();
          if (useConversationsStore.getState().loaded) void useConversationsStore.getState().load();
          if (stores.useLabelsStore.getState().loaded) void stores.useLabelsStore.getState().load();
          stores.useBotFlowsStore.getState().reload();
          const open = useChatStore.getState().conversationId;
          if (open !== null) {
            void useChatStore.getState().open(open);
            void useNotesStore.getState().load(open);
          }
        }
        wasConnected = connected;
      }),
    );
    void stores.useSettingsStore.getState().load();
    void stores.useSystemStore.getState().load();
    return () => offs.forEach((off) => off());
  }

  return { ...stores, openConversation, start };
}

export type Stores = ReturnType<typeof createStores>;
