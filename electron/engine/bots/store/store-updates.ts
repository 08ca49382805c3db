import type { Database } from 'better-sqlite3';
import type { Update } from 'grammy/types';
import { nothingStored, storeIncoming, type IngestResult } from '../../inbox/ingest/store-incoming';
import { translateUpdate } from '../../telegram/bots/translate/update';
import { upsertBotEntities } from './entity-repo';
import { readUpdateOffset, setUpdateOffset } from './bot-repo';

export interface BotIdentity {
  id: number;
  telegramBotId: number;
}

/**
 * Stores a batch of updates and moves the bot's offset past them in ONE transaction: either
 * both happen or neither, so after a crash Telegram redelivers exactly what was not stored.
 * An update whose id is just below the committed offset is a redelivery of the last one
 * stored (a webhook answer lost on the way back) and is skipped. Messages land in their inbox
 * conversations; the result (new messages, changed conversations) is announced after the commit.
 */
export function storeUpdates(db: Database, bot: BotIdentity, updates: readonly Update[], now: number): IngestResult {
  if (updates.length === 0) return nothingStored();
  return db.transaction(() => {
    const offset = readUpdateOffset(db, bot.id);
    const fresh = updates.filter((u) => u.update_id !== offset - 1);
    const translated = fresh.map((u) => translateUpdate(u, { botId: bot.id, telegramBotId: bot.telegramBotId }));
    upsertBotEntities(db, bot.id, translated.flatMap((t) => t.entities), now);
    const stored = storeIncoming(db, { kind: 'bot', id: bot.id }, { messages: translated.flatMap((t) => t.messages), edits: translated.flatMap((t) => t.edits), deletions: [] }, now);
    const last = updates.at(-1)!.update_id;
    setUpdateOffset(db, bot.id, last + 1, now);
    return stored;
  })();
}
