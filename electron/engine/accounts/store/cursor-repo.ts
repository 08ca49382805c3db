import type { Database } from 'better-sqlite3';
import type { UpdateCursor } from '../../telegram/mtproto/translate/difference';
import { cachedStatement } from '../../db/statements';

export function loadCursor(db: Database, accountId: number): UpdateCursor | null {
  return (cachedStatement(db, 'SELECT pts, qts, date, seq FROM account_update_state WHERE account_id = ?').get(accountId) as UpdateCursor | undefined) ?? null;
}

export function saveCursor(db: Database, accountId: number, cursor: UpdateCursor): void {
  cachedStatement(
    db,
    `INSERT INTO account_update_state (account_id, pts, qts, date, seq) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET pts = excluded.pts, qts = excluded.qts, date = excluded.date, seq = excluded.seq`,
  ).run(accountId, cursor.pts, cursor.qts, cursor.date, cursor.seq);
}
