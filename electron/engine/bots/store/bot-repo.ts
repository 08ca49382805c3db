import type { Database } from 'better-sqlite3';
import { recordRemovedSender } from '../../db/removed-senders';

export type BotMode = 'polling' | 'webhook';

/** A bots row as stored; the token stays encrypted here and is decrypted only to connect. */
export interface BotRecord {
  id: number;
  telegramBotId: number;
  username: string;
  firstName: string;
  tokenEnc: string;
  mode: BotMode;
  updateOffset: number;
  enabled: boolean;
  /** The bot's own Bot API server; null when it uses the app-wide one. */
  apiServer: string | null;
  createdAt: number;
}

interface Row {
  id: number;
  telegram_bot_id: number;
  username: string;
  first_name: string;
  token_enc: string;
  mode: BotMode;
  update_offset: number;
  enabled: number;
  api_server: string | null;
  created_at: number;
}

export function insertBot(
  db: Database,
  input: { telegramBotId: number; username: string; firstName: string; tokenEnc: string; mode: BotMode; apiServer: string | null },
  now: number,
): BotRecord {
  const id = Number(
    db
      .prepare('INSERT INTO bots (telegram_bot_id, username, first_name, token_enc, mode, api_server, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(input.telegramBotId, input.username, input.firstName, input.tokenEnc, input.mode, input.apiServer, now, now).lastInsertRowid,
  );
  return findBot(db, id)!;
}

export function findBot(db: Database, id: number): BotRecord | undefined {
  const row = db.prepare('SELECT * FROM bots WHERE id = ?').get(id) as Row | undefined;
  return row && fromRow(row);
}

export function findBotByTelegramId(db: Database, telegramBotId: number): BotRecord | undefined {
  const row = db.prepare('SELECT * FROM bots WHERE telegram_bot_id = ?').get(telegramBotId) as Row | undefined;
  return row && fromRow(row);
}

export function listBots(db: Database): BotRecord[] {
  return (db.prepare('SELECT * FROM bots ORDER BY id').all() as Row[]).map(fromRow);
}

export function setBotEnabled(db: Database, id: number, enabled: boolean, now: number): void {
  db.prepare('UPDATE bots SET enabled = ?, updated_at = ? WHERE id = ?').run(enabled ? 1 : 0, now, id);
}

export function readUpdateOffset(db: Database, id: number): number {
  return db.prepare('SELECT update_offset FROM bots WHERE id = ?').pluck().get(id) as number;
}

/** Call inside the transaction that stores what the updates produced. */
export function setUpdateOffset(db: Database, id: number, offset: number, now: number): void {
  db.prepare('UPDATE bots SET update_offset = ?, updated_at = ? WHERE id = ?').run(offset, now, id);
}

/** The bot and what it learned of people and chats; its stored messages stay as history, under its name. */
export function deleteBot(db: Database, bot: Pick<BotRecord, 'id' | 'username'>, now: number): void {
  db.transaction(() => {
    db.prepare("DELETE FROM telegram_entities WHERE source_kind = 'bot' AND source_id = ?").run(bot.id);
    db.prepare('DELETE FROM bots WHERE id = ?').run(bot.id);
    recordRemovedSender(db, { kind: 'bot', id: bot.id, name: `@${bot.username}` }, now);
  })();
}

function fromRow(row: Row): BotRecord {
  return {
    id: row.id,
    telegramBotId: row.telegram_bot_id,
    username: row.username,
    firstName: row.first_name,
    tokenEnc: row.token_enc,
    mode: row.mode,
    updateOffset: row.update_offset,
    enabled: row.enabled === 1,
    apiServer: row.api_server,
    createdAt: row.created_at,
  };
}

export function setBotMode(db: Database, id: number, mode: BotMode, now: number): void {
  db.prepare('UPDATE bots SET mode = ?, updated_at = ? WHERE id = ?').run(mode, now, id);
}

export function setBotApiServer(db: Database, id: number, apiServer: string | null, now: number): void {
  db.prepare('UPDATE bots SET api_server = ?, updated_at = ? WHERE id = ?').run(apiServer, now, id);
}
