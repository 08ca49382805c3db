import { errorMessage } from '../client/desk-client';
import type { LatestOnly } from './latest-only';

/** What a store that shows something fetched from the engine keeps about fetching it. */
export interface Loadable {
  loaded: boolean;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  /** Loads once; opening the page again (or React's dev double effects) does not refetch. */
  ensureLoaded(): Promise<void>;
}

/**
 * `load` and `ensureLoaded` for a store: only the newest request's answer is written (through
 * `apply`, which may merge it with what arrived live meanwhile), a failure is kept as `error`.
 * `requests` is the store's own, so its follow-ups (an older page) go stale with it.
 */
export function loadLatest<S extends Loadable, Answer, Patch extends object>(
  set: (patch: Partial<Loadable> | NoInfer<Patch>) => void,
  get: () => S,
  requests: LatestOnly,
  fetch: () => Promise<Answer>,
  apply: (answer: Answer, state: S) => Patch,
): Pick<Loadable, 'load' | 'ensureLoaded'> {
  return {
    async load() {
      const fresh = requests.next();
      set({ loading: true, error: null });
      try {
        const answer = await fetch();
        if (!fresh()) return;
        set({ ...apply(answer, get()), loaded: true, loading: false });
      } catch (error) {
        if (!fresh()) return;
        set({ loading: false, error: errorMessage(error) });
      }
    },
    async ensureLoaded() {
      const { loaded, loading } = get();
      if (!loaded && !loading) await get().load();
    },
  };
}
