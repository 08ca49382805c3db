import type { DomainHandlers } from '../../../shared/contract/index';
import type { OperatorView, Presence } from '../../../shared/domain/operators';
import type { CallContext } from '../contract/dispatcher';
import type { DomainContext } from '../domains/domain-module';
import { createSessions } from './hub-sessions';
import { operatorsHandlers } from './operators-handlers';
import { findOperator, listOperators, openConversationCounts, sendersOf, toOperatorView, writeLastActiveAt } from './operators-repo';
import { createPresenceBoard } from './presence-board';
import { createSignInThrottle } from './sign-in-throttle';
import type { HubSessions, TeamHub, TeamPresence } from './team-ports';
import { readTeamSettings } from './team-settings-repo';

/** How often presence is looked at again and sessions whose time is up are ended. */
export const SWEEP_MS = 5_000;

/** The engine's services a domain gets too, and the hub. */
export interface OperatorsDeps extends Pick<DomainContext, 'db' | 'clock' | 'logger' | 'scheduler' | 'events' | 'domainEvents' | 'audit'> {
  /** The team hub; a function, since the hub is built after (and from) this service's sessions. */
  hub(): TeamHub;
}

export interface OperatorsService {
  handlers: DomainHandlers<'operators', CallContext>;
  sessions: HubSessions;
  presence: TeamPresence;
  start(): void;
  stop(): void;
}

/**
 * The team: operator profiles, invites, hub sign-ins and who is working now. A platform
 * service like accounts and bots: the hub and the inbox's assignment are built on its ports.
 */
export function createOperatorsService(deps: OperatorsDeps): OperatorsService {
  const { db, clock, events, domainEvents } = deps;
  const log = deps.logger.child({ scope: 'operators' });
  const throttle = createSignInThrottle(clock);
  const sessions = createSessions({ db, clock, logger: deps.logger, audit: deps.audit, settings: () => readTeamSettings(db), throttle });
  const board = createPresenceBoard({
    clock,
    startedAt: clock.now(),
    onChange: (operatorId, presence) => announcePresence(operatorId, presence),
    persistLastActive: (operatorId, at) => writeLastActiveAt(db, operatorId, at),
  });

  /** Views of the operators named (everyone when none are), in the team's order. */
  function views(ids?: readonly string[]): OperatorView[] {
    const counts = openConversationCounts(db);
    return listOperators(db)
      .filter((row) => !ids || ids.includes(row.id))
      .map((row) =>
        toOperatorView(row, {
          presence: board.presence.presenceOf(row.id),
          lastActiveAt: board.lastActiveAt(row.id),
          openConversations: counts.get(row.id) ?? 0,
          senders: sendersOf(db, row.id),
        }),
      );
  }

  function announcePresence(operatorId: string, presence: Presence): void {
    if (!findOperator(db, operatorId)) return;
    domainEvents.emit('operators.presenceChanged', { operatorId, presence });
    events.emit({ type: 'operators.changed', payload: { operators: views([operatorId]) } });
  }

  function announceProfiles(operatorIds: string[]): void {
    domainEvents.emit('operators.profilesChanged', { operatorIds });
    events.emit({ type: 'operators.changed', payload: { operators: views(operatorIds) } });
  }

  let cancelSweep: (() => void) | null = null;
  function scheduleSweep(): void {
    cancelSweep = deps.scheduler.after(SWEEP_MS, () => {
      try {
        sessions.expireDue();
        board.sweep();
        throttle.prune();
      } catch (error) {
        log.error({ err: error }, 'the operators sweep failed; it runs again shortly');
      }
      scheduleSweep();
    });
  }

  return {
    handlers: operatorsHandlers({ db, clock, events, domainEvents, audit: deps.audit, hub: deps.hub, sessions, board, views, announceProfiles }),
    sessions: { ...sessions.sessions, windowOpened: board.windowOpened },
    presence: board.presence,
    start() {
      if (!cancelSweep) scheduleSweep();
    },
    stop() {
      cancelSweep?.();
      cancelSweep = null;
    },
  };
}
