import { describe, expect, it } from 'vitest';
import { migratedTo, migrateTo } from './test/migrated-to';

describe('migration 0012-operators', () => {
  const db = migratedTo(11);
  db.prepare("INSERT INTO operators (id, name, max_chats, created_at) VALUES ('operator:old', 'Old colleague', 5, 1)").run();
  db.prepare("INSERT INTO conversations (id, source_kind, source_id, chat_key, kind, title, last_activity_at, created_at, assignee_id) VALUES (1, 'bot', 1, 'user:1', 'private', 'Anna', 1, 1, NULL)").run();
  db.prepare("INSERT INTO conversations (id, source_kind, source_id, chat_key, kind, title, last_activity_at, created_at, assignee_id) VALUES (2, 'bot', 1, 'user:2', 'private', 'Boris', 1, 1, 'operator:old')").run();
  migrateTo(db, 12);

  it('makes the person at the desk its admin, who takes no chats from the queue by themselves', () => {
    expect(db.prepare("SELECT role, auto_assign, removed_at FROM operators WHERE id = 'operator:local'").get()).toEqual({ role: 'admin', auto_assign: 0, removed_at: null });
  });

  it('keeps an operator made before as an operator, with their capacity', () => {
    expect(db.prepare("SELECT role, max_chats, languages, auto_assign FROM operators WHERE id = 'operator:old'").get()).toEqual({ role: 'operator', max_chats: 5, languages: '[]', auto_assign: 1 });
  });

  it('puts no existing conversation in a queue and keeps every assignee, so a one-person desk sees no change', () => {
    expect(db.prepare('SELECT id, assignee_id, queued_at, last_assignee_id FROM conversations ORDER BY id').all()).toEqual([
      { id: 1, assignee_id: null, queued_at: null, last_assignee_id: null },
      { id: 2, assignee_id: 'operator:old', queued_at: null, last_assignee_id: null },
    ]);
  });

  it('refuses a role that is neither admin nor operator, and languages that are not a JSON list', () => {
    expect(() => db.prepare("UPDATE operators SET role = 'owner' WHERE id = 'operator:old'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE operators SET languages = 'ru' WHERE id = 'operator:old'").run()).toThrow(/CHECK|JSON/);
    expect(() => db.prepare(`UPDATE operators SET languages = '{"ru":1}' WHERE id = 'operator:old'`).run()).toThrow(/CHECK/);
  });

  it('ties a session, its senders and its invites to an operator, and a session ends with a reason', () => {
    db.prepare("INSERT INTO operator_senders (operator_id, sender_kind, sender_id) VALUES ('operator:old', 'bot', 1)").run();
    db.prepare("INSERT INTO operator_invites (token_hash, operator_id, created_by, created_at, expires_at) VALUES ('h1', 'operator:old', 'operator:local', 1, 2)").run();
    const session = db.prepare("INSERT INTO operator_sessions (id, token_hash, operator_id, created_at, expires_at, last_seen_at) VALUES (?, ?, 'operator:old', 1, 2, 1)");
    session.run('s1', 't1');
    expect(() => db.prepare("UPDATE operator_sessions SET ended_at = 3 WHERE id = 's1'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE operator_sessions SET ended_at = 3, end_reason = 'revoked' WHERE id = 's1'").run();
    expect(() => session.run('s2', 't1')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO operator_senders (operator_id, sender_kind, sender_id) VALUES ('operator:nobody', 'bot', 1)").run()).toThrow(/FOREIGN KEY/);
  });

  it('keeps one row of team settings and one hub certificate', () => {
    db.prepare("INSERT INTO team_settings (id, settings, updated_at) VALUES (1, '{}', 1)").run();
    expect(() => db.prepare("INSERT INTO team_settings (id, settings, updated_at) VALUES (2, '{}', 1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO hub_certificate (id, certificate, private_key, fingerprint, created_at) VALUES (2, 'c', 'k', 'f', 1)").run()).toThrow(/CHECK/);
  });
});
