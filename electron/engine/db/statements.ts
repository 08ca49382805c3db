import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

/**
 * The statement for this SQL on this database, prepared once. better-sqlite3 compiles SQL on
 * every `prepare`, and on the per-message paths (views, entities, cursors) that compiling was a
 * third of the engine's time under load. Only for fixed SQL text: a statement's mode (pluck,
 * raw) sticks to it, so every caller of one SQL text must use it the same way.
 */
export function cachedStatement(db: Database, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
