import { migratedTo, migrateTo } from './test/migrated-to';
import { describe, expect, it } from 'vitest';

describe('migration 0004-store-speed', () => {
  const db = migratedTo(3);
  const conversationId = db
    .prepare("INSERT INTO conversations (source_kind, source_id, chat_key, kind, title, last_activity_at, created_at) VALUES ('account', 1, 'user:5', 'private', 'Анна', 1, 1)")
    .run().lastInsertRowid;
  const insertMessage = db.prepare(
    `INSERT INTO messages (source_kind, source_id, chat_key, chat_title, telegram_message_id, sender_name, date, text, outgoing, received_at, conversation_id)
     VALUES ('account', 1, ?, 'Анна', ?, 'Анна', 1, ?, 0, 1, ?)
     ON CONFLICT (source_kind, source_id, chat_key, telegram_message_id) DO NOTHING`,
  );
  const index = () => db.prepare('INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages').run();
  insertMessage.run('user:5', 10, 'Здравствуйте, где мой заказ?', conversationId);
  insertMessage.run('user:5', 11, 'Вот фото чека', conversationId);
  index();
  db.prepare("INSERT INTO message_media (message_id, kind, mime_type) VALUES (2, 'photo', 'image/jpeg')").run();
  db.prepare("INSERT INTO message_edits (message_id, edited_at, old_text) VALUES (1, 5, 'Здравствуйте')").run();
  migrateTo(db, 4);

  const search = (query: string) => db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid').pluck().all(query);

  it('keeps every message with its id, media, edit history and search entry', () => {
    expect(db.prepare('SELECT id, telegram_message_id, conversation_id FROM messages ORDER BY id').all()).toEqual([
      { id: 1, telegram_message_id: 10, conversation_id: conversationId },
      { id: 2, telegram_message_id: 11, conversation_id: conversationId },
    ]);
    expect(db.prepare('SELECT message_id, kind FROM message_media').all()).toEqual([{ message_id: 2, kind: 'photo' }]);
    expect(db.prepare('SELECT message_id, old_text FROM message_edits').all()).toEqual([{ message_id: 1, old_text: 'Здравствуйте' }]);
    expect(search('заказ')).toEqual([1]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('still refuses a second copy of a message, under the same conflict target', () => {
    expect(insertMessage.run('user:5', 10, 'again', conversationId).changes).toBe(0);
    expect(insertMessage.run('user:6', 10, 'same id, another chat', conversationId).changes).toBe(1);
  });

  it('finds a message by source and Telegram id through the identity index, with or without its chat', () => {
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('\n');
    expect(plan("SELECT id FROM messages WHERE source_kind = 'account' AND source_id = 1 AND telegram_message_id = 10")).toMatch(
      /USING (COVERING )?INDEX sqlite_autoindex_messages_1 \(source_kind=\? AND source_id=\? AND telegram_message_id=\?\)/,
    );
    expect(plan("SELECT id FROM messages WHERE source_kind = 'account' AND source_id = 1 AND chat_key = 'user:5' AND telegram_message_id = 10")).toMatch(
      /USING (COVERING )?INDEX sqlite_autoindex_messages_1 \(source_kind=\? AND source_id=\? AND telegram_message_id=\? AND chat_key=\?\)/,
    );
    const page = plan('SELECT * FROM messages WHERE conversation_id = 1 AND (date < 5 OR (date = 5 AND id < 9)) ORDER BY date DESC, id DESC LIMIT 20');
    expect(page).toMatch(/USING INDEX messages_conversation \(conversation_id=\?/);
    expect(page).not.toMatch(/TEMP B-TREE/);
  });

  it('keeps the search index in step with edits and deletions, and deletions reach media', () => {
    db.prepare("UPDATE messages SET text = 'Заказ уже в пути' WHERE id = 1").run();
    expect(search('где')).toEqual([]);
    expect(search('пути')).toEqual([1]);
    db.prepare('DELETE FROM messages WHERE id = 2').run();
    expect(search('чека')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM message_media').pluck().get()).toBe(0);
  });
});
