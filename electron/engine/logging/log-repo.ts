import type { Database } from 'better-sqlite3';
import { LOG_LEVELS, type LogEntry, type LogLevel } from '../../../shared/domain/logs';
import { Where } from '../db/where';
import type { PendingLogEntry } from './log-record';

export interface LogQuery {
  minLevel?: LogLevel;
  text?: string;
  limit: number;
  beforeId?: number;
}

interface Row {
  id: number;
  at: number;
  level: LogLevel;
  scope: string;
  message: string;
  details: string | null;
}

export function insertLogEntries(db: Database, entries: readonly PendingLogEntry[]): LogEntry[] {
  const insert = db.prepare('INSERT INTO log_entries (at, level, scope, message, details) VALUES (?, ?, ?, ?, ?)');
  return db.transaction(() =>
    entries.map((e) => {
      const id = Number(insert.run(e.at, e.level, e.scope, e.message, e.details ? JSON.stringify(e.details) : null).lastInsertRowid);
      return { ...e, id };
    }),
  )();
}

export function queryLogEntries(db: Database, query: LogQuery): { entries: LogEntry[]; hasMore: boolean } {
  const { where, params } = filterSql(query);
  const rows = db
    .prepare(`SELECT * FROM log_entries ${where} ORDER BY id DESC LIMIT ?`)
    .all(...params, query.limit + 1) as Row[];
  return { entries: rows.slice(0, query.limit).map(fromRow), hasMore: rows.length > query.limit };
}

/** Every matching entry, oldest first, for export. */
export function* iterateLogEntries(db: Database, query: Omit<LogQuery, 'limit' | 'beforeId'>): Generator<LogEntry> {
  const { where, params } = filterSql(query);
  for (const row of db.prepare(`SELECT * FROM log_entries ${where} ORDER BY id`).iterate(...params)) {
    yield fromRow(row as Row);
  }
}

/** Keeps the newest `keep` entries. */
export function pruneLogEntries(db: Database, keep: number): number {
  return db.prepare('DELETE FROM log_entries WHERE id <= (SELECT MAX(id) FROM log_entries) - ?').run(keep).changes;
}

function filterSql(query: Omit<LogQuery, 'limit'>) {
  const where = new Where();
  if (query.minLevel && query.minLevel !== 'debug') {
    const levels = LOG_LEVELS.slice(LOG_LEVELS.indexOf(query.minLevel));
    where.add(`level IN (${levels.map(() => '?').join(', ')})`, ...levels);
  }
  where.containsAny(['message', 'scope', 'details'], query.text).before(query.beforeId);
  return { where: String(where), params: where.params };
}

function fromRow(row: Row): LogEntry {
  return { ...row, details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null };
}
