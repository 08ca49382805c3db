import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../../db/statements';

/** Where the account stands in each channel's and supergroup's own update sequence, by channel id. */
export function loadChannelPts(db: Database, accountId: number): Map<number, number> {
  const rows = db.prepare('SELECT channel_id, pts FROM account_channel_state WHERE account_id = ?').all(accountId) as { channel_id: number; pts: number }[];
  return new Map(rows.map((row) => [row.channel_id, row.pts]));
}

export function saveChannelPts(db: Database, accountId: number, channelId: number, pts: number): void {
  cachedStatement(
    db,
    `INSERT INTO account_channel_state (account_id, channel_id, pts) VALUES (?, ?, ?)
     ON CONFLICT (account_id, channel_id) DO UPDATE SET pts = excluded.pts`,
  ).run(accountId, channelId, pts);
}

/** The account left or lost the channel: nothing more to follow there. */
export function forgetChannel(db: Database, accountId: number, channelId: number): void {
  db.prepare('DELETE FROM account_channel_state WHERE account_id = ? AND channel_id = ?').run(accountId, channelId);
}
