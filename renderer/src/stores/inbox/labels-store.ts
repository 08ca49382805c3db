import { create } from 'zustand';
import type { LabelView } from '../../../../shared/domain/inbox';
import { errorMessage, type DeskClient } from '../../client/desk-client';

export interface LabelsState {
  labels: LabelView[];
  loaded: boolean;
  error: string | null;
  ensureLoaded(): Promise<void>;
  load(): Promise<void>;
  /** The new label when the engine saved it, so the caller can put it on the conversation. */
  save(name: string, color: string): Promise<LabelView | null>;
}

export function createLabelsStore(client: DeskClient) {
  let loading = false;
  return create<LabelsState>()((set, get) => ({
    labels: [],
    loaded: false,
    error: null,
    async ensureLoaded() {
      if (!get().loaded && !loading) await get().load();
    },
    async load() {
      loading = true;
      try {
        const { labels } = await client.call('inbox.labels', {});
        set({ labels, loaded: true, error: null });
      } catch (error) {
        set({ error: errorMessage(error) });
      } finally {
        loading = false;
      }
    },
    async save(name, color) {
      set({ error: null });
      try {
        const label = await client.call('inbox.saveLabel', { name, color });
        set((s) => ({ labels: [...s.labels.filter((l) => l.id !== label.id), label].sort((a, b) => a.name.localeCompare(b.name)) }));
        return label;
      } catch (error) {
        set({ error: errorMessage(error) });
        return null;
      }
    },
  }));
}
