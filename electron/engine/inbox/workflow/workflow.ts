import type { Database } from 'better-sqlite3';
import { DeskError } from '../../../../shared/contract/result';
import type { CannedReply, ConversationStatus, LabelView, NoteView } from '../../../../shared/domain/inbox';
import { needConversation } from './conversation-repo';

/** Open, pending, resolved, or snoozed until a time (it reopens then, or on a new message). A resolved conversation waits in no queue. */
export function setStatus(db: Database, conversationId: number, status: ConversationStatus, snoozedUntil: number | null): void {
  needConversation(db, conversationId);
  db.prepare("UPDATE conversations SET status = @status, snoozed_until = @until, queued_at = CASE WHEN @status = 'resolved' THEN NULL ELSE queued_at END WHERE id = @id").run({
    status,
    until: status === 'snoozed' ? snoozedUntil : null,
    id: conversationId,
  });
}

/** Snoozes whose time has come reopen; returns the conversations that did. */
export function wakeSnoozed(db: Database, now: number): number[] {
  return db.prepare("UPDATE conversations SET status = 'open', snoozed_until = NULL WHERE status = 'snoozed' AND snoozed_until <= ? RETURNING id").pluck().all(now) as number[];
}

export function nextSnoozeEnd(db: Database): number | null {
  return db.prepare("SELECT min(snoozed_until) FROM conversations WHERE status = 'snoozed'").pluck().get() as number | null;
}

export function setLabels(db: Database, conversationId: number, labelIds: readonly number[]): void {
  needConversation(db, conversationId);
  db.transaction(() => {
    const known = db.prepare('SELECT count(*) FROM labels WHERE id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify([...new Set(labelIds)])) as number;
    if (known !== new Set(labelIds).size) throw new DeskError('not_found', 'One of those labels no longer exists.');
    db.prepare('DELETE FROM conversation_labels WHERE conversation_id = ?').run(conversationId);
    const add = db.prepare('INSERT OR IGNORE INTO conversation_labels (conversation_id, label_id) VALUES (?, ?)');
    for (const id of labelIds) add.run(conversationId, id);
  })();
}

export function listLabels(db: Database): LabelView[] {
  return db.prepare('SELECT id, name, color FROM labels ORDER BY name').all() as LabelView[];
}

export function saveLabel(db: Database, input: { id?: number; name: string; color: string }): LabelView {
  try {
    if (input.id === undefined) {
      const id = Number(db.prepare('INSERT INTO labels (name, color) VALUES (?, ?)').run(input.name, input.color).lastInsertRowid);
      return { id, name: input.name, color: input.color };
    }
    if (db.prepare('UPDATE labels SET name = ?, color = ? WHERE id = ?').run(input.name, input.color, input.id).changes === 0) throw new DeskError('not_found', `There is no label ${input.id}.`);
    return { id: input.id, name: input.name, color: input.color };
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DeskError('conflict', `There is already a label called “${input.name}”.`);
    throw error;
  }
}

/** The conversations carrying a label, so a rename or delete can update them in the window. */
export function labelCarriers(db: Database, labelId: number): number[] {
  needLabel(db, labelId);
  return db.prepare('SELECT conversation_id FROM conversation_labels WHERE label_id = ? ORDER BY conversation_id').pluck().all(labelId) as number[];
}

/** Deletes a label and takes it off every conversation; returns those that carried it. */
export function removeLabel(db: Database, labelId: number): number[] {
  return db.transaction(() => {
    const carriers = labelCarriers(db, labelId);
    // conversation_labels rows go with it (ON DELETE CASCADE).
    db.prepare('DELETE FROM labels WHERE id = ?').run(labelId);
    return carriers;
  })();
}

function needLabel(db: Database, labelId: number): void {
  if (!db.prepare('SELECT 1 FROM labels WHERE id = ?').get(labelId)) throw new DeskError('not_found', `There is no label ${labelId}.`);
}

export function listNotes(db: Database, conversationId: number): NoteView[] {
  return db
    .prepare('SELECT id, conversation_id AS conversationId, author_id AS authorId, text, created_at AS createdAt FROM notes WHERE conversation_id = ? ORDER BY created_at, id')
    .all(conversationId) as NoteView[];
}

export function addNote(db: Database, conversationId: number, authorId: string, text: string, now: number): NoteView {
  needConversation(db, conversationId);
  const id = Number(db.prepare('INSERT INTO notes (conversation_id, author_id, text, created_at) VALUES (?, ?, ?, ?)').run(conversationId, authorId, text, now).lastInsertRowid);
  return { id, conversationId, authorId, text, createdAt: now };
}

export function listCannedReplies(db: Database): CannedReply[] {
  return db.prepare('SELECT id, title, text FROM canned_replies ORDER BY title COLLATE NOCASE').all() as CannedReply[];
}

export function saveCannedReply(db: Database, input: { id?: number; title: string; text: string }, now: number): CannedReply {
  if (input.id === undefined) {
    const id = Number(db.prepare('INSERT INTO canned_replies (title, text, updated_at) VALUES (?, ?, ?)').run(input.title, input.text, now).lastInsertRowid);
    return { id, title: input.title, text: input.text };
  }
  if (db.prepare('UPDATE canned_replies SET title = ?, text = ?, updated_at = ? WHERE id = ?').run(input.title, input.text, now, input.id).changes === 0) {
    throw new DeskError('not_found', `There is no canned reply ${input.id}.`);
  }
  return { id: input.id, title: input.title, text: input.text };
}

export function removeCannedReply(db: Database, id: number): void {
  if (db.prepare('DELETE FROM canned_replies WHERE id = ?').run(id).changes === 0) throw new DeskError('not_found', `There is no canned reply ${id}.`);
}
