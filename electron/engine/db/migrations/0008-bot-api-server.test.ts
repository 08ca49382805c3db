import { migratedTo, migrateTo } from './test/migrated-to';
import { describe, expect, it } from 'vitest';

describe('migration 0008-bot-api-server', () => {
  const db = migratedTo(7);

  // Bot 1 has its own server, bot 2 uses the app-wide one; bot 9 was removed but its key stayed.
  const insertBot = db.prepare("INSERT INTO bots (id, telegram_bot_id, username, first_name, token_enc, mode, created_at, updated_at) VALUES (?, ?, ?, 'B', 'enc', 'polling', 1, 1)");
  insertBot.run(1, 901, 'own_server_bot');
  insertBot.run(2, 902, 'app_server_bot');
  const putMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  putMeta.run('bot_api_server:1', 'http://127.0.0.1:8081');
  putMeta.run('bot_api_server:9', 'http://127.0.0.1:8082');
  putMeta.run('bots_api_server', 'http://127.0.0.1:9000');
  putMeta.run('bots_webhook_base_url', 'https://desk.example');
  migrateTo(db, 8);

  it("moves each bot's own server into its row", () => {
    expect(db.prepare('SELECT id, api_server FROM bots ORDER BY id').all()).toEqual([
      { id: 1, api_server: 'http://127.0.0.1:8081' },
      { id: 2, api_server: null },
    ]);
  });

  it('drops every per-bot key, and keeps the app-wide settings', () => {
    expect(db.prepare('SELECT key, value FROM meta ORDER BY key').all()).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ key: expect.stringMatching(/^bot_api_server:/) })]),
    );
    expect(db.prepare("SELECT value FROM meta WHERE key = 'bots_api_server'").pluck().get()).toBe('http://127.0.0.1:9000');
    expect(db.prepare("SELECT value FROM meta WHERE key = 'bots_webhook_base_url'").pluck().get()).toBe('https://desk.example');
  });

  it('removing a bot takes its server with it, and a new bot starts on the app-wide one', () => {
    db.prepare('DELETE FROM bots WHERE id = 1').run();
    const next = Number(
      db.prepare("INSERT INTO bots (telegram_bot_id, username, first_name, token_enc, mode, created_at, updated_at) VALUES (903, 'n', 'N', 'enc', 'polling', 2, 2)").run()
        .lastInsertRowid,
    );
    expect(db.prepare('SELECT api_server FROM bots WHERE id = ?').pluck().get(next)).toBeNull();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
