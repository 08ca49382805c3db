import type { Database } from 'better-sqlite3';
import type { BotLanguage } from '../../../shared/domain/bot-flows';
import { cachedStatement } from '../db/statements';

export interface EditedText {
  key: string;
  language: BotLanguage;
  text: string;
  updatedAt: number;
  updatedBy: string;
}

export function editedText(db: Database, role: string, key: string, language: BotLanguage): string | undefined {
  return cachedStatement(db, 'SELECT text FROM bot_texts WHERE role = ? AND key = ? AND language = ?').pluck().get(role, key, language) as string | undefined;
}

export function editedTexts(db: Database, role: string): EditedText[] {
  return db
    .prepare('SELECT key, language, text, updated_at AS updatedAt, updated_by AS updatedBy FROM bot_texts WHERE role = ?')
    .all(role) as EditedText[];
}

export function saveEditedText(db: Database, role: string, edit: EditedText): void {
  db.prepare(
    `INSERT INTO bot_texts (role, key, language, text, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (role, key, language) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(role, edit.key, edit.language, edit.text, edit.updatedAt, edit.updatedBy);
}

export function deleteEditedText(db: Database, role: string, key: string, language: BotLanguage): boolean {
  return db.prepare('DELETE FROM bot_texts WHERE role = ? AND key = ? AND language = ?').run(role, key, language).changes > 0;
}
