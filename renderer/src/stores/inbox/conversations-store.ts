import { create } from 'zustand';
import type { ConversationStatus, ConversationView } from '../../../../shared/domain/inbox';
import type { ErrorCode } from '../../../../shared/contract/result';
import { errorMessage, errorShape, type DeskClient } from '../../client/desk-client';
import { mergeConversations, type ConversationFilter } from './conversation-order';
import { latestOnly } from '../latest-only';

/** Rows per request; the list loads further pages as the operator scrolls towards its end. */
export const CONVERSATIONS_PAGE = 200;

export interface ConversationsState {
  filter: ConversationFilter;
  /** The loaded part of the list, newest activity first. */
  items: ConversationView[];
  hasMore: boolean;
  loaded: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  selectedId: number | null;
  /** The open conversation, kept even when a filter hides its row (resolved while "open only"). */
  selected: ConversationView | null;
  /** A refused status, label or assignee change, shown in the sidebar. */
  actionError: string | null;
  /** Its code, so a refusal for the operator's role ('forbidden') is worded for people. */
  actionErrorCode: ErrorCode | null;
  load(): Promise<void>;
  ensureLoaded(): Promise<void>;
  loadMore(): Promise<void>;
  setFilter(patch: Partial<ConversationFilter>): Promise<void>;
  clearFilter(): Promise<void>;
  select(id: number | null): void;
  /** The id `delta` rows away from the selected one (the first row when nothing is selected). */
  neighbour(delta: number): number | null;
  applyChanged(conversations: readonly ConversationView[]): void;
  setStatus(id: number, status: ConversationStatus, snoozedUntil?: number): Promise<void>;
  setLabels(id: number, labelIds: number[]): Promise<void>;
  assign(id: number, operatorId: string | null): Promise<void>;
  /** Takes conversations that are no longer this operator's to see out of the list. */
  drop(ids: readonly number[]): void;
}

function withoutUndefined(filter: ConversationFilter): ConversationFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== false)) as ConversationFilter;
}

/** `me` is the operator the window acts as, asked anew each time (it arrives after the window starts). */
export function createConversationsStore(client: DeskClient, me: () => string) {
  // Only the newest first page (and pages after it) may write; a filter change asks anew.
  const requests = latestOnly();
  // Changes that arrive while the first page is on its way, replayed over its answer.
  let buffered: ConversationView[] | null = null;
  // Changes waiting to be merged into the list. A busy desk sends thousands of them in one
  // event batch; they are merged together once the batch has been delivered, since every merge
  // copies the whole loaded list and every store update wakes the list's subscribers.
  let unmerged: ConversationView[] = [];

  return create<ConversationsState>()((set, get) => {
    const act = async (run: () => Promise<ConversationView>) => {
      set({ actionError: null, actionErrorCode: null });
      try {
        get().applyChanged([await run()]);
      } catch (error) {
        set({ actionError: errorMessage(error), actionErrorCode: errorShape(error).code });
      }
    };

    const mergeUnmerged = () => {
      const changed = unmerged;
      unmerged = [];
      // Not loaded (a first page on its way): the changes wait in `buffered` for its answer.
      if (get().loaded) set((s) => ({ items: mergeConversations(s.items, changed, s.filter, !s.hasMore, me()) }));
    };

    return {
      filter: {},
      items: [],
      hasMore: false,
      loaded: false,
      loading: false,
      loadingMore: false,
      error: null,
      selectedId: null,
      selected: null,
      actionError: null,
      actionErrorCode: null,
      async load() {
        const fresh = requests.next();
        buffered = [];
        const filter = get().filter;
        set({ loading: true, error: null });
        try {
          const page = await client.call('inbox.conversations', { filter, limit: CONVERSATIONS_PAGE, offset: 0 });
          if (!fresh()) return;
          const replay = buffered ?? [];
          buffered = null;
          const hasMore = page.conversations.length < page.total;
          set({
            items: mergeConversations(page.conversations, replay, filter, !hasMore, me()),
            hasMore,
            loaded: true,
            loading: false,
          });
        } catch (error) {
          if (!fresh()) return;
          buffered = null;
          set({ loading: false, error: errorMessage(error) });
        }
      },
      async ensureLoaded() {
        const { loaded, loading } = get();
        if (!loaded && !loading) await get().load();
      },
      async loadMore() {
        const { hasMore, loadingMore, loading, items, filter } = get();
        if (!hasMore || loadingMore || loading) return;
        const fresh = requests.current();
        set({ loadingMore: true });
        try {
          // Live changes keep the loaded part equal to the engine's first rows, so its length
          // is the next offset; an overlap from a row that moved meanwhile is merged by id.
          const page = await client.call('inbox.conversations', { filter, limit: CONVERSATIONS_PAGE, offset: items.length });
          if (!fresh()) return;
          set((s) => {
            const next = mergeConversations(s.items, page.conversations, s.filter, true, me());
            return { items: next, hasMore: page.conversations.length > 0 && next.length < page.total, loadingMore: false };
          });
        } catch (error) {
          if (!fresh()) return;
          set({ loadingMore: false, error: errorMessage(error) });
        }
      },
      async setFilter(patch) {
        set((s) => ({ filter: withoutUndefined({ ...s.filter, ...patch }), items: [], loaded: false, hasMore: false }));
        await get().load();
      },
      async clearFilter() {
        set({ filter: {}, items: [], loaded: false, hasMore: false });
        await get().load();
      },
      select(id) {
        const { items, selected } = get();
        const found = id === null ? null : (items.find((c) => c.id === id) ?? (selected?.id === id ? selected : null));
        set({ selectedId: id, selected: found, actionError: null, actionErrorCode: null });
      },
      neighbour(delta) {
        const { items, selectedId } = get();
        if (items.length === 0) return null;
        const at = items.findIndex((c) => c.id === selectedId);
        if (at < 0) return items[0]!.id;
        return items[Math.min(items.length - 1, Math.max(0, at + delta))]!.id;
      },
      applyChanged(conversations) {
        buffered?.push(...conversations);
        const selected = conversations.findLast((c) => c.id === get().selectedId);
        if (selected) set({ selected });
        if (unmerged.length === 0) queueMicrotask(mergeUnmerged);
        unmerged = unmerged.concat(conversations);
      },
      setStatus: (id, status, snoozedUntil) =>
        act(() => client.call('inbox.setStatus', snoozedUntil === undefined ? { conversationId: id, status } : { conversationId: id, status, snoozedUntil })),
      setLabels: (id, labelIds) => act(() => client.call('inbox.setLabels', { conversationId: id, labelIds })),
      assign: (id, operatorId) => act(() => client.call('inbox.assign', { conversationId: id, operatorId })),
      drop(ids) {
        const gone = new Set(ids);
        // A change of the same batch still waiting to be merged must not bring it back.
        unmerged = unmerged.filter((c) => !gone.has(c.id));
        if (buffered) buffered = buffered.filter((c) => !gone.has(c.id));
        set((s) => ({
          items: s.items.filter((c) => !gone.has(c.id)),
          ...(s.selectedId !== null && gone.has(s.selectedId) ? { selectedId: null, selected: null } : {}),
        }));
      },
    };
  });
}
