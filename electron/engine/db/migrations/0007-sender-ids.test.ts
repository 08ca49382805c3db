import { migratedTo, migrateTo } from './test/migrated-to';
import { describe, expect, it } from 'vitest';

describe('migration 0007-sender-ids', () => {
  const db = migratedTo(6);

  // Account 1 and bot 1 are live; bot 3 and account 2 were removed before this migration, leaving
  // their conversations and outbox rows behind (the bot's own reply carries its name).
  db.prepare("INSERT INTO accounts (id, phone, first_name, created_at, updated_at) VALUES (1, '+79990000001', 'Анна', 1, 1)").run();
  db.prepare('INSERT INTO account_update_state (account_id, pts, qts, date, seq) VALUES (1, 10, 0, 1, 0)').run();
  db.prepare('INSERT INTO account_channel_state (account_id, channel_id, pts) VALUES (1, 77, 5)').run();
  db.prepare("INSERT INTO outbox_daily_caps (account_id, action, cap) VALUES (1, 'invite', 3)").run();
  db.prepare("INSERT INTO bots (id, telegram_bot_id, username, first_name, token_enc, mode, created_at, updated_at) VALUES (1, 900, 'desk_bot', 'Desk', 'enc', 'polling', 1, 1)").run();
  const conversation = db.prepare(
    "INSERT INTO conversations (source_kind, source_id, chat_key, kind, title, last_activity_at, created_at) VALUES (?, ?, 'user:5', 'private', 'Person', 1, 1)",
  );
  const removedBotChat = Number(conversation.run('bot', 3).lastInsertRowid);
  conversation.run('account', 2);
  db.prepare(
    `INSERT INTO messages (source_kind, source_id, chat_key, chat_title, telegram_message_id, sender_name, date, text, outgoing, received_at, conversation_id)
     VALUES ('bot', 3, 'user:5', 'Person', 4, 'Old bot', 1, 'hello', 1, 1, ?)`,
  ).run(removedBotChat);
  db.prepare("INSERT INTO outbox (sender_kind, sender_id, kind, payload, state, created_at, updated_at) VALUES ('bot', 5, 'text', '{}', 'failed', 1, 1)").run();
  migrateTo(db, 7);

  const insertBot = () =>
    Number(
      db.prepare("INSERT INTO bots (telegram_bot_id, username, first_name, token_enc, mode, created_at, updated_at) VALUES (?, 'b', 'B', 'enc', 'polling', 2, 2)").run(Date.now() % 1e9)
        .lastInsertRowid,
    );

  it('keeps every account and bot with its id, and what hangs off an account', () => {
    expect(db.prepare('SELECT id, phone, first_name FROM accounts').all()).toEqual([{ id: 1, phone: '+79990000001', first_name: 'Анна' }]);
    expect(db.prepare('SELECT id, username FROM bots').all()).toEqual([{ id: 1, username: 'desk_bot' }]);
    expect(db.prepare('SELECT account_id, pts FROM account_update_state').all()).toEqual([{ account_id: 1, pts: 10 }]);
    expect(db.prepare('SELECT account_id, channel_id, pts FROM account_channel_state').all()).toEqual([{ account_id: 1, channel_id: 77, pts: 5 }]);
    expect(db.prepare('SELECT account_id, cap FROM outbox_daily_caps').all()).toEqual([{ account_id: 1, cap: 3 }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('names senders removed before it from what they left behind', () => {
    expect(db.prepare('SELECT sender_kind, sender_id, name FROM removed_senders ORDER BY sender_kind, sender_id').all()).toEqual([
      { sender_kind: 'account', sender_id: 2, name: null },
      { sender_kind: 'bot', sender_id: 3, name: 'Old bot' },
      { sender_kind: 'bot', sender_id: 5, name: null },
    ]);
  });

  it('never hands out an id a removed sender held, not even one only its leftovers remember', () => {
    const first = insertBot();
    expect(first).toBe(6);
    db.prepare('DELETE FROM bots WHERE id = ?').run(first);
    expect(insertBot()).toBe(7);
    const account = Number(db.prepare("INSERT INTO accounts (phone, created_at, updated_at) VALUES ('+79990000002', 2, 2)").run().lastInsertRowid);
    expect(account).toBe(3);
  });

  it('still drops what hangs off an account with it', () => {
    db.prepare('DELETE FROM accounts WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM account_update_state').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM account_channel_state').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM outbox_daily_caps').pluck().get()).toBe(0);
  });
});
