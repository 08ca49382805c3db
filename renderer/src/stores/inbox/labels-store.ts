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
  /** True when the engine renamed (and recoloured) it; a clash of names is shown as the error. */
  rename(id: number, name: string, color: string): Promise<boolean>;
  /** How many conversations carry it, asked before deleting; null when the engine could not say. */
  usage(id: number): Promise<number | null>;
  /** True when the engine deleted it (from every conversation too). */
  remove(id: number): Promise<boolean>;
  /** The engine's `labelsChanged`: another window (or this one) changed the list. */
  applyLabels(labels: LabelView[]): void;
  clearError(): void;
}

const byName = (a: LabelView, b: LabelView) => a.name.localeCompare(b.name);

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
        set((s) => ({ labels: [...s.labels.filter((l) => l.id !== label.id), label].sort(byName) }));
        return label;
      } catch (error) {
        set({ error: errorMessage(error) });
        return null;
      }
    },
    async rename(id, name, color) {
      set({ error: null });
      try {
        const label = await client.call('inbox.saveLabel', { id, name, color });
        set((s) => ({ labels: s.labels.map((l) => (l.id === id ? label : l)).sort(byName) }));
        return true;
      } catch (error) {
        set({ error: errorMessage(error) });
        return false;
      }
    },
    async usage(id) {
      try {
        return (await client.call('inbox.labelUsage', { id })).conversations;
      } catch (error) {
        set({ error: errorMessage(error) });
        return null;
      }
    },
    async remove(id) {
      set({ error: null });
      try {
        await client.call('inbox.removeLabel', { id, confirm: true });
        set((s) => ({ labels: s.labels.filter((l) => l.id !== id) }));
        return true;
      } catch (error) {
        set({ error: errorMessage(error) });
        return false;
      }
    },
    applyLabels(labels) {
      set({ labels: [...labels].sort(byName), loaded: true });
    },
    clearError() {
      set({ error: null });
    },
  }));
}
