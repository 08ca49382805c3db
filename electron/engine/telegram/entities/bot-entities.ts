import type { Database } from 'better-sqlite3';
import type { BotEntity } from '../bots/translate/peers';

/**
 * Remembers what a bot saw of people and chats (bots have no access hashes). Newer sightings
 * replace older ones, so renamed people and chats stay current.
 */
export function upsertBotEntities(db: Database, botId: number, entities: readonly BotEntity[], now: number): void {
  const upsert = db.prepare(
    `INSERT INTO telegram_entities (source_kind, source_id, peer_type, peer_id, username, first_name, last_name, title, is_bot, updated_at)
     VALUES ('bot', ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (source_kind, source_id, peer_type, peer_id) DO UPDATE SET
       username = excluded.username, first_name = excluded.first_name, last_name = excluded.last_name,
       title = excluded.title, is_bot = excluded.is_bot, updated_at = excluded.updated_at`,
  );
  for (const e of entities) upsert.run(botId, e.peerType, e.peerId, e.username, e.firstName, e.lastName, e.title, e.isBot ? 1 : 0, now);
}
