import { create } from 'zustand';
import type { ChatMessage, ConversationView } from '../../../../shared/domain/inbox';
import { errorMessage, type DeskClient } from '../../client/desk-client';
import { latestOnly } from '../latest-only';

export const MESSAGES_PAGE = 50;
/** How far back a search hit or a quoted reply may page to find its message. */
const REVEAL_MAX_PAGES = 40;

export interface ChatState {
  conversationId: number | null;
  /** Oldest first, as a chat reads. */
  messages: ChatMessage[];
  hasMore: boolean;
  loading: boolean;
  loadingOlder: boolean;
  error: string | null;
  /** A message to scroll to and light up; `seq` lets the same message be asked for twice. */
  focus: { messageId: number; seq: number } | null;
  /** A message that could not be found in the history that was paged. */
  focusMissing: boolean;
  /** Per message: an action on its way, and a refused retry or cancel. */
  busy: Record<number, true>;
  actionErrors: Record<number, string>;
  /** Earlier texts of edited messages, fetched when the operator asks. */
  edits: Record<number, EditsEntry>;
  open(conversationId: number, focusMessageId?: number): Promise<void>;
  /** Loads the page before the oldest loaded message; false when there was nothing to load. */
  loadOlder(): Promise<boolean>;
  /** Scrolls to a message, paging older history until it is loaded. */
  reveal(messageId: number): Promise<void>;
  applyMessages(messages: readonly ChatMessage[]): void;
  retry(message: ChatMessage): Promise<void>;
  cancel(message: ChatMessage): Promise<void>;
  loadEdits(messageId: number): Promise<void>;
  /** Marks the open chat read again (a message arrived while the operator was looking at it). */
  markRead(): Promise<void>;
}

export type EditsEntry = { state: 'loading' } | { state: 'ready'; versions: { text: string; editedAt: number }[] } | { state: 'error'; message: string };

const byTime = (a: ChatMessage, b: ChatMessage) => a.date - b.date || a.id - b.id;

/** Replaces known messages by id and places new ones in time order; a plain append stays O(k). */
function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const fresh = new Map(incoming.map((m) => [m.id, m]));
  const next = current.map((m) => {
    const replacement = fresh.get(m.id);
    if (!replacement) return m;
    fresh.delete(m.id);
    return replacement;
  });
  if (fresh.size === 0) return next;
  const added = [...fresh.values()].sort(byTime);
  const last = next[next.length - 1];
  if (!last || byTime(last, added[0]!) <= 0) return [...next, ...added];
  return [...next, ...added].sort(byTime);
}

function without<V>(record: Record<number, V>, id: number): Record<number, V> {
  const { [id]: _gone, ...rest } = record;
  return rest;
}

/**
 * The open chat. `onConversation` receives what markRead answers, so the list's unread badge
 * clears at once.
 */
export function createChatStore(client: DeskClient, onConversation: (c: ConversationView) => void) {
  // Opening another chat makes every answer for the previous one stale.
  const requests = latestOnly();
  let focusSeq = 0;
  // The chat whose read mark is on its way, so a burst of messages asks once.
  let marking: number | null = null;

  return create<ChatState>()((set, get) => {
    const outboxAction = async (message: ChatMessage, run: (outboxId: number) => Promise<ChatMessage>) => {
      if (message.outboxId === null) return;
      set((s) => ({ busy: { ...s.busy, [message.id]: true }, actionErrors: without(s.actionErrors, message.id) }));
      try {
        get().applyMessages([await run(message.outboxId)]);
      } catch (error) {
        set((s) => ({ actionErrors: { ...s.actionErrors, [message.id]: errorMessage(error) } }));
      } finally {
        set((s) => ({ busy: without(s.busy, message.id) }));
      }
    };

    return {
      conversationId: null,
      messages: [],
      hasMore: false,
      loading: false,
      loadingOlder: false,
      error: null,
      focus: null,
      focusMissing: false,
      busy: {},
      actionErrors: {},
      edits: {},
      async open(conversationId, focusMessageId) {
        const fresh = requests.next();
        set({ conversationId, messages: [], hasMore: false, loading: true, loadingOlder: false, error: null, focus: null, focusMissing: false, busy: {}, actionErrors: {}, edits: {} });
        void get().markRead();
        try {
          const page = await client.call('inbox.messages', { conversationId, limit: MESSAGES_PAGE });
          if (!fresh()) return;
          // Events that arrived during the request are already in `messages`; the page goes under them.
          set((s) => ({ messages: mergeMessages(page.messages, s.messages), hasMore: page.hasMore, loading: false }));
        } catch (error) {
          if (fresh()) set({ loading: false, error: errorMessage(error) });
          return;
        }
        if (focusMessageId !== undefined) await get().reveal(focusMessageId);
      },
      async loadOlder() {
        const { conversationId, messages, hasMore, loadingOlder, loading } = get();
        const oldest = messages[0];
        if (conversationId === null || !oldest || !hasMore || loadingOlder || loading) return false;
        const fresh = requests.current();
        set({ loadingOlder: true });
        try {
          const page = await client.call('inbox.messages', { conversationId, beforeId: oldest.id, limit: MESSAGES_PAGE });
          if (!fresh()) return false;
          set((s) => ({ messages: mergeMessages(s.messages, page.messages), hasMore: page.hasMore, loadingOlder: false }));
          return page.messages.length > 0;
        } catch (error) {
          if (fresh()) set({ loadingOlder: false, error: errorMessage(error) });
          return false;
        }
      },
      async reveal(messageId) {
        const fresh = requests.current();
        set({ focusMissing: false });
        for (let page = 0; page <= REVEAL_MAX_PAGES; page++) {
          if (!fresh()) return;
          if (get().messages.some((m) => m.id === messageId)) {
            set({ focus: { messageId, seq: ++focusSeq } });
            return;
          }
          // Another page may be on its way (the operator scrolled up); wait for it, then look again.
          while (get().loadingOlder) await new Promise((resolve) => setTimeout(resolve, 20));
          if (!get().hasMore) break;
          await get().loadOlder();
        }
        if (fresh()) set({ focusMissing: true });
      },
      applyMessages(incoming) {
        const { conversationId } = get();
        const mine = incoming.filter((m) => m.conversationId === conversationId);
        if (mine.length > 0) set((s) => ({ messages: mergeMessages(s.messages, mine) }));
      },
      retry: (message) => outboxAction(message, (outboxId) => client.call('inbox.retry', { outboxId })),
      cancel: (message) => outboxAction(message, (outboxId) => client.call('inbox.cancel', { outboxId })),
      async loadEdits(messageId) {
        const setEntry = (entry: EditsEntry) => set((s) => ({ edits: { ...s.edits, [messageId]: entry } }));
        setEntry({ state: 'loading' });
        try {
          setEntry({ state: 'ready', versions: (await client.call('inbox.edits', { messageId })).versions });
        } catch (error) {
          setEntry({ state: 'error', message: errorMessage(error) });
        }
      },
      async markRead() {
        const { conversationId } = get();
        if (conversationId === null || marking === conversationId) return;
        marking = conversationId;
        try {
          onConversation(await client.call('inbox.markRead', { conversationId }));
        } catch {
          // Not fatal: the badge stays and the next open tries again; the chat itself works.
        } finally {
          if (marking === conversationId) marking = null;
        }
      },
    };
  });
}
