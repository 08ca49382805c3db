import { ACTIVE_WITHIN_MS, AWAY_WITHIN_MS, type Presence } from '../../../shared/domain/operators';
import type { Clock } from '../platform/clock';
import type { TeamPresence } from './team-ports';

/** `last_active_at` is written at most this often per operator: attended windows beat every 10 s. */
const PERSIST_ACTIVE_EVERY_MS = 60_000;

interface Seen {
  lastAttendingAt: number | null;
  lastHeartbeatAt: number | null;
  openWindows: number;
  /** What was last announced, so only changes are. */
  announced: Presence;
  persistedActiveAt: number | null;
}

export interface PresenceBoardDeps {
  clock: Clock;
  /** Operators never active in this run have been inactive since the engine started. */
  startedAt: number;
  onChange(operatorId: string, presence: Presence): void;
  persistLastActive(operatorId: string, at: number): void;
}

/**
 * Who is working now, from the heartbeats of their windows (the desk's own and the hub's).
 * Kept in memory: after a restart everyone is offline until a window of theirs speaks.
 */
export function createPresenceBoard(deps: PresenceBoardDeps) {
  const { clock } = deps;
  const seen = new Map<string, Seen>();

  const entry = (operatorId: string): Seen => {
    let found = seen.get(operatorId);
    if (!found) seen.set(operatorId, (found = { lastAttendingAt: null, lastHeartbeatAt: null, openWindows: 0, announced: 'offline', persistedActiveAt: null }));
    return found;
  };

  function presenceNow(state: Seen | undefined, now: number): Presence {
    if (!state) return 'offline';
    if (state.lastAttendingAt !== null && now - state.lastAttendingAt < ACTIVE_WITHIN_MS) return 'active';
    if (state.openWindows > 0 || (state.lastHeartbeatAt !== null && now - state.lastHeartbeatAt < AWAY_WITHIN_MS)) return 'away';
    return 'offline';
  }

  function evaluate(operatorId: string, state: Seen): Presence {
    const presence = presenceNow(state, clock.now());
    if (presence !== state.announced) {
      state.announced = presence;
      deps.onChange(operatorId, presence);
    }
    return presence;
  }

  const presence: TeamPresence = {
    presenceOf: (operatorId) => presenceNow(seen.get(operatorId), clock.now()),
    inactiveSince(operatorId) {
      const state = seen.get(operatorId);
      if (presenceNow(state, clock.now()) === 'active') return null;
      // Activity ends when the last attending heartbeat stops counting, not when the sweep noticed.
      return state?.lastAttendingAt != null ? state.lastAttendingAt + ACTIVE_WITHIN_MS : deps.startedAt;
    },
  };

  return {
    presence,
    heartbeat(operatorId: string, attending: boolean): Presence {
      const now = clock.now();
      const state = entry(operatorId);
      state.lastHeartbeatAt = now;
      if (attending) {
        state.lastAttendingAt = now;
        if (state.persistedActiveAt === null || now - state.persistedActiveAt >= PERSIST_ACTIVE_EVERY_MS) {
          state.persistedActiveAt = now;
          deps.persistLastActive(operatorId, now);
        }
      }
      return evaluate(operatorId, state);
    },
    /** An open hub window keeps its operator away rather than offline, however long it is idle. */
    windowOpened(operatorId: string): () => void {
      const state = entry(operatorId);
      state.openWindows += 1;
      evaluate(operatorId, state);
      let closed = false;
      return () => {
        // Closing twice, or after the operator was forgotten, changes nothing.
        if (closed || seen.get(operatorId) !== state) return;
        closed = true;
        state.openWindows -= 1;
        evaluate(operatorId, state);
      };
    },
    /** The last attended heartbeat in this run; null when none. */
    lastActiveAt: (operatorId: string): number | null => seen.get(operatorId)?.lastAttendingAt ?? null,
    /** Looks at everyone again: time alone turns active into away and away into offline. */
    sweep(): void {
      for (const [operatorId, state] of seen) evaluate(operatorId, state);
    },
    /** A removed operator's windows are closed with their sessions; nothing of theirs is announced again. */
    forget(operatorId: string): void {
      seen.delete(operatorId);
    },
  };
}

export type PresenceBoard = ReturnType<typeof createPresenceBoard>;
