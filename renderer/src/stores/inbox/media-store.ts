import { create } from 'zustand';
import { errorMessage, type DeskClient } from '../../client/desk-client';
import { dataUrlToBlob } from './upload';

export type MediaEntry = { state: 'loading' } | { state: 'ready'; url: string; mimeType: string } | { state: 'error'; message: string };

export interface MediaState {
  /** Per message id: the file as a blob: URL once fetched. */
  entries: Record<number, MediaEntry>;
  /** The photo open full size, kept here so it survives its row leaving the virtual list. */
  viewing: { messageId: number; fileName: string; alt: string } | null;
  view(photo: { messageId: number; fileName: string; alt: string } | null): void;
  load(messageId: number): Promise<void>;
  /** Frees every blob URL (another chat opened): a long session must not pile up files in memory. */
  clear(): void;
}

export function createMediaStore(client: DeskClient) {
  return create<MediaState>()((set, get) => ({
    entries: {},
    viewing: null,
    view: (viewing) => set({ viewing }),
    async load(messageId) {
      const current = get().entries[messageId];
      if (current && current.state !== 'error') return;
      set((s) => ({ entries: { ...s.entries, [messageId]: { state: 'loading' } } }));
      try {
        const { dataUrl, mimeType } = await client.call('inbox.media', { messageId });
        // A data URL of a large file is slow to hand to <img>/<audio> repeatedly; a blob URL is cheap.
        const url = URL.createObjectURL(dataUrlToBlob(dataUrl, mimeType));
        if (get().entries[messageId]?.state !== 'loading') {
          URL.revokeObjectURL(url);
          return;
        }
        set((s) => ({ entries: { ...s.entries, [messageId]: { state: 'ready', url, mimeType } } }));
      } catch (error) {
        set((s) => ({ entries: { ...s.entries, [messageId]: { state: 'error', message: errorMessage(error) } } }));
      }
    },
    clear() {
      for (const entry of Object.values(get().entries)) if (entry.state === 'ready') URL.revokeObjectURL(entry.url);
      set({ entries: {}, viewing: null });
    },
  }));
}
