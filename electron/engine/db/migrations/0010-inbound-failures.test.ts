import { describe, expect, it } from 'vitest';
import { migratedTo, migrateTo } from './test/migrated-to';

describe('migration 0010-inbound-failures', () => {
  const db = migratedTo(9);
  migrateTo(db, 10);

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
