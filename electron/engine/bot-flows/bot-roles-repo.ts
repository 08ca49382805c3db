import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements';

export function botRoles(db: Database, botId: number): string[] {
  return cachedStatement(db, 'SELECT role FROM bot_roles WHERE bot_id = ? ORDER BY role').pluck().all(botId) as string[];
}

export function replaceBotRoles(db: Database, botId: number, roles: readonly string[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM bot_roles WHERE bot_id = ?').run(botId);
    const insert = db.prepare('INSERT INTO bot_roles (bot_id, role) VALUES (?, ?)');
    for (const role of new Set(roles)) insert.run(botId, role);
  })();
}
