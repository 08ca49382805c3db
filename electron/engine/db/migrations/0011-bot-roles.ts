import type { Migration } from '../migration';

/**
 * Bots serve roles (the support inbox, the rewards bot, the team-tasks bot): commands, button
 * presses and messages of a role's flow go to the domain that owns it, the rest to the inbox.
 * Every bot so far was an inbox bot, and a bot added later starts as one too. Operators may
 * reword what a role's bot says, per language; an unedited text is the flow's default (in code).
 */
export const migration0011: Migration = {
  version: 11,
  name: 'bot-roles',
  up(db) {
    db.exec(`
      CREATE TABLE bot_roles (
        bot_id INTEGER NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
        role   TEXT    NOT NULL CHECK (role <> '' AND role NOT GLOB '*[^a-z0-9-]*'),
        PRIMARY KEY (bot_id, role)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO bot_roles (bot_id, role) SELECT id, 'inbox' FROM bots;

      CREATE TRIGGER bots_start_as_inbox AFTER INSERT ON bots BEGIN
        INSERT INTO bot_roles (bot_id, role) VALUES (NEW.id, 'inbox');
      END;

      CREATE TABLE bot_texts (
        role       TEXT    NOT NULL,
        key        TEXT    NOT NULL,
        language   TEXT    NOT NULL CHECK (language IN ('en', 'ru')),
        text       TEXT    NOT NULL CHECK (text <> ''),
        updated_at INTEGER NOT NULL,
        updated_by TEXT    NOT NULL,
        PRIMARY KEY (role, key, language)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
