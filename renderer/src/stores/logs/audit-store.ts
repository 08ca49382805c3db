import { create } from 'zustand';
import type { AuditEntry, CsvFile } from '../../../../shared/domain/logs';
import { errorMessage, type DeskClient } from '../../client/desk-client';
import { auditQuery, matchesAuditText, mergeNewestFirst } from './log-filter';
import { latestOnly } from '../latest-only';

export const AUDIT_PAGE_SIZE = 100;

export interface AuditState {
  text: string;
  entries: AuditEntry[];
  hasMore: boolean;
  loaded: boolean;
  loading: boolean;
  loadingOlder: boolean;
  error: string | null;
  exporting: boolean;
  exportError: string | null;
  setText(text: string): Promise<void>;
  load(): Promise<void>;
  /** Loads once; opening the page again (or React's dev double effects) does not refetch. */
  ensureLoaded(): Promise<void>;
  loadOlder(): Promise<void>;
  exportCsv(): Promise<void>;
  /** Records announced live by the engine; kept only when they pass the current filter. */
  append(entries: readonly AuditEntry[]): void;
}

export function createAuditStore(client: DeskClient, saveFile: (file: CsvFile) => void) {
  const requests = latestOnly();

  return create<AuditState>()((set, get) => ({
    text: '',
    entries: [],
    hasMore: false,
    loaded: false,
    loading: false,
    loadingOlder: false,
    error: null,
    exporting: false,
    exportError: null,
    async setText(text) {
      set({ text });
      await get().load();
    },
    async load() {
      const fresh = requests.next();
      set({ loading: true, error: null });
      try {
        const page = await client.call('logs.audit', { ...auditQuery(get().text), limit: AUDIT_PAGE_SIZE });
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
      const { entries, loadingOlder, text } = get();
      const oldest = entries[entries.length - 1];
      if (!oldest || loadingOlder) return;
      const fresh = requests.current();
      set({ loadingOlder: true, error: null });
      try {
        const page = await client.call('logs.audit', {
          ...auditQuery(text),
          limit: AUDIT_PAGE_SIZE,
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
        saveFile(await client.call('logs.exportAuditCsv', auditQuery(get().text)));
        set({ exporting: false });
      } catch (error) {
        set({ exporting: false, exportError: errorMessage(error) });
      }
    },
    append(incoming) {
      const { loaded, text } = get();
      if (!loaded) return;
      const fresh = incoming.filter((entry) => matchesAuditText(entry, text));
      if (fresh.length > 0) set((st) => ({ entries: mergeNewestFirst(fresh, st.entries) }));
    },
  }));
}
