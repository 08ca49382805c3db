import { create } from 'zustand';
import type { NoteView } from '../../../../shared/domain/inbox';
import { errorMessage, type DeskClient } from '../../client/desk-client';
import { latestOnly } from '../latest-only';

export interface NotesState {
  conversationId: number | null;
  /** Oldest first, like the chat. */
  notes: NoteView[];
  loading: boolean;
  adding: boolean;
  error: string | null;
  load(conversationId: number): Promise<void>;
  /** True when the engine kept the note, so the field can clear. */
  add(conversationId: number, text: string): Promise<boolean>;
}

export function createNotesStore(client: DeskClient) {
  const requests = latestOnly();
  return create<NotesState>()((set, get) => ({
    conversationId: null,
    notes: [],
    loading: false,
    adding: false,
    error: null,
    async load(conversationId) {
      const fresh = requests.next();
      set({ conversationId, notes: [], loading: true, error: null });
      try {
        const { notes } = await client.call('inbox.notes', { conversationId });
        if (fresh()) set({ notes, loading: false });
      } catch (error) {
        if (fresh()) set({ loading: false, error: errorMessage(error) });
      }
    },
    async add(conversationId, text) {
      set({ adding: true, error: null });
      try {
        const note = await client.call('inbox.addNote', { conversationId, text });
        if (get().conversationId === conversationId) set((s) => ({ notes: [...s.notes, note] }));
        set({ adding: false });
        return true;
      } catch (error) {
        set({ adding: false, error: errorMessage(error) });
        return false;
      }
    },
  }));
}
