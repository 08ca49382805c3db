import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { DeskError } from '../../../shared/contract/result';
import type { operatorProfileSchema } from '../../../shared/contract/domains/operators';
import { LOCAL_OPERATOR_ID, type OperatorRole, type OperatorView, type Presence, type SenderRef } from '../../../shared/domain/operators';
import { newPublicId } from './secret-tokens';

export type OperatorProfile = z.output<typeof operatorProfileSchema>;

/** An operators row; `password_hash` never leaves this folder. */
export interface OperatorRow {
  id: string;
  name: string;
  role: OperatorRole;
  languages: string;
  max_chats: number | null;
  auto_assign: number;
  password_hash: string | null;
  telegram_user_id: number | null;
  telegram_username: string | null;
  last_active_at: number | null;
  removed_at: number | null;
  created_at: number;
}

/** What the presence board knows of an operator, merged into their view. */
export interface LiveState {
  presence: Presence;
  lastActiveAt: number | null;
}

/** A removed operator is never listed, found or signed in again; the row stays so the audit trail still names them. */
export function listOperators(db: Database): OperatorRow[] {
  return db.prepare('SELECT * FROM operators WHERE removed_at IS NULL ORDER BY created_at, rowid').all() as OperatorRow[];
}

export function findOperator(db: Database, id: string): OperatorRow | undefined {
  return db.prepare('SELECT * FROM operators WHERE id = ? AND removed_at IS NULL').get(id) as OperatorRow | undefined;
}

export function needOperator(db: Database, id: string): OperatorRow {
  const row = findOperator(db, id);
  if (!row) throw new DeskError('not_found', `There is no operator ${id}.`);
  return row;
}

/** Names compare as a person reads them: "Anna", "anna " and "ANNA" are one name. */
export function sameName(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}

function comparable(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

/** Sign-in is by name, so a name belongs to one operator at a time. */
export function findOperatorByName(db: Database, name: string): OperatorRow | undefined {
  return listOperators(db).find((row) => sameName(row.name, name));
}

/** Open conversations per operator (anything not resolved counts against their capacity). */
export function openConversationCounts(db: Database): Map<string, number> {
  const rows = db
    .prepare("SELECT assignee_id AS id, count(*) AS open FROM conversations WHERE assignee_id IS NOT NULL AND status != 'resolved' GROUP BY assignee_id")
    .all() as { id: string; open: number }[];
  return new Map(rows.map((row) => [row.id, row.open]));
}

export function sendersOf(db: Database, operatorId: string): SenderRef[] {
  return db
    .prepare('SELECT sender_kind AS kind, sender_id AS id FROM operator_senders WHERE operator_id = ? ORDER BY sender_kind, sender_id')
    .all(operatorId) as SenderRef[];
}

export function toOperatorView(row: OperatorRow, extra: LiveState & { openConversations: number; senders: SenderRef[] }): OperatorView {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    languages: JSON.parse(row.languages) as string[],
    capacity: row.max_chats,
    autoAssign: row.auto_assign === 1,
    senders: extra.senders,
    presence: extra.presence,
    lastActiveAt: extra.lastActiveAt ?? row.last_active_at,
    openConversations: extra.openConversations,
    // The desk's own admin sits at the desktop and needs no password to be ready.
    state: row.id === LOCAL_OPERATOR_ID || row.password_hash !== null ? 'ready' : 'invited',
    telegram: row.telegram_user_id === null ? null : { userId: row.telegram_user_id, username: row.telegram_username },
    createdAt: row.created_at,
  };
}

export function createOperator(db: Database, profile: OperatorProfile, now: number): string {
  const id = newPublicId('operator:');
  db.transaction(() => {
    checkProfile(db, profile, null);
    db.prepare('INSERT INTO operators (name, role, languages, max_chats, auto_assign, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(...profileColumns(profile), id, now);
    writeSenders(db, id, profile.senders);
  })();
  return id;
}

/** A profile as the columns name, role, languages, max_chats, auto_assign. */
function profileColumns(profile: OperatorProfile): [string, string, string, number | null, 0 | 1] {
  return [profile.name, profile.role, JSON.stringify(profile.languages), profile.capacity, profile.autoAssign ? 1 : 0];
}

export function updateOperator(db: Database, id: string, profile: OperatorProfile): void {
  db.transaction(() => {
    const row = needOperator(db, id);
    checkProfile(db, profile, id);
    if (row.role === 'admin' && profile.role !== 'admin') {
      if (id === LOCAL_OPERATOR_ID) throw new DeskError('invalid_input', 'The desk’s own admin (this desktop) always stays an admin; choose another operator to demote.');
      refuseLeavingNoAdmin(db, id, `${row.name} is the last admin; make someone else an admin first.`);
    }
    db.prepare('UPDATE operators SET name = ?, role = ?, languages = ?, max_chats = ?, auto_assign = ? WHERE id = ?').run(...profileColumns(profile), id);
    writeSenders(db, id, profile.senders);
  })();
}

/** Marks them removed and forgets what they may work and any link they had not used yet. */
export function markRemoved(db: Database, id: string, now: number): OperatorRow {
  return db.transaction(() => {
    const row = needOperator(db, id);
    if (id === LOCAL_OPERATOR_ID) throw new DeskError('invalid_input', 'The desk’s own admin (this desktop) cannot be removed.');
    if (row.role === 'admin') refuseLeavingNoAdmin(db, id, `${row.name} is the last admin; make someone else an admin first.`);
    db.prepare('UPDATE operators SET removed_at = ?, password_hash = NULL WHERE id = ?').run(now, id);
    db.prepare('DELETE FROM operator_senders WHERE operator_id = ?').run(id);
    db.prepare('DELETE FROM operator_invites WHERE operator_id = ? AND used_at IS NULL').run(id);
    return row;
  })();
}

export function setPasswordHash(db: Database, id: string, hash: string | null): void {
  db.prepare('UPDATE operators SET password_hash = ? WHERE id = ?').run(hash, id);
}

export function writeLastActiveAt(db: Database, id: string, at: number): void {
  db.prepare('UPDATE operators SET last_active_at = ? WHERE id = ?').run(at, id);
}

/** A desk keeps at least one admin, or nobody could manage the team again. */
function refuseLeavingNoAdmin(db: Database, id: string, message: string): void {
  const others = db.prepare("SELECT count(*) FROM operators WHERE role = 'admin' AND removed_at IS NULL AND id != ?").pluck().get(id) as number;
  if (others === 0) throw new DeskError('invalid_input', message);
}

function checkProfile(db: Database, profile: OperatorProfile, id: string | null): void {
  const clash = listOperators(db).find((row) => row.id !== id && sameName(row.name, profile.name));
  if (clash) throw new DeskError('conflict', `name: ${clash.name} is already on the team; operators sign in by name, so each needs their own.`);
  for (const sender of profile.senders) {
    const table = sender.kind === 'account' ? 'accounts' : 'bots';
    if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(sender.id)) {
      throw new DeskError('invalid_input', `senders: there is no ${sender.kind} ${sender.id} on this desk.`);
    }
  }
}

function writeSenders(db: Database, id: string, senders: SenderRef[]): void {
  db.prepare('DELETE FROM operator_senders WHERE operator_id = ?').run(id);
  const insert = db.prepare('INSERT OR IGNORE INTO operator_senders (operator_id, sender_kind, sender_id) VALUES (?, ?, ?)');
  for (const sender of senders) insert.run(id, sender.kind, sender.id);
}
