import { migratedTo, migrateTo } from './test/migrated-to';
import { describe, expect, it } from 'vitest';

describe('migration 0001-foundation', () => {
  const db = migratedTo(0);
  migrateTo(db, 1);

  const columns = (table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);

  it('creates the log, audit and meta tables', () => {
    expect(columns('log_entries')).toEqual(['id', 'at', 'level', 'scope', 'message', 'details']);
    expect(columns('audit_log')).toEqual(['id', 'at', 'actor', 'action', 'target', 'details']);
    expect(columns('meta')).toEqual(['key', 'value']);
  });

  it('accepts only known log levels', () => {
    const insert = db.prepare('INSERT INTO log_entries (at, level, scope, message) VALUES (1, ?, ?, ?)');
    expect(() => insert.run('info', 'engine', 'ok')).not.toThrow();
    expect(() => insert.run('loud', 'engine', 'nope')).toThrow(/CHECK constraint/);
  });

  it('keeps column types strict', () => {
    expect(() => db.prepare("INSERT INTO audit_log (at, actor, action) VALUES ('soon', 'a', 'b')").run()).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
