import type { Database } from 'better-sqlite3';
import type { SearchHit } from '../../../../shared/domain/inbox';
import { visibleConversationSql, type Viewer } from '../../access/visibility';
import { cachedStatement } from '../../db/statements';
import { ftsQuery } from './fts-query';
import { queryTokens, snippet } from './snippet';

/**
 * Every message the viewer may see, through the FTS5 index. The newest matches come first by
 * rowid (the index walks it backwards and stops at the limit, so a common word stays fast
 * over millions of rows); history backfilled later than newer messages may rank a little late.
 * For an operator who is not an admin the walk skips conversations they may not see, so the
 * limit counts only their hits.
 */
export function searchMessages(db: Database, text: string, limit: number, viewer: Viewer): SearchHit[] {
  const query = ftsQuery(text);
  if (query === null) return [];
  const tokens = queryTokens(text);
  const visible = visibleConversationSql(viewer, 'vc');
  const matches = visible
    ? `SELECT messages_fts.rowid FROM messages_fts JOIN messages vm ON vm.id = messages_fts.rowid JOIN conversations vc ON vc.id = vm.conversation_id
       WHERE messages_fts MATCH ? AND ${visible.sql} ORDER BY messages_fts.rowid DESC LIMIT ?`
    : 'SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?';
  const rows = cachedStatement(
    db,
    `SELECT m.id AS messageId, m.conversation_id AS conversationId, coalesce(c.title, m.chat_title) AS conversationTitle, m.sender_name AS senderName, m.date, m.text
     FROM (${matches}) f
     JOIN messages m ON m.id = f.rowid
     LEFT JOIN conversations c ON c.id = m.conversation_id
     ORDER BY m.date DESC, m.id DESC`,
  ).all(query, ...(visible?.args ?? []), limit) as (Omit<SearchHit, 'snippet'> & { text: string })[];
  return rows.map(({ text: messageText, ...hit }) => ({ ...hit, snippet: snippet(messageText, tokens) }));
}
