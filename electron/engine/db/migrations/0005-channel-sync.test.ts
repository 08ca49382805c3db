import { migratedTo, migrateTo } from './test/migrated-to';
import { describe, expect, it } from 'vitest';

describe('migration 0005-channel-sync', () => {
  const db = migratedTo(4);
  const accountId = db.prepare("INSERT INTO accounts (phone, created_at, updated_at) VALUES ('+79990000001', 1, 1)").run().lastInsertRowid;
  db.prepare("INSERT INTO conversations (source_kind, source_id, chat_key, kind, title, last_activity_at, created_at) VALUES ('account', ?, 'user:5', 'private', 'Анна', 1, 1)").run(accountId);
  migrateTo(db, 5);

  it('starts existing conversations with nothing read by the other side', () => {
    expect(db.prepare('SELECT read_outbox_telegram_id FROM conversations').pluck().all()).toEqual([0]);
  });

  it('keeps one pts per account and channel, dropped with the account', () => {
    const insert = db.prepare('INSERT INTO account_channel_state (account_id, channel_id, pts) VALUES (?, ?, ?)');
    insert.run(accountId, 900, 12);
    expect(() => insert.run(accountId, 900, 13)).toThrow(/UNIQUE constraint/);
    expect(() => insert.run(999, 900, 1)).toThrow(/FOREIGN KEY constraint/);
    db.prepare('DELETE FROM accounts WHERE id = ?').run(accountId);
    expect(db.prepare('SELECT count(*) FROM account_channel_state').pluck().get()).toBe(0);
  });
});
