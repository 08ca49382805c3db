import { create } from 'zustand';
import type { CsvFile, LogEntry } from '../../../../shared/domain/logs';
import { errorMessage, type DeskClient } from '../../client/desk-client';
import { logQuery, matchesLogFilter, mergeNewestFirst, type LogFilter } from './log-filter';
import { latestOnly } from '../latest-only';

export const LOG_PAGE_SIZE = 100;
/** The live tail keeps at most this many rows in memory; older ones are a "Load older" away. */
export const LOG_TAIL_CAP = 2000;

export interface LogsState {
  filter: LogFilter;
  entries: LogEntry[];
  hasMore: boolean;
  loaded: boolean;
  loading: boolean;
  loadingOlder: boolean;
  error: string | null;
  exporting: boolean;
  exportError: string | null;
  setFilter(patch: Partial<LogFilter>): Promise<void>;
  load(): Promise<void>;
  /** Loads once; opening the page again (or React's dev double effects) does not refetch. */
  ensureLoaded(): Promise<void>;
  loadOlder(): Promise<void>;
  exportCsv(): Promise<void>;
  append(entries: readonly LogEntry[]): void;
}

export function createLogsStore(client: DeskClient, saveFile: (file: CsvFile) => void) {
  // Fast filter changes cannot race: only the newest request writes its answer.
  const requests = latestOnly();

  return create<LogsState>()((set, get) => ({
    filter: { minLevel: 'debug', text: '' },
    entries: [],
    hasMore: false,
    loaded: false,
    loading: false,
    loadingOlder: false,
    error: null,
    exporting: false,
    exportError: null,
    async setFilter(patch) {
      set((s) => ({ filter: { ...s.filter, ...patch } }));
      await get().load();
    },
    async load() {
      const fresh = requests.next();
      set({ loading: true, error: null });
      try {
        const page = await client.call('logs.list', { ...logQuery(get().filter), limit: LOG_PAGE_SIZE });
        if (!fresh()) return;
        set({
          entries: mergeNewestFirst([], page.entries),
          hasMore: page.hasMore,
          loaded: true,
          loading: false,
        });
      } catch (error) {
        if (!fresh()) return;
        set({ loading: false, error: errorMessage(error) });
      }
    },
    async ensureLoaded() {
      const { loaded, loading } = get();
      if (!loaded && !loading) await get().load();
    },
    async loadOlder() {
      const { entries, loadingOlder, filter } = get();
      const oldest = entries[entries.length - 1];
      if (!oldest || loadingOlder) return;
      const fresh = requests.current();
      set({ loadingOlder: true, error: null });
      try {
        const page = await client.call('logs.list', {
          ...logQuery(filter),
          limit: LOG_PAGE_SIZE,
          beforeId: oldest.id,
        });
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
    async exportCsv() {
      set({ exporting: true, exportError: null });
      try {
        const file = await client.call('logs.exportLogsCsv', logQuery(get().filter));
        saveFile(file);
        set({ exporting: false });
      } catch (error) {
        set({ exporting: false, exportError: errorMessage(error) });
      }
    },
    append(incoming) {
      const { loaded, filter } = get();
      if (!loaded) return;
      const fresh = incoming.filter((entry) => matchesLogFilter(entry, filter));
      if (fresh.length === 0) return;
      set((s) => {
        const merged = mergeNewestFirst(fresh, s.entries);
        if (merged.length <= LOG_TAIL_CAP) return { entries: merged };
        return { entries: merged.slice(0, LOG_TAIL_CAP), hasMore: true };
      });
    },
  }));
}
