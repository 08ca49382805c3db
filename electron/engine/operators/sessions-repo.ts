import type { Database } from 'better-sqlite3';
import type { OperatorRole, SessionView } from '../../../shared/domain/operators';
import type { SessionEndReason } from './team-ports';

export interface SessionRow {
  id: string;
  operator_id: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  ended_at: number | null;
  end_reason: SessionEndReason | null;
  user_agent: string | null;
  address: string | null;
}

/** A session with what `resolve` needs of its operator. */
export interface SessionWithOperator extends SessionRow {
  role: OperatorRole;
  removed_at: number | null;
}

export interface NewSession {
  id: string;
  tokenHash: string;
  operatorId: string;
  now: number;
  expiresAt: number;
  userAgent: string | null;
  address: string | null;
}

export function insertSession(db: Database, session: NewSession): SessionRow {
  db.prepare(
    'INSERT INTO operator_sessions (id, token_hash, operator_id, created_at, expires_at, last_seen_at, user_agent, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(session.id, session.tokenHash, session.operatorId, session.now, session.expiresAt, session.now, session.userAgent, session.address);
  return db.prepare('SELECT * FROM operator_sessions WHERE id = ?').get(session.id) as SessionRow;
}

export function sessionByTokenHash(db: Database, tokenHash: string): SessionWithOperator | undefined {
  return db
    .prepare('SELECT s.*, o.role, o.removed_at FROM operator_sessions s JOIN operators o ON o.id = s.operator_id WHERE s.token_hash = ?')
    .get(tokenHash) as SessionWithOperator | undefined;
}

export function activeSession(db: Database, id: string): SessionRow | undefined {
  return db.prepare('SELECT * FROM operator_sessions WHERE id = ? AND ended_at IS NULL').get(id) as SessionRow | undefined;
}

export function activeSessionsOf(db: Database, operatorId: string): SessionRow[] {
  return db.prepare('SELECT * FROM operator_sessions WHERE operator_id = ? AND ended_at IS NULL ORDER BY created_at, rowid').all(operatorId) as SessionRow[];
}

export function touchSession(db: Database, id: string, now: number): void {
  db.prepare('UPDATE operator_sessions SET last_seen_at = ? WHERE id = ?').run(now, id);
}

/** Ends one session if it is still going; the ids that ended (none when it had ended already). */
export function endSession(db: Database, id: string, reason: SessionEndReason, now: number): string[] {
  return db.prepare('UPDATE operator_sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL RETURNING id').pluck().all(now, reason, id) as string[];
}

export function endSessionsOf(db: Database, operatorId: string, reason: SessionEndReason, now: number): string[] {
  return db
    .prepare('UPDATE operator_sessions SET ended_at = ?, end_reason = ? WHERE operator_id = ? AND ended_at IS NULL RETURNING id')
    .pluck()
    .all(now, reason, operatorId) as string[];
}

export function expireDueSessions(db: Database, now: number): string[] {
  return db
    .prepare("UPDATE operator_sessions SET ended_at = ?, end_reason = 'expired' WHERE ended_at IS NULL AND expires_at <= ? RETURNING id")
    .pluck()
    .all(now, now) as string[];
}

export function toSessionView(row: SessionRow, currentSessionId: string | null): SessionView {
  return {
    id: row.id,
    operatorId: row.operator_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    userAgent: row.user_agent,
    address: row.address,
    current: row.id === currentSessionId,
  };
}
