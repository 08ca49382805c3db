import { create } from 'zustand';
import type { DeskErrorShape } from '../../../../shared/contract/result';
import type { SessionView } from '../../../../shared/domain/operators';
import { errorShape, type DeskClient } from '../../client/desk-client';
import { latestOnly } from '../latest-only';

export interface SessionsState {
  /** Whose sessions are shown: an operator's id, or undefined for the window's own operator. */
  operatorId: string | undefined;
  sessions: SessionView[];
  loaded: boolean;
  error: DeskErrorShape | null;
  load(operatorId?: string): Promise<void>;
  revoke(sessionId: string): Promise<boolean>;
}

/** The signed-in sessions of one operator, with a way to end any of them. */
export function createSessionsStore(client: DeskClient) {
  const requests = latestOnly();
  return create<SessionsState>()((set) => ({
    operatorId: undefined,
    sessions: [],
    loaded: false,
    error: null,
    async load(operatorId) {
      const fresh = requests.next();
      set({ operatorId, loaded: false, error: null, sessions: [] });
      try {
        const { sessions } = await client.call('operators.sessions', operatorId === undefined ? {} : { operatorId });
        if (fresh()) set({ sessions, loaded: true });
      } catch (error) {
        if (fresh()) set({ error: errorShape(error), loaded: true });
      }
    },
    async revoke(sessionId) {
      set({ error: null });
      try {
        await client.call('operators.revokeSession', { sessionId });
        set((s) => ({ sessions: s.sessions.filter((x) => x.id !== sessionId) }));
        return true;
      } catch (error) {
        set({ error: errorShape(error) });
        return false;
      }
    },
  }));
}
