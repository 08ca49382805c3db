import { create } from 'zustand';
import type { CannedReply } from '../../../../shared/domain/inbox';
import { errorMessage, type DeskClient } from '../../client/desk-client';

export interface CannedState {
  replies: CannedReply[];
  loaded: boolean;
  error: string | null;
  ensureLoaded(): Promise<void>;
  /** True when the engine kept it. */
  save(title: string, text: string): Promise<boolean>;
  remove(id: number): Promise<void>;
}

const byTitle = (a: CannedReply, b: CannedReply) => a.title.localeCompare(b.title);

export function createCannedStore(client: DeskClient) {
  let loading = false;
  return create<CannedState>()((set, get) => ({
    replies: [],
    loaded: false,
    error: null,
    async ensureLoaded() {
      if (get().loaded || loading) return;
      loading = true;
      try {
        const { replies } = await client.call('inbox.cannedReplies', {});
        set({ replies: [...replies].sort(byTitle), loaded: true, error: null });
      } catch (error) {
        set({ error: errorMessage(error) });
      } finally {
        loading = false;
      }
    },
    async save(title, text) {
      set({ error: null });
      try {
        const reply = await client.call('inbox.saveCannedReply', { title, text });
        set((s) => ({ replies: [...s.replies.filter((r) => r.id !== reply.id), reply].sort(byTitle) }));
        return true;
      } catch (error) {
        set({ error: errorMessage(error) });
        return false;
      }
    },
    async remove(id) {
      set({ error: null });
      try {
        await client.call('inbox.removeCannedReply', { id, confirm: true });
        set((s) => ({ replies: s.replies.filter((r) => r.id !== id) }));
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
  }));
}
