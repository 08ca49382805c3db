import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../../shared/domain/logs';
import { Where } from '../db/where';

export interface AuditRecord {
  actor: string;
  action: string;
  target?: string | null;
  details?: Record<string, unknown> | null;
}

interface Row {
  id: number;
  at: number;
  actor: string;
  actor_name: string | null;
  action: string;
  target: string | null;
  details: string | null;
}

export function recordAudit(db: Database, at: number, record: AuditRecord): AuditEntry {
  const details = record.details ?? null;
  const target = record.target ?? null;
  const id = Number(
    db
      .prepare('INSERT INTO audit_log (at, actor, action, target, details) VALUES (?, ?, ?, ?, ?)')
      .run(at, record.actor, record.action, target, details ? JSON.stringify(details) : null).lastInsertRowid,
  );
  const actorName = (db.prepare('SELECT name FROM operators WHERE id = ?').pluck().get(record.actor) as string | undefined) ?? null;
  return { id, at, actor: record.actor, actorName, action: record.action, target, details };
}

// Names come from the operators' rows, which stay after an operator is removed.
const SELECT = 'SELECT a.*, o.name AS actor_name FROM audit_log a LEFT JOIN operators o ON o.id = a.actor';

export function queryAudit(db: Database, query: { text?: string; limit: number; beforeId?: number }) {
  const { where, params } = filterSql(query);
  const rows = db.prepare(`${SELECT} ${where} ORDER BY a.id DESC LIMIT ?`).all(...params, query.limit + 1) as Row[];
  return { entries: rows.slice(0, query.limit).map(fromRow), hasMore: rows.length > query.limit };
}

export function* iterateAudit(db: Database, query: { text?: string }): Generator<AuditEntry> {
  const { where, params } = filterSql(query);
  for (const row of db.prepare(`${SELECT} ${where} ORDER BY a.id`).iterate(...params)) yield fromRow(row as Row);
}

function filterSql(query: { text?: string; beforeId?: number }) {
  const where = new Where().containsAny(['a.actor', 'o.name', 'a.action', 'a.target', 'a.details'], query.text).before(query.beforeId, 'a.id');
  return { where: String(where), params: where.params };
}

function fromRow({ actor_name, ...row }: Row): AuditEntry {
  return { ...row, actorName: actor_name, details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null };
}
