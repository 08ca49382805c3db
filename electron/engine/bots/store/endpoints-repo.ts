import type { Database } from 'better-sqlite3';

/*
 * Where bots meet Telegram, kept in the workspace's `meta` table so the sandbox workspace and
 * the real one each have their own: the public webhook address and the app-wide Bot API server.
 * A bot's own server is a column of its row (bot-repo).
 */
const WEBHOOK_BASE = 'bots_webhook_base_url';
const API_SERVER = 'bots_api_server';

function read(db: Database, key: string): string | null {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

function write(db: Database, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM meta WHERE key = ?').run(key);
  else db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export const readWebhookBase = (db: Database) => read(db, WEBHOOK_BASE);
export const writeWebhookBase = (db: Database, url: string | null) => write(db, WEBHOOK_BASE, url);
export const readAppApiServer = (db: Database) => read(db, API_SERVER);
export const writeAppApiServer = (db: Database, url: string | null) => write(db, API_SERVER, url);
