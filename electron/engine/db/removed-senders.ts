import type { Database } from 'better-sqlite3';
import { cachedStatement } from './statements';

export type SenderKind = 'account' | 'bot';

/**
 * An account or bot the operator removed. Its id is never given to another (AUTOINCREMENT); its
 * conversations stay as history under the name it had, and nothing can be sent through it again.
 */
export interface RemovedSender {
  kind: SenderKind;
  id: number;
  /** As the inbox showed it; null when it was removed before the desk kept names. */
  name: string | null;
}

/** Call in the transaction that deletes the sender's row. */
export function recordRemovedSender(db: Database, sender: RemovedSender, now: number): void {
  db.prepare(
    `INSERT INTO removed_senders (sender_kind, sender_id, name, removed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (sender_kind, sender_id) DO UPDATE SET name = excluded.name, removed_at = excluded.removed_at`,
  ).run(sender.kind, sender.id, sender.name, now);
}

export function findRemovedSender(db: Database, sender: { kind: SenderKind; id: number }): RemovedSender | null {
  // Asked on every enqueue and every look at a lane: prepared once.
  const row = cachedStatement(db, 'SELECT name FROM removed_senders WHERE sender_kind = ? AND sender_id = ?').get(sender.kind, sender.id) as { name: string | null } | undefined;
  return row ? { ...sender, name: row.name } : null;
}

/** Why nothing more goes out through a removed sender, in words the operator reads in the chat. */
export function removedReason(sender: RemovedSender): string {
  const who = sender.kind === 'bot' ? `The bot ${sender.name ?? `#${sender.id}`}` : `The account ${sender.name ?? `#${sender.id}`}`;
  return `${who} was removed from the desk, so nothing more can be sent from it; its conversations are kept as history.`;
}
