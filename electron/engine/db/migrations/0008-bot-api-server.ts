import type { Migration } from '../migration';

/**
 * A bot's own Bot API server is a column of its row, so it goes with the bot. Until now it was a
 * `bot_api_server:<id>` key in `meta`, which removing a bot had to remember to delete; keys whose
 * bot is gone are dropped with the rest.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'bot-api-server',
  up(db) {
    db.exec(`
      -- NULL: the bot uses the app-wide server (or Telegram's).
      ALTER TABLE bots ADD COLUMN api_server TEXT;
      UPDATE bots SET api_server = (SELECT value FROM meta WHERE key = 'bot_api_server:' || bots.id);
      DELETE FROM meta WHERE key GLOB 'bot_api_server:*';
    `);
  },
};
