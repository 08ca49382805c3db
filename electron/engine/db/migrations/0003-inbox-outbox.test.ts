import { migratedTo, migrateTo } from './test/migrated-to';
import { describe, expect, it } from 'vitest';

describe('migration 0003-inbox-outbox', () => {
  const db = migratedTo(2);
  const insertMessage = db.prepare(
    "INSERT INTO messages (source_kind, source_id, chat_key, chat_title, telegram_message_id, sender_name, date, text, outgoing, received_at) VALUES ('account', 1, 'user:5', 'Анна', ?, 'Анна', 1, ?, 0, 1)",
  );
  insertMessage.run(1, 'Здравствуйте, где мой заказ?');
  migrateTo(db, 3);

  const search = (query: string) => db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid').pluck().all(query);

  it('indexes messages stored before it, and keeps edits and deletions in step', () => {
    expect(search('заказ')).toEqual([1]);
    const id = insertMessage.run(2, 'Order number 4821, please CHECK').lastInsertRowid;
    // New messages are indexed in batches by the ingest path, not by a trigger.
    expect(search('check')).toEqual([]);
    db.prepare('INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE id = ?').run(id);
    expect(search('check')).toEqual([2]);
    db.prepare("UPDATE messages SET text = 'Заказ уже в пути' WHERE id = 1").run();
    expect(search('ЗАКАЗ')).toEqual([1]);
    expect(search('где')).toEqual([]);
    db.prepare('DELETE FROM messages WHERE id = 2').run();
    expect(search('order')).toEqual([]);
  });

  it('seeds the local operator and keeps conversation workflow values valid', () => {
    expect(db.prepare('SELECT id FROM operators').pluck().all()).toEqual(['operator:local']);
    const insert = db.prepare("INSERT INTO conversations (source_kind, source_id, chat_key, kind, title, last_activity_at, created_at, status) VALUES ('bot', 1, ?, 'private', 'x', 1, 1, ?)");
    expect(() => insert.run('user:1', 'open')).not.toThrow();
    expect(() => insert.run('user:2', 'archived')).toThrow(/CHECK constraint/);
    expect(() => insert.run('user:1', 'open')).toThrow(/UNIQUE constraint/);
  });

  it('accepts only known outbox states', () => {
    const insert = db.prepare("INSERT INTO outbox (sender_kind, sender_id, kind, payload, state, created_at, updated_at) VALUES ('bot', 1, 'text', '{}', ?, 1, 1)");
    expect(() => insert.run('uncertain')).not.toThrow();
    expect(() => insert.run('lost')).toThrow(/CHECK constraint/);
  });
});
