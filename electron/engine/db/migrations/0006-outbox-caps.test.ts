import { migratedTo, migrateTo } from './test/migrated-to';
import { describe, expect, it } from 'vitest';

describe('migration 0006-outbox-caps', () => {
  const db = migratedTo(5);
  const accountId = Number(db.prepare("INSERT INTO accounts (phone, created_at, updated_at) VALUES ('+79990000001', 1, 1)").run().lastInsertRowid);
  db.prepare("INSERT INTO outbox (sender_kind, sender_id, kind, payload, state, created_at, updated_at) VALUES ('account', ?, 'text', '{}', 'sent', 1, 1)").run(accountId);
  db.prepare("INSERT INTO sender_pauses (sender_kind, sender_id, until, reason) VALUES ('account', ?, 5, 'flood')").run(accountId);
  migrateTo(db, 6);

  it('counts every earlier outbox row as a reply and every earlier pause as a flood wait', () => {
    expect(db.prepare('SELECT action FROM outbox').pluck().all()).toEqual(['reply']);
    expect(db.prepare('SELECT kind, since FROM sender_pauses').all()).toEqual([{ kind: 'flood', since: 0 }]);
    expect(() => db.prepare("UPDATE sender_pauses SET kind = 'nap'").run()).toThrow(/CHECK constraint/);
  });

  it('keeps one cap per account and kind, never negative, and drops them with the account', () => {
    const insert = db.prepare('INSERT INTO outbox_daily_caps (account_id, action, cap) VALUES (?, ?, ?)');
    insert.run(accountId, 'invite', 10);
    insert.run(accountId, 'reply', null);
    expect(() => insert.run(accountId, 'invite', 20)).toThrow(/UNIQUE constraint|PRIMARY KEY/);
    expect(() => insert.run(accountId, 'contact_import', -1)).toThrow(/CHECK constraint/);
    db.prepare('DELETE FROM accounts WHERE id = ?').run(accountId);
    expect(db.prepare('SELECT count(*) FROM outbox_daily_caps').pluck().get()).toBe(0);
  });
});
