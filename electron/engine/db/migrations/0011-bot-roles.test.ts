import { describe, expect, it } from 'vitest';
import { migratedTo, migrateTo } from './test/migrated-to';

describe('migration 0011-bot-roles', () => {
  const db = migratedTo(10);

  const insertBot = db.prepare("INSERT INTO bots (id, telegram_bot_id, username, first_name, token_enc, mode, created_at, updated_at) VALUES (?, ?, ?, 'B', 'enc', 'polling', 1, 1)");
  insertBot.run(1, 901, 'support_bot');
  insertBot.run(2, 902, 'other_bot');
  migrateTo(db, 11);
  const rolesOf = (botId: number) => db.prepare('SELECT role FROM bot_roles WHERE bot_id = ? ORDER BY role').pluck().all(botId);

  it('every existing bot serves the inbox, as it did before roles existed', () => {
    expect(rolesOf(1)).toEqual(['inbox']);
    expect(rolesOf(2)).toEqual(['inbox']);
  });

  it('a bot added later starts as an inbox bot and may take more roles', () => {
    insertBot.run(3, 903, 'new_bot');
    db.prepare("INSERT INTO bot_roles (bot_id, role) VALUES (3, 'rewards')").run();
    expect(rolesOf(3)).toEqual(['inbox', 'rewards']);
  });

  it('refuses a role name that is not lowercase letters, digits and dashes', () => {
    expect(() => db.prepare("INSERT INTO bot_roles (bot_id, role) VALUES (1, 'Team Tasks')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO bot_roles (bot_id, role) VALUES (1, '')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO bot_roles (bot_id, role) VALUES (1, 'team-tasks')").run();
    expect(rolesOf(1)).toEqual(['inbox', 'team-tasks']);
  });

  it('keeps one edited text per role, key and language, never empty', () => {
    const put = db.prepare("INSERT INTO bot_texts (role, key, language, text, updated_at, updated_by) VALUES ('rewards', 'welcome', ?, ?, 5, 'operator:local')");
    put.run('en', 'Hi {{name}}');
    put.run('ru', 'Привет, {{name}}');
    expect(() => put.run('en', 'again')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => put.run('de', 'Hallo')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO bot_texts (role, key, language, text, updated_at, updated_by) VALUES ('rewards', 'bye', 'en', '', 5, 'x')").run()).toThrow(/CHECK/);
  });

  it("removing a bot takes its roles with it; a role's texts stay for the other bots serving it", () => {
    db.prepare('DELETE FROM bots WHERE id = 3').run();
    expect(rolesOf(3)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM bot_texts').pluck().get()).toBe(2);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
