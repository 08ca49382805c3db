import type { Database } from 'better-sqlite3';
import type { CallContext } from '../contract/dispatcher';
import { cachedStatement } from '../db/statements';
import { conversationNotFound, messageNotFound } from '../inbox/workflow/conversation-repo';
import { outboxItemNotFound } from '../outbox/outbox';

/** Who is looking: their operator id and role (a CallContext is one). */
export type Viewer = Pick<CallContext, 'actor' | 'role'>;

export const seesEverything = (viewer: Viewer): boolean => viewer.role === 'admin';

/**
 * The condition a conversations row (aliased `alias`) meets when the viewer may see it: it is
 * assigned to them, or nobody has it and its account or bot is one they may work. Used inside
 * the queries, so totals, pages and search hits are cut by the database. Null for an admin.
 */
export function visibleConversationSql(viewer: Viewer, alias = 'c'): { sql: string; args: unknown[] } | null {
  if (seesEverything(viewer)) return null;
  return {
    sql: `(${alias}.assignee_id = ? OR (${alias}.assignee_id IS NULL AND EXISTS (
      SELECT 1 FROM operator_senders os WHERE os.operator_id = ? AND os.sender_kind = ${alias}.source_kind AND os.sender_id = ${alias}.source_id)))`,
    args: [viewer.actor, viewer.actor],
  };
}

/** Whether the conversation exists and the viewer may see it. */
export function canSeeConversation(db: Database, viewer: Viewer, conversationId: number): boolean {
  const visible = visibleConversationSql(viewer);
  const sql = `SELECT 1 FROM conversations c WHERE c.id = ?${visible ? ` AND ${visible.sql}` : ''}`;
  return cachedStatement(db, sql).get(conversationId, ...(visible?.args ?? [])) !== undefined;
}

/** A conversation the viewer may not see answers exactly as a missing one, so its existence does not leak. */
export function needVisibleConversation(db: Database, viewer: Viewer, conversationId: number): void {
  if (!canSeeConversation(db, viewer, conversationId)) throw conversationNotFound(conversationId);
}

/** The conversation a stored message belongs to; null when there is no such message (or it has none). */
export function conversationOfMessage(db: Database, messageId: number): number | null {
  return (cachedStatement(db, 'SELECT conversation_id FROM messages WHERE id = ?').pluck().get(messageId) as number | null | undefined) ?? null;
}

/** The conversation an outbox item answers in; null when there is no such item or it is not a conversation's (bot flows, campaigns). */
export function conversationOfOutboxItem(db: Database, outboxId: number): number | null {
  return (cachedStatement(db, 'SELECT conversation_id FROM outbox WHERE id = ?').pluck().get(outboxId) as number | null | undefined) ?? null;
}

export function needVisibleMessage(db: Database, viewer: Viewer, messageId: number): void {
  const conversationId = conversationOfMessage(db, messageId);
  if (conversationId === null || !canSeeConversation(db, viewer, conversationId)) throw messageNotFound(messageId);
}

export function needVisibleOutboxItem(db: Database, viewer: Viewer, outboxId: number): void {
  const conversationId = conversationOfOutboxItem(db, outboxId);
  if (conversationId === null || !canSeeConversation(db, viewer, conversationId)) throw outboxItemNotFound(outboxId);
}
