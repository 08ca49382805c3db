import type { Database } from 'better-sqlite3';
import type { DeliveryState } from '../../../shared/domain/inbox';
import type { OutboxItem, OutboxPayload, OutboxSender } from './outbox-port';

export type OutboxState = DeliveryState['state'];

export interface OutboxRow {
  id: number;
  sender_kind: OutboxSender['kind'];
  sender_id: number;
  kind: string;
  conversation_id: number | null;
  payload: string;
  priority: number;
  state: OutboxState;
  attempts: number;
  not_before: number;
  reason: string | null;
  random_id: string | null;
  result_message_id: number | null;
  sent_at: number | null;
}

/** A state change; `reason` is cleared unless given. */
export interface Change {
  state: OutboxState;
  reason?: string | null;
  notBefore?: number;
  attempts?: number;
  resultMessageId?: number;
  sentAt?: number;
}

/** Lower runs first. */
export const PRIORITY = { operator: 0, bulk: 10 } as const;

/** States a lane still has to work on. */
const ACTIVE = "state IN ('queued', 'waiting')";

export function insertItem(
  db: Database,
  input: { sender: OutboxSender; conversationId: number | null; payload: OutboxPayload; priority: number; randomId: string | null; failedReason: string | null },
  now: number,
): number {
  const state: OutboxState = input.failedReason === null ? 'queued' : 'failed';
  const result = db
    .prepare(
      `INSERT INTO outbox (sender_kind, sender_id, kind, conversation_id, payload, priority, state, reason, random_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.sender.kind, input.sender.id, input.payload.kind, input.conversationId, JSON.stringify(input.payload), input.priority, state, input.failedReason, input.randomId, now, now);
  return Number(result.lastInsertRowid);
}

export function readRow(db: Database, id: number): OutboxRow | undefined {
  return db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined;
}

/**
 * The lane's work in the order it is due: priority, then age. Capped, because a lane only ever
 * needs the head of a long campaign to decide what goes next.
 */
export function activeRows(db: Database, sender: OutboxSender, limit = 500): OutboxRow[] {
  return db
    .prepare(`SELECT * FROM outbox WHERE sender_kind = ? AND sender_id = ? AND ${ACTIVE} ORDER BY priority, id LIMIT ?`)
    .all(sender.kind, sender.id, limit) as OutboxRow[];
}

export function sendersWithWork(db: Database): OutboxSender[] {
  return (db.prepare(`SELECT DISTINCT sender_kind, sender_id FROM outbox WHERE ${ACTIVE}`).all() as Pick<OutboxRow, 'sender_kind' | 'sender_id'>[]).map((r) => ({
    kind: r.sender_kind,
    id: r.sender_id,
  }));
}

/** Moves a row to a new state; `from` guards against a change that raced with another (cancel vs. send). */
export function transition(
  db: Database,
  id: number,
  from: readonly OutboxState[],
  change: Change,
  now: number,
): boolean {
  const result = db
    .prepare(
      `UPDATE outbox SET state = ?, reason = ?, not_before = coalesce(?, not_before), attempts = coalesce(?, attempts),
         result_message_id = coalesce(?, result_message_id), sent_at = coalesce(?, sent_at), updated_at = ?
       WHERE id = ? AND state IN (${from.map(() => '?').join(', ')})`,
    )
    .run(change.state, change.reason ?? null, change.notBefore ?? null, change.attempts ?? null, change.resultMessageId ?? null, change.sentAt ?? null, now, id, ...from);
  return result.changes === 1;
}

/** Rows left `sending` by a process that died, by sender kind. */
export function interruptedRows(db: Database): OutboxRow[] {
  return db.prepare("SELECT * FROM outbox WHERE state = 'sending' ORDER BY id").all() as OutboxRow[];
}

export function readPause(db: Database, sender: OutboxSender): { until: number; reason: string } | undefined {
  return db.prepare('SELECT until, reason FROM sender_pauses WHERE sender_kind = ? AND sender_id = ?').get(sender.kind, sender.id) as
    | { until: number; reason: string }
    | undefined;
}

export function writePause(db: Database, sender: OutboxSender, until: number, reason: string): void {
  db.prepare(
    `INSERT INTO sender_pauses (sender_kind, sender_id, until, reason) VALUES (?, ?, ?, ?)
     ON CONFLICT (sender_kind, sender_id) DO UPDATE SET
       reason = CASE WHEN excluded.until >= until THEN excluded.reason ELSE reason END, until = max(until, excluded.until)`,
  ).run(sender.kind, sender.id, until, reason);
}

export function toItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    sender: { kind: row.sender_kind, id: row.sender_id },
    conversationId: row.conversation_id,
    payload: JSON.parse(row.payload) as OutboxPayload,
    delivery: delivery(row),
    attempts: row.attempts,
    telegramMessageId: row.result_message_id,
    sentAt: row.sent_at,
  };
}

function delivery(row: OutboxRow): DeliveryState {
  const reason = row.reason ?? '';
  switch (row.state) {
    case 'waiting':
      return { state: 'waiting', until: row.not_before, reason };
    case 'failed':
    case 'uncertain':
      return { state: row.state, reason };
    default:
      return { state: row.state };
  }
}
