import { create } from 'zustand';
import type { SearchHit } from '../../../../shared/domain/inbox';
import { errorMessage, type DeskClient } from '../../client/desk-client';
import { latestOnly } from '../latest-only';

export interface SearchState {
  query: string;
  hits: SearchHit[];
  /** The query the hits answer, so "nothing found" never shows for a query still on its way. */
  answered: string | null;
  loading: boolean;
  error: string | null;
  setQuery(query: string): void;
  search(): Promise<void>;
  clear(): void;
}

export function createSearchStore(client: DeskClient) {
  const requests = latestOnly();
  return create<SearchState>()((set, get) => ({
    query: '',
    hits: [],
    answered: null,
    loading: false,
    error: null,
    setQuery: (query) => set({ query }),
    async search() {
      const query = get().query.trim();
      const fresh = requests.next();
      if (query === '') {
        set({ hits: [], answered: null, loading: false, error: null });
        return;
      }
      set({ loading: true, error: null });
      try {
        const { hits } = await client.call('inbox.search', { query });
        if (fresh()) set({ hits, answered: query, loading: false });
      } catch (error) {
        if (fresh()) set({ loading: false, error: errorMessage(error) });
      }
    },
    clear() {
      requests.discard();
      set({ query: '', hits: [], answered: null, loading: false, error: null });
    },
  }));
}
