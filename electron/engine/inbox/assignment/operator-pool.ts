import type { Database } from 'better-sqlite3';
import type { SenderRef } from '../../../../shared/domain/operators';
import { cachedStatement } from '../../db/statements';
import type { TeamPresence } from '../../operators/team-ports';

/** One operator who could take a conversation now: active, not removed, with their load counted once per pass. */
export interface PoolOperator {
  id: string;
  admin: boolean;
  /** Takes new conversations from the queue; one who does not still gets their own reopened ones back. */
  autoAssign: boolean;
  /** Open conversations at once; null: no limit. */
  capacity: number | null;
  /** Assigned to them and not resolved. */
  open: number;
  /** When they last got a conversation: the oldest goes first among equals (round-robin); null: never. */
  lastAssignedAt: number | null;
  /** `kind:id` of the accounts and bots they may work (an admin works every one). */
  senders: ReadonlySet<string>;
}

export const senderKey = (sender: SenderRef): string => `${sender.kind}:${sender.id}`;

/** Null capacity is no limit: it counts as the most free. */
export const freeCapacity = (operator: Pick<PoolOperator, 'capacity' | 'open'>): number => (operator.capacity === null ? Infinity : operator.capacity - operator.open);

/** Who is first among operators who may take a conversation: most free capacity, then longest since their last one, then id (for a stable order). */
function before(a: PoolOperator, b: PoolOperator): boolean {
  const free = freeCapacity(a) - freeCapacity(b);
  if (free !== 0 && !Number.isNaN(free)) return free > 0;
  if (a.lastAssignedAt !== b.lastAssignedAt) return a.lastAssignedAt === null || (b.lastAssignedAt !== null && a.lastAssignedAt < b.lastAssignedAt);
  return a.id < b.id;
}

/**
 * The operators who can take conversations in one assignment pass, loaded once for the pass:
 * choosing among twenty people is then a loop in memory, not a query per conversation.
 */
export class OperatorPool {
  private readonly operators: PoolOperator[];

  constructor(operators: PoolOperator[]) {
    this.operators = operators;
  }

  /**
   * Someone who takes from the queue has room. One who does not (an admin at the desk, by
   * default) gets only their own reopened chats, as those arrive: a whole-queue pass is not read
   * for them.
   */
  hasRoom(): boolean {
    return this.operators.some((o) => o.autoAssign && freeCapacity(o) > 0);
  }

  /**
   * A reopened conversation's last operator, if they can take it; otherwise whoever is first among
   * those who take from the queue, except the one who just put it back.
   */
  pick(sender: SenderRef, lastAssigneeId: string | null, declinedBy: string | null): PoolOperator | null {
    const key = senderKey(sender);
    let best: PoolOperator | null = null;
    for (const operator of this.operators) {
      const last = operator.id === lastAssigneeId;
      if ((!operator.autoAssign && !last) || operator.id === declinedBy || freeCapacity(operator) <= 0 || !(operator.admin || operator.senders.has(key))) continue;
      if (last) return operator;
      if (best === null || before(operator, best)) best = operator;
    }
    return best;
  }

  took(operator: PoolOperator, stamp: number): void {
    operator.open++;
    operator.lastAssignedAt = stamp;
  }
}

interface OperatorRow {
  id: string;
  role: 'admin' | 'operator';
  auto_assign: number;
  max_chats: number | null;
  last_assigned_at: number | null;
}

/** Open conversations of one operator (the conversations_assignee index answers it). */
export function openCount(db: Database, operatorId: string): number {
  return cachedStatement(db, "SELECT count(*) FROM conversations WHERE assignee_id = ? AND status != 'resolved'").pluck().get(operatorId) as number;
}

/** May this operator (by id) work this sender's conversations? */
export function operatorMayWork(db: Database, operatorId: string, sender: SenderRef): boolean {
  const found = cachedStatement(
    db,
    `SELECT 1 FROM operators o WHERE o.id = @operatorId AND (o.role = 'admin'
       OR EXISTS (SELECT 1 FROM operator_senders s WHERE s.operator_id = o.id AND s.sender_kind = @kind AND s.sender_id = @id))`,
  )
    .pluck()
    .get({ operatorId, kind: sender.kind, id: sender.id });
  return found !== undefined;
}

/** The accounts and bots each operator may work, as `kind:id`. */
export function operatorSenders(db: Database): Map<string, Set<string>> {
  const rows = cachedStatement(db, 'SELECT operator_id, sender_kind, sender_id FROM operator_senders').all() as { operator_id: string; sender_kind: 'account' | 'bot'; sender_id: number }[];
  const senders = new Map<string, Set<string>>();
  for (const row of rows) {
    let set = senders.get(row.operator_id);
    if (!set) senders.set(row.operator_id, (set = new Set()));
    set.add(senderKey({ kind: row.sender_kind, id: row.sender_id }));
  }
  return senders;
}

/** Everyone not removed and active now, with their open conversations counted. */
export function loadPool(db: Database, presence: TeamPresence): OperatorPool {
  const rows = cachedStatement(db, 'SELECT id, role, auto_assign, max_chats, last_assigned_at FROM operators WHERE removed_at IS NULL ORDER BY id').all() as OperatorRow[];
  const active = rows.filter((row) => presence.presenceOf(row.id) === 'active');
  if (active.length === 0) return new OperatorPool([]);
  const senders = operatorSenders(db);
  return new OperatorPool(
    active.map((row) => ({
      id: row.id,
      admin: row.role === 'admin',
      autoAssign: row.auto_assign === 1,
      capacity: row.max_chats,
      open: openCount(db, row.id),
      lastAssignedAt: row.last_assigned_at,
      senders: senders.get(row.id) ?? new Set(),
    })),
  );
}

/**
 * Notes that an operator just got a conversation. The stamp is strictly later than every other
 * operator's, so round-robin holds even when many are assigned within one millisecond.
 */
export function stampAssigned(db: Database, operatorId: string, now: number): number {
  return cachedStatement(db, 'UPDATE operators SET last_assigned_at = max(?, (SELECT coalesce(max(last_assigned_at), 0) + 1 FROM operators)) WHERE id = ? RETURNING last_assigned_at')
    .pluck()
    .get(now, operatorId) as number;
}
