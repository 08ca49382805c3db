import type { Database } from 'better-sqlite3';
import type { SenderRef } from '../../../shared/domain/operators';
import { cachedStatement } from '../db/statements';

/** What one operator may see, as read from the store: their role and the accounts and bots they may work. */
export interface ViewerAccess {
  actor: string;
  admin: boolean;
  /** `account:1`, `bot:2`: the senders whose unassigned conversations (their queues) they see. */
  senders: ReadonlySet<string>;
}

const senderKey = (sender: SenderRef): string => `${sender.kind}:${sender.id}`;

/**
 * The operator's access now; null when they are removed or unknown (they see nothing at all).
 * Read from the store rather than from the session, so a profile changed while a window is
 * open takes effect on its next batch of events.
 */
export function loadViewerAccess(db: Database, actor: string): ViewerAccess | null {
  const operator = cachedStatement(db, 'SELECT role, removed_at FROM operators WHERE id = ?').get(actor) as { role: string; removed_at: number | null } | undefined;
  if (!operator || operator.removed_at !== null) return null;
  const rows = cachedStatement(db, 'SELECT sender_kind AS kind, sender_id AS id FROM operator_senders WHERE operator_id = ?').all(actor) as SenderRef[];
  return { actor, admin: operator.role === 'admin', senders: new Set(rows.map(senderKey)) };
}

/** Whether the operator may work this account or bot (an admin works every one). */
export function mayWork(access: ViewerAccess, sender: SenderRef): boolean {
  return access.admin || access.senders.has(senderKey(sender));
}

/** The same rule as visibleConversationSql, for a conversation already in hand. */
export function seesConversation(access: ViewerAccess, conversation: { assigneeId: string | null; source: SenderRef }): boolean {
  if (access.admin) return true;
  return conversation.assigneeId === null ? mayWork(access, conversation.source) : conversation.assigneeId === access.actor;
}
