import type { Database } from 'better-sqlite3';
import type { ConversationStatus, ConversationView, LabelView, MediaKind } from '../../../../shared/domain/inbox';
import { visibleConversationSql, type Viewer } from '../../access/visibility';
import { cachedStatement } from '../../db/statements';

interface Row {
  id: number;
  source_kind: 'account' | 'bot';
  source_id: number;
  source_name: string | null;
  removed_name: string | null;
  kind: ConversationView['kind'];
  title: string;
  last_activity_at: number;
  unread_count: number;
  status: ConversationStatus;
  snoozed_until: number | null;
  assignee_id: string | null;
  queued_at: number | null;
  lm_text: string | null;
  lm_sender: string | null;
  lm_outgoing: number | null;
  lm_date: number | null;
  lm_media: MediaKind | null;
}

export interface ConversationFilter {
  source?: { kind: 'account' | 'bot'; id: number };
  unreadOnly?: boolean;
  status?: ConversationStatus;
  labelId?: number;
  /** Only conversations assigned to this operator; `null`: only those nobody has taken. */
  assignee?: string | null;
  /** An admin's view of one operator's conversations. */
  assigneeId?: string;
}

const SELECT = `
  SELECT c.id, c.source_kind, c.source_id, c.kind, c.title, c.last_activity_at, c.unread_count, c.status, c.snoozed_until, c.assignee_id, c.queued_at,
    CASE c.source_kind
      WHEN 'bot' THEN (SELECT '@' || b.username FROM bots b WHERE b.id = c.source_id)
      ELSE (SELECT coalesce(nullif(trim(a.first_name || ' ' || a.last_name), ''), a.phone) FROM accounts a WHERE a.id = c.source_id)
    END AS source_name,
    (SELECT r.name FROM removed_senders r WHERE r.sender_kind = c.source_kind AND r.sender_id = c.source_id) AS removed_name,
    lm.text AS lm_text, lm.sender_name AS lm_sender, lm.outgoing AS lm_outgoing, lm.date AS lm_date, lm.media_kind AS lm_media
  FROM conversations c LEFT JOIN messages lm ON lm.id = c.last_message_id`;

/** The filter's conditions, and always what the viewer may see, so totals and pages are cut in the query. */
function where(filter: ConversationFilter, viewer: Viewer): { sql: string; args: unknown[] } {
  const parts: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    args.push(...values);
  };
  if (filter.source) add('c.source_kind = ? AND c.source_id = ?', filter.source.kind, filter.source.id);
  if (filter.unreadOnly) add('c.unread_count > 0');
  if (filter.status) add('c.status = ?', filter.status);
  if (filter.labelId !== undefined) add('EXISTS (SELECT 1 FROM conversation_labels cl WHERE cl.conversation_id = c.id AND cl.label_id = ?)', filter.labelId);
  if (filter.assignee === null) add('c.assignee_id IS NULL');
  else if (filter.assignee !== undefined) add('c.assignee_id = ?', filter.assignee);
  if (filter.assigneeId !== undefined) add('c.assignee_id = ?', filter.assigneeId);
  const visible = visibleConversationSql(viewer);
  if (visible) add(visible.sql, ...visible.args);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

/** One page of the unified list as the viewer may see it, newest activity first, with the total the filter matches. */
export function listConversations(db: Database, filter: ConversationFilter, limit: number, offset: number, viewer: Viewer): { conversations: ConversationView[]; total: number } {
  const w = where(filter, viewer);
  const rows = db.prepare(`${SELECT} ${w.sql} ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as Row[];
  const total = db.prepare(`SELECT count(*) FROM conversations c ${w.sql}`).pluck().get(...w.args) as number;
  return { conversations: withLabels(db, rows), total };
}

export function conversationViews(db: Database, ids: Iterable<number>): ConversationView[] {
  const list = [...ids];
  if (list.length === 0) return [];
  const rows = cachedStatement(db, `${SELECT} WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.last_activity_at DESC`).all(JSON.stringify(list)) as Row[];
  return withLabels(db, rows);
}

export function conversationView(db: Database, id: number): ConversationView | null {
  return conversationViews(db, [id])[0] ?? null;
}

function withLabels(db: Database, rows: Row[]): ConversationView[] {
  const labels = new Map<number, LabelView[]>();
  if (rows.length > 0) {
    const found = cachedStatement(
      db,
      `SELECT cl.conversation_id, l.id, l.name, l.color FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id
       WHERE cl.conversation_id IN (SELECT value FROM json_each(?)) ORDER BY l.name`,
    ).all(JSON.stringify(rows.map((r) => r.id))) as (LabelView & { conversation_id: number })[];
    for (const { conversation_id, ...label } of found) labels.set(conversation_id, [...(labels.get(conversation_id) ?? []), label]);
  }
  return rows.map((r) => ({
    id: r.id,
    source: {
      kind: r.source_kind,
      id: r.source_id,
      name: r.source_name ?? r.removed_name ?? `${r.source_kind} ${r.source_id}`,
      ...(r.source_name === null ? { removed: true } : {}),
    },
    kind: r.kind,
    title: r.title,
    lastMessage:
      r.lm_date === null
        ? null
        : { text: r.lm_text ?? '', senderName: r.lm_sender ?? '', outgoing: r.lm_outgoing === 1, date: r.lm_date, mediaKind: r.lm_media },
    lastActivityAt: r.last_activity_at,
    unreadCount: r.unread_count,
    status: r.status,
    snoozedUntil: r.snoozed_until,
    labels: labels.get(r.id) ?? [],
    assigneeId: r.assignee_id,
    queuedSince: r.queued_at,
  }));
}
