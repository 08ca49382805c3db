import type { Database } from 'better-sqlite3';
import type { DeliveryState } from '../../../shared/domain/inbox';
import type { OutboxAction } from '../../../shared/domain/outbox';
import type { ActionResult, Origin } from './action-kind';
import type { OriginQuery, OutboxItem, OutboxSender } from './outbox-port';

export type OutboxState = DeliveryState['state'];

export interface OutboxRow {
  id: number;
  sender_kind: OutboxSender['kind'];
  sender_id: number;
  kind: string;
  action: OutboxAction;
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
  origin_domain: string | null;
  origin_ref: string | null;
  /** JSON of what the action left behind beyond the message id and date. */
  result: string | null;
  /** Every try ever made (attempts starts again on an operator's retry). */
  tries: number;
}

/** A state change; `reason` is cleared unless given. */
export interface Change {
  state: OutboxState;
  reason?: string | null;
  notBefore?: number;
  attempts?: number;
  resultMessageId?: number;
  sentAt?: number;
  /** A try begins: counts in `tries`, which nothing resets. */
  tried?: boolean;
  result?: Pick<ActionResult, 'data' | 'alreadyDone'>;
}

/** Lower runs first. */
export const PRIORITY = { operator: 0, bulk: 10 } as const;

/** States a lane still has to work on. */
const ACTIVE = "state IN ('queued', 'waiting')";

export function insertItem(
  db: Database,
  input: {
    sender: OutboxSender;
    kind: string;
    action: OutboxAction;
    origin: Origin | null;
    conversationId: number | null;
    payload: unknown;
    priority: number;
    randomId: string | null;
    failedReason: string | null;
  },
  now: number,
): number {
  const state: OutboxState = input.failedReason === null ? 'queued' : 'failed';
  const result = db
    .prepare(
      `INSERT INTO outbox (sender_kind, sender_id, kind, action, origin_domain, origin_ref, conversation_id, payload, priority, state, reason, random_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.sender.kind,
      input.sender.id,
      input.kind,
      input.action,
      input.origin?.domain ?? null,
      input.origin?.ref ?? null,
      input.conversationId,
      JSON.stringify(input.payload),
      input.priority,
      state,
      input.failedReason,
      input.randomId,
      now,
      now,
    );
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
      `UPDATE outbox SET state = ?, reason = ?, not_before = coalesce(?, not_before), attempts = coalesce(?, attempts), tries = tries + ?,
         result_message_id = coalesce(?, result_message_id), sent_at = coalesce(?, sent_at), result = coalesce(?, result), updated_at = ?
       WHERE id = ? AND state IN (${from.map(() => '?').join(', ')})`,
    )
    .run(
      change.state,
      change.reason ?? null,
      change.notBefore ?? null,
      change.attempts ?? null,
      change.tried ? 1 : 0,
      change.resultMessageId ?? null,
      change.sentAt ?? null,
      change.result === undefined ? null : JSON.stringify(change.result),
      now,
      id,
      ...from,
    );
  return result.changes === 1;
}

/** Rows left `sending` by a process that died, by sender kind. */
export function interruptedRows(db: Database): OutboxRow[] {
  return db.prepare("SELECT * FROM outbox WHERE state = 'sending' ORDER BY id").all() as OutboxRow[];
}

/** A flood wait (Telegram named the time) or a PEER_FLOOD bench (the desk chose the cool-down; the operator may lift it). */
export interface SenderPause {
  kind: 'flood' | 'bench';
  since: number;
  until: number;
  reason: string;
}

export function readPause(db: Database, sender: OutboxSender): SenderPause | undefined {
  return db.prepare('SELECT kind, since, until, reason FROM sender_pauses WHERE sender_kind = ? AND sender_id = ?').get(sender.kind, sender.id) as SenderPause | undefined;
}

/** The later of the stored pause and this one wins, with its kind and reason. */
export function writePause(db: Database, sender: OutboxSender, pause: SenderPause): void {
  db.prepare(
    `INSERT INTO sender_pauses (sender_kind, sender_id, kind, since, until, reason) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (sender_kind, sender_id) DO UPDATE SET
       reason = CASE WHEN excluded.until >= until THEN excluded.reason ELSE reason END,
       kind = CASE WHEN excluded.until >= until THEN excluded.kind ELSE kind END,
       since = CASE WHEN excluded.until >= until THEN excluded.since ELSE since END,
       until = max(until, excluded.until)`,
  ).run(sender.kind, sender.id, pause.kind, pause.since, pause.until, pause.reason);
}

export function clearPause(db: Database, sender: OutboxSender): void {
  db.prepare('DELETE FROM sender_pauses WHERE sender_kind = ? AND sender_id = ?').run(sender.kind, sender.id);
}

/** Benches not yet over, oldest first. */
export function activeBenches(db: Database, now: number): { accountId: number; pause: SenderPause }[] {
  return (
    db.prepare("SELECT sender_id, kind, since, until, reason FROM sender_pauses WHERE sender_kind = 'account' AND kind = 'bench' AND until > ? ORDER BY since").all(now) as ({
      sender_id: number;
    } & SenderPause)[]
  ).map(({ sender_id, ...pause }) => ({ accountId: sender_id, pause }));
}

export function countActive(db: Database, sender: OutboxSender): number {
  return db.prepare(`SELECT count(*) FROM outbox WHERE sender_kind = ? AND sender_id = ? AND ${ACTIVE}`).pluck().get(sender.kind, sender.id) as number;
}

/** Waiting rows of a lane held until exactly `until` (by a bench or a daily cap), optionally of one kind. */
export function heldUntil(db: Database, sender: OutboxSender, until: number, action?: OutboxAction): number[] {
  return db
    .prepare(`SELECT id FROM outbox WHERE sender_kind = ? AND sender_id = ? AND state = 'waiting' AND not_before = ? AND (? IS NULL OR action = ?) ORDER BY id`)
    .pluck()
    .all(sender.kind, sender.id, until, action ?? null, action ?? null) as number[];
}

/** A domain's rows, newest first. */
export function rowsByOrigin(db: Database, domain: string, query: OriginQuery): OutboxRow[] {
  return db
    .prepare('SELECT * FROM outbox WHERE origin_domain = ? AND (? IS NULL OR origin_ref = ?) AND id < ? ORDER BY id DESC LIMIT ?')
    .all(domain, query.ref ?? null, query.ref ?? null, query.before ?? Number.MAX_SAFE_INTEGER, Math.min(Math.max(query.limit ?? 100, 1), 1_000)) as OutboxRow[];
}

export function toItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    sender: { kind: row.sender_kind, id: row.sender_id },
    kind: row.kind,
    origin: row.origin_domain === null ? null : { domain: row.origin_domain, ref: row.origin_ref ?? '' },
    conversationId: row.conversation_id,
    payload: JSON.parse(row.payload) as unknown,
    delivery: delivery(row),
    attempts: row.attempts,
    telegramMessageId: row.result_message_id,
    sentAt: row.sent_at,
    result: resultOf(row),
  };
}

function resultOf(row: OutboxRow): ActionResult | null {
  if (row.state !== 'sent') return null;
  const stored = row.result === null ? {} : (JSON.parse(row.result) as Pick<ActionResult, 'data' | 'alreadyDone'>);
  return {
    ...(row.result_message_id === null ? {} : { messageId: row.result_message_id }),
    ...(row.sent_at === null ? {} : { date: row.sent_at }),
    ...stored,
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
