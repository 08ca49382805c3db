import type { Database } from 'better-sqlite3';
import type { DomainHandlers } from '../../../shared/contract/index';
import { DeskError } from '../../../shared/contract/result';
import type { InviteLink, OperatorView } from '../../../shared/domain/operators';
import type { AuditRecord } from '../audit/audit-repo';
import type { CallContext } from '../contract/dispatcher';
import type { EventBus } from '../contract/event-bus';
import type { Clock } from '../platform/clock';
import type { DomainEventBus } from '../platform/domain-events';
import type { Sessions } from './hub-sessions';
import { createOperator, markRemoved, needOperator, openConversationCounts, setPasswordHash, updateOperator, type OperatorProfile } from './operators-repo';
import type { PresenceBoard } from './presence-board';
import { activeSession, activeSessionsOf, toSessionView } from './sessions-repo';
import type { TeamHub } from './team-ports';
import { writeTeamSettings } from './team-settings-repo';

export interface OperatorsHandlerContext {
  db: Database;
  clock: Clock;
  events: EventBus;
  domainEvents: DomainEventBus;
  audit(record: AuditRecord): void;
  hub(): TeamHub;
  sessions: Sessions;
  board: PresenceBoard;
  views(ids?: readonly string[]): OperatorView[];
  announceProfiles(operatorIds: string[]): void;
}

/** What the audit trail keeps of a profile: everything an admin set, nothing secret. */
const profileDetails = (profile: OperatorProfile) => ({
  name: profile.name,
  role: profile.role,
  languages: profile.languages.join(','),
  capacity: profile.capacity,
  autoAssign: profile.autoAssign,
  senders: profile.senders.map((s) => `${s.kind}:${s.id}`).join(','),
});

export function operatorsHandlers(ctx: OperatorsHandlerContext): DomainHandlers<'operators', CallContext> {
  const { db, clock, sessions } = ctx;

  const view = (id: string): OperatorView => {
    const [found] = ctx.views([id]);
    if (!found) throw new DeskError('not_found', `There is no operator ${id}.`);
    return found;
  };

  /** The token goes only into the link handed to the admin; the audit trail gets its expiry. */
  const invite = (operatorId: string, call: CallContext): InviteLink => {
    const issued = sessions.issueInvite(operatorId, call.actor);
    return { operatorId, url: ctx.hub().inviteUrl(issued.token), expiresAt: issued.expiresAt };
  };

  const teamState = (action: string, call: CallContext, state: ReturnType<TeamHub['state']>, details: AuditRecord['details'] = null) => {
    ctx.audit({ actor: call.actor, action, target: 'team', details });
    ctx.events.emit({ type: 'operators.teamChanged', payload: state });
    return state;
  };

  return {
    'operators.me': (_input, call) => ({ operator: view(call.actor), sessionId: call.sessionId }),

    'operators.list': (_input, call) => ({ operators: ctx.views().map((operator) => operatorAsSeenBy(operator, call.actor, call.role === 'admin')) }),

    'operators.invite': (profile, call) => {
      const id = createOperator(db, profile, clock.now());
      const link = invite(id, call);
      ctx.audit({ actor: call.actor, action: 'operators.invite', target: id, details: { ...profileDetails(profile), inviteExpiresAt: link.expiresAt } });
      ctx.announceProfiles([id]);
      return { operator: view(id), invite: link };
    },

    'operators.reinvite': ({ id }, call) => {
      needOperator(db, id);
      setPasswordHash(db, id, null);
      const ended = sessions.endAllOf(id, 'revoked');
      const link = invite(id, call);
      ctx.audit({ actor: call.actor, action: 'operators.reinvite', target: id, details: { sessionsEnded: ended, inviteExpiresAt: link.expiresAt } });
      ctx.announceProfiles([id]);
      return { operator: view(id), invite: link };
    },

    'operators.update': ({ id, profile }, call) => {
      updateOperator(db, id, profile);
      ctx.audit({ actor: call.actor, action: 'operators.update', target: id, details: profileDetails(profile) });
      ctx.announceProfiles([id]);
      return view(id);
    },

    'operators.remove': ({ id }, call) => {
      const openBefore = openConversationCounts(db).get(id) ?? 0;
      const row = markRemoved(db, id, clock.now());
      const ended = sessions.endAllOf(id, 'removed');
      ctx.board.forget(id);
      ctx.audit({ actor: call.actor, action: 'operators.remove', target: id, details: { name: row.name, sessionsEnded: ended, openConversations: openBefore } });
      // Assignment hears this synchronously and hands their open conversations back to the queue.
      ctx.domainEvents.emit('operators.removed', { operatorId: id });
      ctx.events.emit({ type: 'operators.removed', payload: { id } });
      return { removed: true, returnedToQueue: openBefore };
    },

    'operators.heartbeat': ({ attending }, call) => ({ presence: ctx.board.heartbeat(call.actor, attending) }),

    'operators.sessions': ({ operatorId }, call) => {
      const whose = operatorId ?? call.actor;
      if (whose !== call.actor && call.role !== 'admin') throw new DeskError('forbidden', 'An operator sees only their own sessions.');
      needOperator(db, whose);
      return { sessions: activeSessionsOf(db, whose).map((row) => toSessionView(row, call.sessionId)) };
    },

    'operators.revokeSession': ({ sessionId }, call) => {
      const session = activeSession(db, sessionId);
      // Someone else's session does not exist for an operator: the same answer as for a missing one.
      if (!session || (call.role !== 'admin' && session.operator_id !== call.actor)) throw new DeskError('not_found', `There is no signed-in session ${sessionId}.`);
      sessions.end(sessionId, 'revoked');
      ctx.audit({ actor: call.actor, action: 'operators.revokeSession', target: session.operator_id, details: { sessionId } });
      return { revoked: true };
    },

    'operators.signOut': (_input, call) => {
      if (call.sessionId === null) throw new DeskError('invalid_input', 'This window is the desk itself; it has no session to sign out of.');
      sessions.signOutSession(call.sessionId, call.actor);
      return { signedOut: true };
    },

    'operators.team': () => ctx.hub().state(),

    'operators.saveTeam': async (settings, call) => {
      writeTeamSettings(db, settings, clock.now());
      return teamState('operators.saveTeam', call, await ctx.hub().apply(settings), { ...settings });
    },

    'operators.renewCertificate': async (_input, call) => {
      const state = await ctx.hub().renewCertificate();
      return teamState('operators.renewCertificate', call, state, { fingerprint: state.fingerprint });
    },

    'operators.probeHub': async ({ url, fingerprint }) => ({ reachable: true, fingerprint: (await ctx.hub().probe(url, fingerprint)).fingerprint }),
  };
}

/**
 * Everyone sees who is on the team and how busy they are; which accounts and bots a colleague
 * works is an admin's business, so an operator sees only their own (in lists and in events).
 */
export function operatorAsSeenBy(operator: OperatorView, viewer: string, admin: boolean): OperatorView {
  return admin || operator.id === viewer ? operator : { ...operator, senders: [] };
}
