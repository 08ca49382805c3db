import type { Database } from 'better-sqlite3';
import type { QueueView, SenderRef } from '../../../../shared/domain/operators';
import { cachedStatement } from '../../db/statements';
import { senderKey } from './operator-pool';

// Named as the conversation list names a conversation's source. Removed senders are gone from these tables.
const SENDERS = `
  SELECT 'account' AS kind, id, coalesce(nullif(trim(first_name || ' ' || last_name), ''), phone) AS name FROM accounts
  UNION ALL
  SELECT 'bot' AS kind, id, '@' || username AS name FROM bots
  ORDER BY kind, id`;

/** A removed account's or bot's conversations are history: nobody is given them. */
const SENDER_NOT_REMOVED = 'NOT EXISTS (SELECT 1 FROM removed_senders r WHERE r.sender_kind = c.source_kind AND r.sender_id = c.source_id)';

// Through the queue's own index: only waiting conversations are read, not every conversation the desk has.
const WAITING = `SELECT source_kind AS kind, source_id AS id, count(*) AS waiting, min(queued_at) AS oldest
  FROM conversations INDEXED BY conversations_queue WHERE queued_at IS NOT NULL GROUP BY source_kind, source_id`;

/** Every account's and bot's queue: how many wait, and since when the longest-waiting one does. */
export function queueViews(db: Database): QueueView[] {
  const waiting = new Map<string, { waiting: number; oldest: number }>();
  for (const row of cachedStatement(db, WAITING).all() as (SenderRef & { waiting: number; oldest: number })[]) waiting.set(senderKey(row), row);
  return (cachedStatement(db, SENDERS).all() as (SenderRef & { name: string })[]).map((sender) => {
    const queue = waiting.get(senderKey(sender));
    return { sender: { kind: sender.kind, id: sender.id }, senderName: sender.name, waiting: queue?.waiting ?? 0, oldestSince: queue?.oldest ?? null };
  });
}

/** The senders an operator may take from; null: every one (an admin). */
export function workableSenders(db: Database, operatorId: string, admin: boolean): SenderRef[] | null {
  if (admin) return null;
  return cachedStatement(db, 'SELECT sender_kind AS kind, sender_id AS id FROM operator_senders WHERE operator_id = ? ORDER BY sender_kind, sender_id').all(operatorId) as SenderRef[];
}

/** The longest-waiting conversation of these senders (null: of any), or null when none waits. */
export function longestWaiting(db: Database, senders: SenderRef[] | null): number | null {
  const sql =
    senders === null
      ? `SELECT c.id FROM conversations c WHERE c.queued_at IS NOT NULL AND ${SENDER_NOT_REMOVED} ORDER BY c.queued_at, c.id LIMIT 1`
      : `SELECT c.id FROM conversations c WHERE c.queued_at IS NOT NULL AND ${SENDER_NOT_REMOVED}
           AND EXISTS (SELECT 1 FROM json_each(?) s WHERE s.value ->> 0 = c.source_kind AND s.value ->> 1 = c.source_id)
         ORDER BY c.queued_at, c.id LIMIT 1`;
  const statement = cachedStatement(db, sql).pluck();
  return (senders === null ? statement.get() : statement.get(JSON.stringify(senders.map((s) => [s.kind, s.id])))) as number | null | undefined ?? null;
}
