import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';
import { migration0011 } from './0011-inbound-failures';

describe('migration 0011-inbound-failures', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const migration of migrations.filter((m) => m.version < 11)) migration.up(db);
  migration0011.up(db);

  it('keeps a failed batch with its consumer, source, error and time', () => {
    db.prepare("INSERT INTO inbound_failures (consumer, source_kind, source_id, batch, error, failed_at) VALUES ('rewards', 'bot', 3, '{}', 'TypeError: x', 5)").run();
    expect(db.prepare('SELECT consumer, source_kind, source_id, batch, error, failed_at FROM inbound_failures').all()).toEqual([
      { consumer: 'rewards', source_kind: 'bot', source_id: 3, batch: '{}', error: 'TypeError: x', failed_at: 5 },
    ]);
  });

  it('refuses a source that is neither an account nor a bot', () => {
    expect(() => db.prepare("INSERT INTO inbound_failures (consumer, source_kind, source_id, batch, error, failed_at) VALUES ('x', 'channel', 1, '{}', 'e', 1)").run()).toThrow(/CHECK/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
