import { create } from 'zustand';
import type { AuditEntry, CsvFile } from '../../../../shared/domain/logs';
import type { DeskClient } from '../../client/desk-client';
import { auditQuery, matchesAuditText } from './log-filter';
import { mergeNewestFirst, pagedList, type PagedList } from '../paged-list';
import { csvExport, type CsvExport } from '../csv-export';

export const AUDIT_PAGE_SIZE = 100;

export interface AuditState extends PagedList<AuditEntry>, CsvExport {
  text: string;
  setText(text: string): Promise<void>;
  /** Records announced live by the engine; kept only when they pass the current filter. */
  append(entries: readonly AuditEntry[]): void;
}

export function createAuditStore(client: DeskClient, saveFile: (file: CsvFile) => void) {
  return create<AuditState>()((set, get) => ({
    text: '',
    ...pagedList<AuditEntry>(set, get, {
      pageSize: AUDIT_PAGE_SIZE,
      fetchPage: (page) => client.call('logs.audit', { ...auditQuery(get().text), ...page }),
    }),
    ...csvExport(set, saveFile, () => client.call('logs.exportAuditCsv', auditQuery(get().text))),
    async setText(text) {
      set({ text });
      await get().load();
    },
    append(incoming) {
      const { loaded, text } = get();
      if (!loaded) return;
      const fresh = incoming.filter((entry) => matchesAuditText(entry, text));
      if (fresh.length > 0) set((st) => ({ entries: mergeNewestFirst(fresh, st.entries) }));
    },
  }));
}
