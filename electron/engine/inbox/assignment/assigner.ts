import type { Database } from 'better-sqlite3';
import type { AssignmentChange, SenderRef } from '../../../../shared/domain/operators';
import { cachedStatement } from '../../db/statements';
import type { OperatorPool } from './operator-pool';
import { senderKey, stampAssigned } from './operator-pool';

/** Queued conversations are read a page at a time: a pass usually stops long before the queue's end. */
const PAGE = 200;

interface QueuedRow {
  id: number;
  source_kind: 'account' | 'bot';
  source_id: number;
  last_assignee_id: string | null;
  queued_at: number;
}

/** A change made by the desk itself, with the title the audit trail names. */
export interface MadeChange {
  change: AssignmentChange;
  title: string;
}

// Only what choosing needs: a whole-queue pass may read every row; the title is read for the ones assigned.
const COLUMNS = 'c.id, c.source_kind, c.source_id, c.last_assignee_id, c.queued_at';
const PAGE_ALL = `SELECT ${COLUMNS} FROM conversations c WHERE c.queued_at IS NOT NULL AND (c.queued_at, c.id) > (?, ?) ORDER BY c.queued_at, c.id LIMIT ?`;
const THESE = `SELECT ${COLUMNS} FROM conversations c WHERE c.id IN (SELECT value FROM json_each(?)) AND c.queued_at IS NOT NULL ORDER BY c.queued_at, c.id`;

/** A removed account's or bot's conversations are history: nobody is given them (read once per pass: a handful of rows). */
function removedSenders(db: Database): Set<string> {
  const rows = cachedStatement(db, 'SELECT sender_kind AS kind, sender_id AS id FROM removed_senders').all() as SenderRef[];
  return new Set(rows.map(senderKey));
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

/** Who put a conversation back in the queue by hand: it is not given straight back to them. */
export type Declined = ReadonlyMap<number, string>;

function assignRow(db: Database, pool: OperatorPool, row: QueuedRow, now: number, removed: Set<string>, declined: Declined): MadeChange | null {
  const sender: SenderRef = { kind: row.source_kind, id: row.source_id };
  const operator = pool.pick(sender, row.last_assignee_id, declined.get(row.id) ?? null);
  if (!operator || removed.has(senderKey(sender))) return null;
  const stamp = assignOne(db, row.id, operator.id, now);
  if (stamp === null) return null;
  pool.took(operator, stamp);
  const title = cachedStatement(db, 'SELECT title FROM conversations WHERE id = ?').pluck().get(row.id) as string;
  return { change: { conversationId: row.id, sender, from: null, to: operator.id, reason: 'auto' }, title };
}

/**
 * One pass over the whole queue, longest waiting first: each conversation goes to its last
 * operator if they can take it (a reopened chat back to who knows it), otherwise to the pool's
 * first. Nobody over capacity gets more; what nobody can take stays queued. Stops as soon as
 * nobody who takes from the queue has room, so a long queue under a full team costs one look;
 * it reads the queue to its end only while someone has room for a sender and another sender's
 * conversations wait for nobody.
 */
export function assignQueued(db: Database, pool: OperatorPool, now: number, declined: Declined = new Map()): MadeChange[] {
  const made: MadeChange[] = [];
  const removed = removedSenders(db);
  let after = { at: Number.MIN_SAFE_INTEGER, id: 0 };
  while (pool.hasRoom()) {
    const page = cachedStatement(db, PAGE_ALL).all(after.at, after.id, PAGE) as QueuedRow[];
    for (const row of page) {
      const assigned = assignRow(db, pool, row, now, removed, declined);
      if (assigned) made.push(assigned);
      if (!pool.hasRoom()) break;
    }
    if (page.length < PAGE) break;
    const last = page.at(-1)!;
    after = { at: last.queued_at, id: last.id };
  }
  return made;
}

/**
 * The conversations one stored batch queued, longest waiting first. Older ones of their sender
 * need no look: every event that makes room (a resolve, a release, someone active, a profile
 * changed, the sweep) runs the whole queue, so a sender whose queue holds older conversations is
 * one nobody had room for. This keeps the pass after each batch as small as the batch.
 */
export function assignThese(db: Database, pool: OperatorPool, now: number, conversationIds: number[], declined: Declined = new Map()): MadeChange[] {
  const made: MadeChange[] = [];
  const removed = removedSenders(db);
  for (const row of cachedStatement(db, THESE).all(JSON.stringify(conversationIds)) as QueuedRow[]) {
    const assigned = assignRow(db, pool, row, now, removed, declined);
    if (assigned) made.push(assigned);
  }
  return made;
}
