import { errorMessage } from '../client/desk-client';
import { latestOnly } from './latest-only';
import { loadLatest, type Loadable } from './load-latest';

interface Row {
  id: number;
}

/** A page request: the newest `limit` rows, or those older than `beforeId`. */
export interface PageQuery {
  limit: number;
  beforeId?: number;
}

export interface Page<T> {
  entries: T[];
  hasMore: boolean;
}

/** A history shown newest first, a page at a time ("Load older" fetches the next one). */
export interface PagedList<T extends Row> extends Loadable {
  entries: T[];
  hasMore: boolean;
  loadingOlder: boolean;
  loadOlder(): Promise<void>;
}

export interface PagedListOptions<T> {
  pageSize: number;
  /** Asks the engine for a page with the store's current filter. */
  fetchPage(query: PageQuery): Promise<Page<T>>;
}

type Patch<T extends Row> = Partial<PagedList<T>>;
type Setter<T extends Row> = (patch: Patch<T> | ((s: PagedList<T>) => Patch<T>)) => void;

/** Newest first, no duplicates (a live entry may also come back in a page). */
export function mergeNewestFirst<T extends Row>(a: readonly T[], b: readonly T[]): T[] {
  const byId = new Map<number, T>();
  for (const entry of [...a, ...b]) byId.set(entry.id, entry);
  return [...byId.values()].sort((x, y) => y.id - x.id);
}

/**
 * The paging half of a history store (logs, audit), spread into its state. A new `load` (the
 * filter changed) makes an older page still on its way stale, so it cannot mix two filters.
 */
export function pagedList<T extends Row>(set: Setter<T>, get: () => PagedList<T>, { pageSize, fetchPage }: PagedListOptions<T>) {
  const requests = latestOnly();
  const firstPage = loadLatest(set, get, requests, () => fetchPage({ limit: pageSize }), (page) => ({
    entries: mergeNewestFirst([], page.entries),
    hasMore: page.hasMore,
  }));

  return {
    entries: [] as T[],
    hasMore: false,
    loaded: false,
    loading: false,
    loadingOlder: false,
    error: null,
    ...firstPage,
    async loadOlder() {
      const { entries, loadingOlder } = get();
      const oldest = entries[entries.length - 1];
      if (!oldest || loadingOlder) return;
      const fresh = requests.current();
      set({ loadingOlder: true, error: null });
      try {
        const page = await fetchPage({ limit: pageSize, beforeId: oldest.id });
        if (!fresh()) return;
        set((s) => ({
          entries: mergeNewestFirst(s.entries, page.entries),
          hasMore: page.hasMore,
          loadingOlder: false,
        }));
      } catch (error) {
        if (!fresh()) return;
        set({ loadingOlder: false, error: errorMessage(error) });
      }
    },
  } satisfies PagedList<T>;
}
