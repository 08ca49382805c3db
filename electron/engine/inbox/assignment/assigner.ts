import type { Database } from 'better-sqlite3';
import type { AssignmentChange, SenderRef } from '../../../../shared/domain/operators';
import { cachedStatement } from '../../db/statements';
import type { OperatorPool } from './operator-pool';
import { stampAssigned } from './operator-pool';
import { SENDER_NOT_REMOVED } from './queues';

/** Queued conversations are read a page at a time: a pass usually stops long before the queue's end. */
const PAGE = 200;

interface QueuedRow {
  id: number;
  source_kind: 'account' | 'bot';
  source_id: number;
  title: string;
  last_assignee_id: string | null;
  queued_at: number;
}

/** A change made by the desk itself, with the title the audit trail names. */
export interface MadeChange {
  change: AssignmentChange;
  title: string;
}

const COLUMNS = 'c.id, c.source_kind, c.source_id, c.title, c.last_assignee_id, c.queued_at';
const PAGE_ALL = `SELECT ${COLUMNS} FROM conversations c
  WHERE c.queued_at IS NOT NULL AND (c.queued_at, c.id) > (?, ?) AND ${SENDER_NOT_REMOVED} ORDER BY c.queued_at, c.id LIMIT ?`;
const PAGE_OF_SENDER = `SELECT ${COLUMNS} FROM conversations c
  WHERE c.queued_at IS NOT NULL AND (c.queued_at, c.id) > (?, ?) AND c.source_kind = ? AND c.source_id = ? AND ${SENDER_NOT_REMOVED} ORDER BY c.queued_at, c.id LIMIT ?`;

function queuePage(db: Database, after: { at: number; id: number }, scope: SenderRef | null): QueuedRow[] {
  return (
    scope === null ? cachedStatement(db, PAGE_ALL).all(after.at, after.id, PAGE) : cachedStatement(db, PAGE_OF_SENDER).all(after.at, after.id, scope.kind, scope.id, PAGE)
  ) as QueuedRow[];
}

/** Is anyone waiting in any queue? Asked before loading the operators, so a desk with empty queues does no more. */
export function anyQueued(db: Database): boolean {
  return cachedStatement(db, 'SELECT 1 FROM conversations WHERE queued_at IS NOT NULL LIMIT 1').get() !== undefined;
}

/** Gives one queued conversation to an operator, in its own small transaction; null when it no longer waits. */
function assignOne(db: Database, conversationId: number, operatorId: string, now: number): number | null {
  return db.transaction(() => {
    const taken = cachedStatement(db, 'UPDATE conversations SET assignee_id = ?, queued_at = NULL WHERE id = ? AND assignee_id IS NULL AND queued_at IS NOT NULL').run(operatorId, conversationId);
    return taken.changes === 1 ? stampAssigned(db, operatorId, now) : null;
  })();
}

/**
 * One pass over the queue (of one sender, or of all), longest waiting first: each conversation
 * goes to its last operator if they can take it (a reopened chat back to who knows it), otherwise
 * to the pool's first. Nobody over capacity gets more; what nobody can take stays queued. Stops as
 * soon as nobody has room, so a long queue under a full team costs one look.
 */
export function assignQueued(db: Database, pool: OperatorPool, now: number, scope: SenderRef | null): MadeChange[] {
  const made: MadeChange[] = [];
  let after = { at: Number.MIN_SAFE_INTEGER, id: 0 };
  while (pool.hasRoom()) {
    const page = queuePage(db, after, scope);
    for (const row of page) {
      const sender: SenderRef = { kind: row.source_kind, id: row.source_id };
      const operator = pool.pick(sender, row.last_assignee_id);
      if (!operator) continue;
      const stamp = assignOne(db, row.id, operator.id, now);
      if (stamp === null) continue;
      pool.took(operator, stamp);
      made.push({ change: { conversationId: row.id, sender, from: null, to: operator.id, reason: 'auto' }, title: row.title });
      if (!pool.hasRoom()) break;
    }
    if (page.length < PAGE) break;
    const last = page.at(-1)!;
    after = { at: last.queued_at, id: last.id };
  }
  return made;
}
