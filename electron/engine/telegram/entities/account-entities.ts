import type { Database } from 'better-sqlite3';
import type { TelegramEntity } from '../mtproto/translate/entities';
import { cachedStatement } from '../../db/statements';

interface Row {
  peer_type: TelegramEntity['peerType'];
  peer_id: number;
  access_hash: string | null;
  username: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  title: string | null;
  is_bot: number;
}

/**
 * What one account knows of users, groups and channels, so sends never depend on GramJS's
 * memory. A "min" entity (no usable access hash) keeps the hash stored before.
 */
export function upsertAccountEntities(db: Database, accountId: number, entities: readonly TelegramEntity[], now: number): void {
  const upsert = cachedStatement(
    db,
    `INSERT INTO telegram_entities (source_kind, source_id, peer_type, peer_id, access_hash, username, phone, first_name, last_name, title, is_bot, updated_at)
     VALUES ('account', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (source_kind, source_id, peer_type, peer_id) DO UPDATE SET
       access_hash = coalesce(excluded.access_hash, access_hash),
       username = excluded.username, phone = coalesce(excluded.phone, phone),
       first_name = excluded.first_name, last_name = excluded.last_name, title = excluded.title,
       is_bot = excluded.is_bot, updated_at = excluded.updated_at`,
  );
  for (const e of entities) {
    upsert.run(accountId, e.peerType, e.peerId, e.accessHash, e.username, e.phone, e.firstName, e.lastName, e.title, e.isBot ? 1 : 0, now);
  }
}

export function findAccountEntity(db: Database, accountId: number, peerType: TelegramEntity['peerType'], peerId: number): TelegramEntity | undefined {
  const row = cachedStatement(db, "SELECT * FROM telegram_entities WHERE source_kind = 'account' AND source_id = ? AND peer_type = ? AND peer_id = ?").get(accountId, peerType, peerId) as Row | undefined;
  if (!row) return undefined;
  return {
    peerType: row.peer_type,
    peerId: row.peer_id,
    accessHash: row.access_hash,
    username: row.username,
    phone: row.phone,
    firstName: row.first_name,
    lastName: row.last_name,
    title: row.title,
    isBot: row.is_bot === 1,
  };
}
