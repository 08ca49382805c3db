import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration0001 } from './0001-foundation';
import { migration0002 } from './0002-accounts-bots';
import { migration0003 } from './0003-inbox-outbox';
import { migration0005 } from './0005-channel-sync';

describe('migration 0005-channel-sync', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration0001.up(db);
  migration0002.up(db);
  migration0003.up(db);
  const accountId = db.prepare("INSERT INTO accounts (phone, created_at, updated_at) VALUES ('+79990000001', 1, 1)").run().lastInsertRowid;
  db.prepare("INSERT INTO conversations (source_kind, source_id, chat_key, kind, title, last_activity_at, created_at) VALUES ('account', ?, 'user:5', 'private', 'Анна', 1, 1)").run(accountId);
  migration0005.up(db);

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
