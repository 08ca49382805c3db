import type { Database } from 'better-sqlite3';
import type { Presence, SenderRef } from '../../../../../shared/domain/operators';
import type { CallContext } from '../../../contract/dispatcher';
import { manualClock } from '../../../platform/clock';
import type { TeamPresence } from '../../../operators/team-ports';
import { noInboundChanges, type RichIncoming } from '../../../telegram/inbound/types';
import { inboxHarness, openInboxDb } from '../../test/inbox-harness';
import { addBot, incoming } from '../../test/messages';
import { inboxConsumer } from '../../ingest/inbox-consumer';

type ManualClock = ReturnType<typeof manualClock>;

export const BOT: SenderRef = { kind: 'bot', id: 1 };
export const OTHER_BOT: SenderRef = { kind: 'bot', id: 2 };

/** Who is active, as the operators service's presence board would say; everyone starts offline. */
export function fakePresence(clock: ManualClock) {
  const started = clock.now();
  const states = new Map<string, { presence: Presence; since: number }>();
  const presence: TeamPresence = {
    presenceOf: (id) => states.get(id)?.presence ?? 'offline',
    inactiveSince: (id) => {
      const state = states.get(id);
      if (!state) return started;
      return state.presence === 'active' ? null : state.since;
    },
  };
  return {
    presence,
    set(id: string, next: Presence): void {
      const was = states.get(id);
      const stillInactive = was && was.presence !== 'active' && next !== 'active';
      states.set(id, { presence: next, since: stillInactive ? was.since : clock.now() });
    },
  };
}

export interface OperatorSpec {
  id: string;
  role?: 'admin' | 'operator';
  capacity?: number | null;
  autoAssign?: boolean;
  senders?: SenderRef[];
}

export function addOperator(db: Database, spec: OperatorSpec): void {
  db.prepare('INSERT INTO operators (id, name, role, max_chats, auto_assign, created_at) VALUES (?, ?, ?, ?, ?, 1)').run(
    spec.id,
    spec.id.replace('operator:', ''),
    spec.role ?? 'operator',
    spec.capacity ?? null,
    spec.autoAssign === false ? 0 : 1,
  );
  for (const sender of spec.senders ?? []) db.prepare('INSERT INTO operator_senders (operator_id, sender_kind, sender_id) VALUES (?, ?, ?)').run(spec.id, sender.kind, sender.id);
}

export const operatorCall = (actor: string): CallContext => ({ actor, role: 'operator', sessionId: null });
export const adminCallOf = (actor = 'operator:local'): CallContext => ({ actor, role: 'admin', sessionId: null });

/**
 * An inbox with two bots, a team whose presence the test sets, and customers' messages arriving
 * through the inbox's inbound consumer (so the queue hears them as it does live).
 */
export function teamDesk(dir: string, operators: OperatorSpec[] = []) {
  const clock = manualClock(Date.UTC(2026, 0, 2));
  const db = openInboxDb(dir, clock);
  addBot(db);
  db.prepare("INSERT INTO bots (id, telegram_bot_id, username, first_name, token_enc, mode, created_at, updated_at) VALUES (2, 901, 'sales_bot', 'Sales', 'token', 'polling', 1, 1)").run();
  for (const spec of operators) addOperator(db, spec);
  const team = fakePresence(clock);
  const h = inboxHarness({ dir, db, clock, presence: team.presence });
  const consumer = inboxConsumer({ events: h.bus, domainEvents: h.domainEvents, logger: h.logger });

  /** Customers' (or the desk's own) messages reach the inbox as one live batch. */
  const arrive = (messages: RichIncoming[], source: SenderRef = BOT) => {
    const after: (() => void)[] = [];
    db.transaction(() =>
      consumer.consume({ source, ...noInboundChanges(), messages: messages.map((m) => ({ ...m, source })) }, { db, now: clock.now(), afterCommit: (run) => void after.push(run) }),
    )();
    for (const run of after) run();
  };

  /** Person `personId` writes; returns their conversation's id. */
  const writes = (personId: number, source: SenderRef = BOT, extra: Partial<RichIncoming> = {}): number => {
    arrive([incoming(personId, `hello from ${personId}`, extra)], source);
    return conversationOf(personId, source);
  };

  const conversationOf = (personId: number, source: SenderRef = BOT): number =>
    db.prepare('SELECT id FROM conversations WHERE source_kind = ? AND source_id = ? AND chat_key = ?').pluck().get(source.kind, source.id, `user:${personId}`) as number;

  const row = (conversationId: number) =>
    db.prepare('SELECT assignee_id, last_assignee_id, queued_at, status FROM conversations WHERE id = ?').get(conversationId) as {
      assignee_id: string | null;
      last_assignee_id: string | null;
      queued_at: number | null;
      status: string;
    };

  const assigneeOf = (conversationId: number) => row(conversationId).assignee_id;

  /** An operator's presence changes, and the operators service says so. */
  const presence = (operatorId: string, next: Presence) => {
    team.set(operatorId, next);
    h.domainEvents.emit('operators.presenceChanged', { operatorId, presence: next });
  };

  /** A handler called as this operator would through the dispatcher. */
  const as = <M extends keyof typeof h.service.handlers>(call: CallContext, method: M, args: Parameters<(typeof h.service.handlers)[M]>[0]) =>
    new Promise<unknown>((resolve) => resolve((h.service.handlers[method] as (i: unknown, c: CallContext) => unknown)(args, call))) as Promise<
      Awaited<ReturnType<(typeof h.service.handlers)[M]>>
    >;

  return { ...h, db, clock, team, arrive, writes, conversationOf, row, assigneeOf, presence, as };
}
