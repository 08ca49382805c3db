import type { Database } from 'better-sqlite3';
import type { AuditRecord } from '../../audit/audit-repo';

/** What the audit trail says about a conversation's handling: enough to tell what changed. */
interface WorkflowState {
  title: string;
  status: string;
  snoozedUntil: number | null;
  assignee: string | null;
  labels: string[];
}

export function workflowState(db: Database, conversationId: number): WorkflowState | null {
  const row = db.prepare('SELECT title, status, snoozed_until AS snoozedUntil, assignee_id AS assignee FROM conversations WHERE id = ?').get(conversationId) as
    | Omit<WorkflowState, 'labels'>
    | undefined;
  if (!row) return null;
  const labels = db
    .prepare('SELECT l.name FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id WHERE cl.conversation_id = ? ORDER BY l.name')
    .pluck()
    .all(conversationId) as string[];
  return { ...row, labels };
}

/**
 * The audit records of one workflow change, from the states before and after it; a request
 * that changed nothing records nothing.
 */
export function workflowAudits(actor: string, conversationId: number, before: WorkflowState, after: WorkflowState): AuditRecord[] {
  const target = `conversation:${conversationId}`;
  const title = after.title;
  const records: AuditRecord[] = [];
  if (before.status !== after.status || before.snoozedUntil !== after.snoozedUntil) {
    records.push({ actor, action: 'inbox.setStatus', target, details: { title, from: before.status, to: after.status, ...(after.snoozedUntil !== null ? { snoozedUntil: after.snoozedUntil } : {}) } });
  }
  if (before.assignee !== after.assignee) records.push({ actor, action: 'inbox.assign', target, details: { title, from: before.assignee, to: after.assignee } });
  const added = after.labels.filter((l) => !before.labels.includes(l));
  const removed = before.labels.filter((l) => !after.labels.includes(l));
  if (added.length > 0 || removed.length > 0) records.push({ actor, action: 'inbox.setLabels', target, details: { title, added, removed } });
  return records;
}
