import { create } from 'zustand';
import type { OperatorRole, OperatorView } from '../../../../shared/domain/operators';
import { LOCAL_OPERATOR_ID } from '../../../../shared/domain/operators';
import type { EventPayload } from '../../../../shared/contract/index';
import { errorShape, type DeskClient } from '../../client/desk-client';

export type SessionEndReason = EventPayload<'operators.sessionEnded'>['reason'];

export interface MeState {
  /** Who this window is signed in as; null until the engine said (or when it cannot say). */
  me: OperatorView | null;
  /** The engine answered `operators.me` (or could not): the role shown is the one to go by. */
  settled: boolean;
  /** The hub session this window uses; null on the desktop or a headless admin link. */
  sessionId: string | null;
  /** Why the session ended; the shell then shows only the way back to the sign-in page. */
  ended: SessionEndReason | null;
  /** The person said "away": heartbeats say not attending whatever they do. */
  away: boolean;
  load(): Promise<void>;
  applyChanged(operators: readonly OperatorView[]): void;
  end(reason: SessionEndReason): void;
  setAway(away: boolean): void;
  signOut(): Promise<boolean>;
  signOutError: string | null;
  /** After the session ended: the hub's sign-in page. */
  signInAgain(): void;
  /** Tells the engine whether someone attends this window; presence comes back in `operators.changed`. */
  heartbeat(attending: boolean): Promise<void>;
}

/**
 * The operator the window acts as. Until the engine answers (or when it has no operators, as
 * an older engine) the window is the desk's own admin, which is what a one-person desk is; the
 * engine refuses anything the real role may not do, so this only decides what is shown.
 */
export function currentRole(me: OperatorView | null): OperatorRole {
  return me?.role ?? 'admin';
}

export function currentOperatorId(me: OperatorView | null): string {
  return me?.id ?? LOCAL_OPERATOR_ID;
}

export function createMeStore(client: DeskClient, goToSignIn: () => void) {
  return create<MeState>()((set, get) => ({
    me: null,
    settled: false,
    sessionId: null,
    ended: null,
    away: false,
    signOutError: null,
    async load() {
      try {
        const { operator, sessionId } = await client.call('operators.me', {});
        set({ me: operator, sessionId, settled: true });
      } catch {
        // Nothing to show: the window stays the desk's admin view and the engine decides.
        set({ settled: true });
      }
    },
    applyChanged(operators) {
      const id = get().me?.id;
      const mine = operators.find((o) => o.id === id);
      if (mine) set({ me: mine });
    },
    end(reason) {
      set({ ended: reason });
    },
    setAway(away) {
      set({ away });
    },
    signInAgain: goToSignIn,
    async heartbeat(attending) {
      try {
        const { presence } = await client.call('operators.heartbeat', { attending });
        const me = get().me;
        if (me && me.presence !== presence) set({ me: { ...me, presence } });
      } catch {
        // A missed beat is made up by the next one in 10 s; a lost session arrives as sessionEnded.
      }
    },
    async signOut() {
      set({ signOutError: null });
      try {
        await client.call('operators.signOut', {});
        goToSignIn();
        return true;
      } catch (error) {
        set({ signOutError: errorShape(error).message });
        return false;
      }
    },
  }));
}
