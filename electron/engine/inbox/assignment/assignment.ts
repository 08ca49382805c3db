import type { Database } from 'better-sqlite3';
import { DeskError } from '../../../../shared/contract/result';
import type { AssignmentChange, QueueView, SenderRef } from '../../../../shared/domain/operators';
import type { AuditRecord } from '../../audit/audit-repo';
import type { CallContext } from '../../contract/dispatcher';
import type { EventBus } from '../../contract/event-bus';
import type { Logger } from '../../logging/logger';
import type { TeamPresence } from '../../operators/team-ports';
import { readTeamSettings } from '../../operators/team-settings-repo';
import type { Clock } from '../../platform/clock';
import type { DomainEventBus } from '../../platform/domain-events';
import type { Scheduler } from '../../platform/scheduler';
import { cachedStatement } from '../../db/statements';
import { anyQueued, assignQueued, assignThese, type MadeChange } from './assigner';
import { assignByHand, needOperator, refuseIfFull } from './manual-assign';
import { loadPool, operatorMayWork, senderKey } from './operator-pool';
import { longestWaiting, queueViews, workableSenders } from './queues';
import { dueForReturn, returnAllOpen, returnUnanswered } from './returns';

export interface AssignmentDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  domainEvents: DomainEventBus;
  scheduler: Scheduler;
  presence: TeamPresence;
  audit(record: AuditRecord): void;
  /** Tells the windows these conversations changed (the inbox's own views). */
  conversationsChanged(ids: number[]): void;
}

/** The sweep looks again at least this often (queues a missed event left, returns that came due). */
export const SWEEP_MS = 60_000;
/** Put-backs remembered at most (the oldest are forgotten first). */
const DECLINED_KEPT = 10_000;
/** Queue lengths are counted and sent at most this often: under a thousand messages a second, a few times a second rather than once per batch. */
export const QUEUES_EVERY_MS = 250;

/**
 * The queues and who takes them: conversations customers write to wait in their account's or
 * bot's queue, and go to active operators by free capacity (round-robin among equals) as soon as
 * someone can take them: after each stored batch, when someone becomes active or changes, when a
 * chat frees a place, and on a sweep. Operators away too long hand back their unanswered chats;
 * removed ones hand back all. Every change is audited and told to the windows.
 */
