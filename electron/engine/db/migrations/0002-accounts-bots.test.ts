import { migratedTo, migrateTo } from './test/migrated-to';
import { describe, expect, it } from 'vitest';

describe('migration 0002-accounts-bots', () => {
  const db = migratedTo(1);
  db.prepare("INSERT INTO audit_log (at, actor, action) VALUES (1, 'operator:local', 'before')").run();
  migrateTo(db, 2);

  it('keeps what version 1 stored', () => {
    expect(db.prepare('SELECT action FROM audit_log').pluck().all()).toEqual(['before']);
  });

  it('stores an account with its own credentials only as a pair', () => {
    const insert = db.prepare('INSERT INTO accounts (phone, api_id, api_hash_enc, created_at, updated_at) VALUES (?, ?, ?, 1, 1)');
    expect(() => insert.run('+79990000001', 123, 'v1:x')).not.toThrow();
    expect(() => insert.run('+79990000002', 123, null)).toThrow(/CHECK constraint/);
    expect(() => insert.run('+79990000001', null, null)).toThrow(/UNIQUE constraint/);
  });

  it('drops an account update cursor with the account', () => {
    const id = db.prepare("INSERT INTO accounts (phone, created_at, updated_at) VALUES ('+79990000003', 1, 1)").run().lastInsertRowid;
    db.prepare('INSERT INTO account_update_state VALUES (?, 1, 0, 1, 0)').run(id);
    db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) FROM account_update_state').pluck().get()).toBe(0);
  });

  it('refuses a second copy of the same incoming message', () => {
    const insert = db.prepare(
      "INSERT INTO messages (source_kind, source_id, chat_key, chat_title, telegram_message_id, sender_name, date, text, outgoing, received_at) VALUES ('bot', 1, 'user:5', 'Anna', ?, 'Anna', 1, 'hi', 0, 1)",
    );
    insert.run(10);
    expect(() => insert.run(10)).toThrow(/UNIQUE constraint/);
    expect(() => db.prepare("INSERT INTO bots (telegram_bot_id, username, first_name, token_enc, mode, created_at, updated_at) VALUES (1, 'b', 'B', 'v1:x', 'push', 1, 1)").run()).toThrow(/CHECK constraint/);
  });
});
