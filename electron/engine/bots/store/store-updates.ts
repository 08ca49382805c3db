import type { Database } from 'better-sqlite3';
import type { Update } from 'grammy/types';
import { runConsumers, type AfterCommit, type InboundPipeline } from '../../inbound/run-consumers';
import { upsertBotEntities } from '../../telegram/entities/bot-entities';
import { translateBotUpdate } from '../../telegram/bots/translate/inbound';
import { mergeInboundChanges } from '../../telegram/inbound/types';
import { readUpdateOffset, setUpdateOffset } from './bot-repo';

export interface BotIdentity {
  id: number;
  telegramBotId: number;
  /** Commands addressed to another bot's username are not this bot's. */
  username: string;
}

const NOTHING: AfterCommit = () => undefined;

/**
 * Hands a batch of updates to the inbound consumers (the inbox among them) and moves the bot's
 * offset past them in ONE transaction: either both happen or neither, so after a crash Telegram
 * redelivers exactly what was not taken. An update whose id is just below the committed offset
 * is a redelivery of the last one taken (a webhook answer lost on the way back) and is skipped.
 * Returns what the consumers do once the transaction has committed (announce to the window).
 */
export function storeUpdates(db: Database, pipeline: InboundPipeline, bot: BotIdentity, updates: readonly Update[], now: number): AfterCommit {
  if (updates.length === 0) return NOTHING;
  return db.transaction(() => {
    const offset = readUpdateOffset(db, bot.id);
    const fresh = updates.filter((u) => u.update_id !== offset - 1);
    const translated = fresh.map((u) => translateBotUpdate(u, { botId: bot.id, telegramBotId: bot.telegramBotId, username: bot.username }));
    upsertBotEntities(db, bot.id, translated.flatMap((t) => t.entities), now);
    const after = translated.length > 0 ? runConsumers(db, pipeline, { source: { kind: 'bot', id: bot.id }, ...mergeInboundChanges(translated.map((t) => t.changes)) }, now) : NOTHING;
    setUpdateOffset(db, bot.id, updates.at(-1)!.update_id + 1, now);
    return after;
  })();
}