export function createAssignment(deps: AssignmentDeps) {
  const { db, clock, events, presence } = deps;
  const log = deps.logger.child({ scope: 'assignment' });
  const cleanups: (() => void)[] = [];
  let cancelSweep: (() => void) | null = null;
  // Who put a conversation back by hand, until someone takes it; for this run only (after a
  // restart the queue may offer it to them again, as it would to anyone).
  const declined = new Map<number, string>();

  function noteHolders(changes: AssignmentChange[]): void {
    for (const change of changes) {
      if (change.to !== null) declined.delete(change.conversationId);
      else if (change.reason === 'manual' && change.from !== null) declined.set(change.conversationId, change.from);
    }
    for (const oldest of declined.keys()) {
      if (declined.size <= DECLINED_KEPT) break;
      declined.delete(oldest);
    }
  }

  // ---- telling the windows ------------------------------------------------------------------
  let changedSenders = new Set<string>();
  let cooling: (() => void) | null = null;

  /** The admin's full list: every queue that has someone waiting, and those that just changed. */
  function sendQueues(): void {
    cooling = null;
    if (changedSenders.size === 0) return;
    const changed = changedSenders;
    changedSenders = new Set();
    const queues = queueViews(db).filter((q) => q.waiting > 0 || changed.has(senderKey(q.sender)));
    events.emit({ type: 'inbox.queuesChanged', payload: { queues } });
    cooling = deps.scheduler.after(QUEUES_EVERY_MS, sendQueues);
  }

  function queuesChanged(senders: Iterable<SenderRef>): void {
    for (const sender of senders) changedSenders.add(senderKey(sender));
    if (!cooling) sendQueues();
  }

  /** Changes the desk made by itself: on the audit trail as the system's, and to the windows. */
  function publish(made: MadeChange[]): void {
    if (made.length === 0) return;
    for (const { change, title } of made) {
      deps.audit({ actor: 'system', action: 'inbox.assign', target: `conversation:${change.conversationId}`, details: { title, from: change.from, to: change.to, reason: change.reason } });
    }
    const changes = made.map((m) => m.change);
    noteHolders(changes);
    events.emit({ type: 'inbox.assignmentChanged', payload: { changes } });
    deps.conversationsChanged(changes.map((c) => c.conversationId));
    queuesChanged(changes.map((c) => c.sender));
  }

  // ---- automatic ----------------------------------------------------------------------------
  /** Gives queued conversations to whoever can take them. */
  function assignWaiting(): void {
    if (!anyQueued(db)) return;
    const pool = loadPool(db, presence);
    if (pool.hasRoom()) publish(assignQueued(db, pool, clock.now(), declined));
  }

  /** Hands back the chats of those away too long, fills the queues, and comes back when the next return is due. */
  function sweep(): void {
    cancelSweep?.();
    let next: number | null = null;
    try {
      const now = clock.now();
      const returns = dueForReturn(db, presence, now, readTeamSettings(db).returnAfterMinutes * 60_000);
      next = returns.next === null ? null : returns.next - now;
      for (const operatorId of returns.due) publish(returnUnanswered(db, operatorId, now));
      assignWaiting();
    } finally {
      cancelSweep = deps.scheduler.after(Math.min(SWEEP_MS, next ?? SWEEP_MS), () => {
        try {
          sweep();
        } catch (error) {
          log.error({ err: error }, 'the assignment sweep failed; it tries again at the next one');
        }
      });
    }
  }

  return {
    start(): void {
      cleanups.push(
        deps.domainEvents.on('inbox.queued', ({ sender, conversationIds, reopened }) => {
          publish(reopened.map(({ conversationId, from }) => ({ change: { conversationId, sender, from, to: null, reason: 'reopened' }, title: titleOf(db, conversationId) })));
          queuesChanged([sender]);
          publish(assignThese(db, loadPool(db, presence), clock.now(), conversationIds, declined));
        }),
        // Someone became active (or stopped being): fill the queues, and time the next return.
        deps.domainEvents.on('operators.presenceChanged', () => sweep()),
        deps.domainEvents.on('operators.profilesChanged', () => sweep()),
        deps.domainEvents.on('operators.removed', ({ operatorId }) => {
          publish(returnAllOpen(db, operatorId, clock.now()));
          assignWaiting();
        }),
      );
      sweep();
    },

    stop(): void {
      for (const cleanup of cleanups.splice(0)) cleanup();
      cancelSweep?.();
      cancelSweep = null;
      cooling?.();
      cooling = null;
    },

    // ---- by hand -----------------------------------------------------------------------------
    /** Checks who may and makes the change; the caller audits it and then calls `settled`. */
    assign(conversationId: number, operatorId: string | null, call: CallContext): AssignmentChange | null {
      return assignByHand(db, conversationId, operatorId, call, readTeamSettings(db), clock.now());
    },

    /** After a change by hand: the windows hear it, and a place it freed is filled. */
    settled(change: AssignmentChange | null): void {
      if (!change) return;
      noteHolders([change]);
      events.emit({ type: 'inbox.assignmentChanged', payload: { changes: [change] } });
      queuesChanged([change.sender]);
      assignWaiting();
    },

    /** A status changed: a resolved chat leaves its queue and frees its operator's place. */
    statusChanged(sender: SenderRef): void {
      queuesChanged([sender]);
      assignWaiting();
    },

    /** The queues an operator may take from (an admin: every account's and bot's). */
    queues(call: CallContext): QueueView[] {
      const all = queueViews(db);
      const mine = workableSenders(db, call.actor, call.role === 'admin');
      if (mine === null) return all;
      const keys = new Set(mine.map(senderKey));
      return all.filter((q) => keys.has(senderKey(q.sender)));
    },

    /** The longest-waiting conversation the caller may take (of one sender, or of all theirs); null when none waits. */
    next(call: CallContext, sender: SenderRef | undefined): number | null {
      const me = needOperator(db, call.actor);
      const admin = call.role === 'admin';
      if (sender && !admin && !operatorMayWork(db, me.id, sender)) throw new DeskError('forbidden', 'You do not work the conversations of this account or bot; an admin can add it to your profile.');
      const senders = sender ? [sender] : workableSenders(db, me.id, admin);
      if (senders !== null && senders.length === 0) return null;
      const id = longestWaiting(db, senders);
      if (id !== null) refuseIfFull(db, me, call.actor);
      return id;
    },
  };
}

function titleOf(db: Database, conversationId: number): string {
  return (cachedStatement(db, 'SELECT title FROM conversations WHERE id = ?').pluck().get(conversationId) as string | undefined) ?? '';
}
