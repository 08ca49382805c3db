import type { AssignmentChange, OperatorView } from '../../../../shared/domain/operators';
import type { createBotsStore } from '../accounts/bots-store';
import { currentOperatorId, currentRole, type createMeStore } from '../operators/me-store';
import { storeModule } from '../store-module';
import { createCannedStore } from './canned-store';
import { createChatStore } from './chat-store';
import { createComposerStore } from './composer-store';
import { createConversationsStore } from './conversations-store';
import { createLabelsStore } from './labels-store';
import { createMediaStore } from './media-store';
import { createNotesStore } from './notes-store';
import { createQueuesStore } from './queues-store';
import { createSearchStore } from './search-store';

/** What the inbox reads from other domains: a bot's upload limit is its Bot API server's; whose "mine" is. */
interface InboxPeers {
  useBotsStore: ReturnType<typeof createBotsStore>;
  useMeStore: ReturnType<typeof createMeStore>;
}

/**
 * The conversations a change of hands takes away from this window: given to someone else, or
 * back in a queue this operator may not take from. An admin sees every conversation, so keeps all.
 */
export function noLongerVisible(changes: readonly AssignmentChange[], me: OperatorView | null): number[] {
  if (currentRole(me) === 'admin') return [];
  const id = currentOperatorId(me);
  const mayTake = (c: AssignmentChange) => me?.senders.some((s) => s.kind === c.sender.kind && s.id === c.sender.id) ?? false;
  return changes.filter((c) => c.to !== id && !(c.to === null && mayTake(c))).map((c) => c.conversationId);
}

export const inboxStores = storeModule({
  create: ({ client }, peers: () => InboxPeers) => {
    // What markRead and the outbox answer lands in the list and the chat at once, before the event.
    const useConversationsStore = createConversationsStore(client, () => currentOperatorId(peers().useMeStore.getState().me));
    const useChatStore = createChatStore(client, (c) => useConversationsStore.getState().applyChanged([c]));
    const useComposerStore = createComposerStore(client, (m) => useChatStore.getState().applyMessages([m]), async (conversationId) => {
      // A bot's limit is its Bot API server's; the bot list may not have been loaded yet.
      const { selected, items } = useConversationsStore.getState();
      const source = (selected?.id === conversationId ? selected : items.find((c) => c.id === conversationId))?.source;
      if (source?.kind !== 'bot') return null;
      const { useBotsStore } = peers();
      await useBotsStore.getState().ensureLoaded();
      return useBotsStore.getState().items.find((b) => b.id === source.id)?.fileLimits.uploadBytes ?? null;
    });
    const useMediaStore = createMediaStore(client);
    const useNotesStore = createNotesStore(client);

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

    // A conversation taken from the queue opens at once.
    const useQueuesStore = createQueuesStore(client, (c) => {
      useConversationsStore.getState().applyChanged([c]);
      openConversation(c.id);
    });

    /** Conversations changed hands: those no longer this window's leave its list. */
    function applyAssignments(changes: readonly AssignmentChange[]): void {
      const gone = noLongerVisible(changes, peers().useMeStore.getState().me);
      if (gone.length > 0) useConversationsStore.getState().drop(gone);
    }

    return {
      useConversationsStore,
      useQueuesStore,
      applyAssignments,
      useChatStore,
      useComposerStore,
      useMediaStore,
      useNotesStore,
      useSearchStore: createSearchStore(client),
      useLabelsStore: createLabelsStore(client),
      useCannedStore: createCannedStore(client),
      openConversation,
    };
  },
  events: (own) => ({
    'inbox.conversationsChanged': ({ conversations }) => {
      own.useConversationsStore.getState().applyChanged(conversations);
      // A message arrived in the chat the operator is looking at: it is read, as in Telegram.
      const open = own.useChatStore.getState().conversationId;
      if (document.visibilityState === 'visible' && conversations.some((c) => c.id === open && c.unreadCount > 0)) {
        void own.useChatStore.getState().markRead();
      }
    },
    'inbox.messagesChanged': ({ messages }) => own.useChatStore.getState().applyMessages(messages),
    'inbox.labelsChanged': ({ labels }) => own.useLabelsStore.getState().applyLabels(labels),
    'inbox.queuesChanged': ({ queues }) => own.useQueuesStore.getState().apply(queues),
    'inbox.assignmentChanged': ({ changes }) => own.applyAssignments(changes),
  }),
  reload: (own) => {
    if (own.useConversationsStore.getState().loaded) void own.useConversationsStore.getState().load();
    if (own.useLabelsStore.getState().loaded) void own.useLabelsStore.getState().load();
    if (own.useQueuesStore.getState().loaded) void own.useQueuesStore.getState().load();
    const open = own.useChatStore.getState().conversationId;
    if (open !== null) {
      void own.useChatStore.getState().open(open);
      void own.useNotesStore.getState().load(open);
    }
  },
});
