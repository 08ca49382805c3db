import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from '../../db/migrations/index';
import { readUpdateOffset, setUpdateOffset } from '../../bots/store/bot-repo';
import type { InboundBatch, InboundConsumer } from '../../inbound/inbound';
import type { BotCommand, CallbackQuery, InboundMessage, InboundPerson } from '../../telegram/inbound/types';
import type { BotActions } from '../bot-actions';

/** A real SQLite file with every migration applied, as the engine's store has it, plus the tables the tests read. */
export function openFlowsDatabase(dir: string): Database.Database {
  const db = new Database(join(dir, 'desk.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Opened again after a kill: already migrated.
  if (db.pragma('user_version', { simple: true }) !== 0) return db;
  db.transaction(() => {
    for (const migration of migrations) migration.up(db);
    db.exec(`
      CREATE TABLE ping_log (id INTEGER PRIMARY KEY, role TEXT, chat_key TEXT, what TEXT);
      CREATE TABLE queued_actions (id INTEGER PRIMARY KEY, kind TEXT, bot_id INTEGER, target TEXT, text TEXT, keyboard TEXT, alert INTEGER, domain TEXT, ref TEXT);
      CREATE TABLE inbox_saw (id INTEGER PRIMARY KEY, what TEXT);
    `);
    db.pragma(`user_version = ${migrations.at(-1)!.version}`);
  })();
  return db;
}

export function reopen(db: Database.Database): Database.Database {
  const file = db.name;
  db.close();
  const again = new Database(file);
  again.pragma('foreign_keys = ON');
  return again;
}

export function addBot(db: Database.Database, id: number, roles: string[]): void {
  db.prepare("INSERT INTO bots (id, telegram_bot_id, username, first_name, token_enc, mode, created_at, updated_at) VALUES (?, ?, ?, 'B', 'enc', 'polling', 1, 1)").run(id, 900 + id, `bot${id}`);
  db.prepare('DELETE FROM bot_roles WHERE bot_id = ?').run(id);
  for (const role of roles) db.prepare('INSERT INTO bot_roles (bot_id, role) VALUES (?, ?)').run(id, role);
}

/** Stands in for the outbox: one row per action, written on the same database, so a rollback takes it back. */
export function recordingActions(db: Database.Database): BotActions {
  const insert = (kind: string, botId: number, target: string, text: string | null, keyboard: unknown, alert: boolean, origin: { domain: string; ref: string }) =>
    db.prepare('INSERT INTO queued_actions (kind, bot_id, target, text, keyboard, alert, domain, ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(kind, botId, target, text, keyboard ? JSON.stringify(keyboard) : null, alert ? 1 : 0, origin.domain, origin.ref);
  return {
    message: (a) => insert('message', a.botId, a.chatKey, a.text, a.keyboard, false, a.origin),
    edit: (a) => insert('edit', a.botId, `${a.chatKey}#${a.telegramMessageId}`, a.text, a.keyboard, false, a.origin),
    answerCallback: (a) => insert('answer', a.botId, a.callbackQueryId, a.text, null, a.alert, a.origin),
  };
}

export interface QueuedAction {
  kind: string;
  bot_id: number;
  target: string;
  text: string | null;
  keyboard: string | null;
  alert: number;
  domain: string;
  ref: string;
}

export const queued = (db: Database.Database) => db.prepare('SELECT kind, bot_id, target, text, keyboard, alert, domain, ref FROM queued_actions ORDER BY id').all() as QueuedAction[];
export const pingLog = (db: Database.Database) => db.prepare('SELECT what FROM ping_log ORDER BY id').pluck().all() as string[];
export const inboxSaw = (db: Database.Database) => db.prepare('SELECT what FROM inbox_saw ORDER BY id').pluck().all() as string[];

/** The consumer after the router: records what reached the inbox. */
export const recordingInbox: InboundConsumer = {
  name: 'inbox',
  consume(batch, ctx) {
    for (const m of batch.messages) ctx.db.prepare('INSERT INTO inbox_saw (what) VALUES (?)').run(`${m.chatKey}: ${m.text}`);
    for (const c of batch.callbacks) ctx.db.prepare('INSERT INTO inbox_saw (what) VALUES (?)').run(`callback ${c.data}`);
  },
};

/**
 * The bot's commit path in miniature: what the consumers write and the bot's update offset
 * commit in one transaction, and an update below the offset is skipped. It uses the real offset
 * functions of bots/store/bot-repo. The engine's own path is `storeUpdates(db, pipeline, bot,
 * updates, now)` with `runConsumers` (issue 9's inbound branch, not on this branch yet): once
 * both are in, these tests may feed it Bot API updates instead. `crashBeforeCommit` throws after
 * the consumers ran, as a process dying before COMMIT would leave the file.
 */
export function applyUpdate(db: Database.Database, updateId: number, batch: InboundBatch, consumers: InboundConsumer[], options: { now?: number; crashBeforeCommit?: boolean } = {}): 'applied' | 'skipped' {
  return db.transaction(() => {
    if (updateId < readUpdateOffset(db, batch.source.id)) return 'skipped' as const;
    let current = batch;
    for (const consumer of consumers) current = consumer.consume(current, { db, now: options.now ?? 1_000, afterCommit: () => undefined }) ?? current;
    if (options.crashBeforeCommit) throw new Error('power cut');
    setUpdateOffset(db, batch.source.id, updateId + 1, options.now ?? 1_000);
    return 'applied' as const;
  })();
}

export function person(userId: number, languageCode: string | null = 'en', firstName = 'Ann'): InboundPerson {
  return { userId, firstName, lastName: null, username: null, languageCode };
}

let nextMessageId = 100;

export function message(botId: number, from: InboundPerson, text: string, command?: BotCommand): InboundMessage & { sender: InboundPerson; command: BotCommand | null } {
  return {
    source: { kind: 'bot', id: botId },
    chatKey: `user:${from.userId}`,
    chatTitle: from.firstName,
    telegramMessageId: nextMessageId++,
    senderId: from.userId,
    senderName: from.firstName,
    date: 1_000,
    text,
    mediaKind: null,
    outgoing: false,
    sender: from,
    command: command ?? null,
  };
}

export function callback(from: InboundPerson, data: string | null, telegramMessageId = 7): CallbackQuery {
  return { id: `cq-${nextMessageId++}`, from, chatKey: `user:${from.userId}`, telegramMessageId, data };
}

export function batch(botId: number, parts: Partial<Pick<InboundBatch, 'messages' | 'callbacks'>>, kind: 'bot' | 'account' = 'bot'): InboundBatch {
  return { source: { kind, id: botId }, messages: parts.messages ?? [], edits: [], deletions: [], reads: [], members: [], botMemberships: [], callbacks: parts.callbacks ?? [] };
}
