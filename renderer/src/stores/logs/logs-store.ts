import { create } from 'zustand';
import type { CsvFile, LogEntry } from '../../../../shared/domain/logs';
import type { DeskClient } from '../../client/desk-client';
import { logQuery, matchesLogFilter, type LogFilter } from './log-filter';
import { mergeNewestFirst, pagedList, type PagedList } from '../paged-list';
import { csvExport, type CsvExport } from '../csv-export';

export const LOG_PAGE_SIZE = 100;
/** The live tail keeps at most this many rows in memory; older ones are a "Load older" away. */
export const LOG_TAIL_CAP = 2000;

export interface LogsState extends PagedList<LogEntry>, CsvExport {
  filter: LogFilter;
  setFilter(patch: Partial<LogFilter>): Promise<void>;
  append(entries: readonly LogEntry[]): void;
}

export function createLogsStore(client: DeskClient, saveFile: (file: CsvFile) => void) {
  return create<LogsState>()((set, get) => ({
    filter: { minLevel: 'debug', text: '' },
    ...pagedList<LogEntry>(set, get, {
      pageSize: LOG_PAGE_SIZE,
      fetchPage: (page) => client.call('logs.list', { ...logQuery(get().filter), ...page }),
    }),
    ...csvExport(set, saveFile, () => client.call('logs.exportLogsCsv', logQuery(get().filter))),
    async setFilter(patch) {
      set((s) => ({ filter: { ...s.filter, ...patch } }));
      await get().load();
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
