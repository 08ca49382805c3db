import type { Database } from 'better-sqlite3';
import type { AssignmentChange } from '../../../../shared/domain/operators';
import { cachedStatement } from '../../db/statements';
import type { TeamPresence } from '../../operators/team-ports';
import type { MadeChange } from './assigner';

interface ReturnedRow {
  id: number;
  source_kind: 'account' | 'bot';
  source_id: number;
  title: string;
}

// The operator is remembered as the last one: they get a reopened or still-waiting chat back once active again.
const BACK_TO_QUEUE = 'UPDATE conversations SET last_assignee_id = assignee_id, assignee_id = NULL, queued_at = ?';
// Unanswered: the customer wrote last. Returned chats wait from the moment they return, not from their first message.
const UNANSWERED = `${BACK_TO_QUEUE}
  WHERE assignee_id = ? AND status IN ('open', 'pending') AND (SELECT m.outgoing FROM messages m WHERE m.id = conversations.last_message_id) = 0
  RETURNING id, source_kind, source_id, title`;
const EVERY_OPEN = `${BACK_TO_QUEUE} WHERE assignee_id = ? AND status != 'resolved' RETURNING id, source_kind, source_id, title`;

function changes(rows: ReturnedRow[], from: string, reason: AssignmentChange['reason']): MadeChange[] {
  return rows.map((row) => ({ change: { conversationId: row.id, sender: { kind: row.source_kind, id: row.source_id }, from, to: null, reason }, title: row.title }));
}

/** An operator away too long hands back the chats whose customers wait for an answer; the answered ones stay theirs. */
export function returnUnanswered(db: Database, operatorId: string, now: number): MadeChange[] {
  return changes(cachedStatement(db, UNANSWERED).all(now, operatorId) as ReturnedRow[], operatorId, 'returned');
}

/** A removed operator's open chats all go back to the queue at once. */
export function returnAllOpen(db: Database, operatorId: string, now: number): MadeChange[] {
  return changes(cachedStatement(db, EVERY_OPEN).all(now, operatorId) as ReturnedRow[], operatorId, 'removed');
}

/**
 * Who hands back their unanswered chats now, and when the next one will (null: nobody is on the
 * way). An admin who takes nothing from the queue (the person at a one-person desk) keeps what
 * they took: the queue gives them nothing, so it takes nothing back.
 */
export function dueForReturn(db: Database, presence: TeamPresence, now: number, afterMs: number): { due: string[]; next: number | null } {
  const ids = cachedStatement(db, "SELECT id FROM operators WHERE removed_at IS NULL AND (role = 'operator' OR auto_assign = 1) ORDER BY id").pluck().all() as string[];
  const due: string[] = [];
  let next: number | null = null;
  for (const id of ids) {
    const since = presence.inactiveSince(id);
    if (since === null) continue;
    const at = since + afterMs;
    if (at <= now) due.push(id);
    else next = next === null ? at : Math.min(next, at);
  }
  return { due, next };
}
