import type { Database } from 'better-sqlite3';
import type { AccountView, ConnectionState } from '../../../../shared/domain/connections';
import { recordRemovedSender } from '../../db/removed-senders';

/** An accounts row; `*_enc` columns hold ciphertext only. */
export interface AccountRow {
  id: number;
  phone: string;
  telegram_user_id: number | null;
  first_name: string;
  last_name: string;
  username: string | null;
  api_id: number | null;
  api_hash_enc: string | null;
  session_enc: string | null;
  enabled: number;
  needs_sign_in_reason: string | null;
  created_at: number;
  updated_at: number;
}

export interface SignedInAccount {
  phone: string;
  telegramUserId: number;
  firstName: string;
  lastName: string;
  username: string | null;
  sessionEnc: string;
  /** Only when the account carries its own api_id/api_hash. */
  ownApi: { apiId: number; apiHashEnc: string } | null;
}

export function listAccounts(db: Database): AccountRow[] {
  return db.prepare('SELECT * FROM accounts ORDER BY id').all() as AccountRow[];
}

export function getAccount(db: Database, id: number): AccountRow | undefined {
  return db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
}

/**
 * Stores a completed sign-in. A number or Telegram user already here is the same account
 * signing in again: its row keeps its id and gets the new session.
 */
export function saveSignedInAccount(db: Database, account: SignedInAccount, now: number): { id: number; created: boolean } {
  const existing = db
    .prepare('SELECT id, api_id, api_hash_enc FROM accounts WHERE phone = ? OR telegram_user_id = ?')
    .get(account.phone, account.telegramUserId) as Pick<AccountRow, 'id' | 'api_id' | 'api_hash_enc'> | undefined;
  const apiId = account.ownApi?.apiId ?? existing?.api_id ?? null;
  const apiHashEnc = account.ownApi?.apiHashEnc ?? existing?.api_hash_enc ?? null;
  const values = [account.phone, account.telegramUserId, account.firstName, account.lastName, account.username, apiId, apiHashEnc, account.sessionEnc, now];
  if (existing) {
    db.prepare(
      `UPDATE accounts SET phone = ?, telegram_user_id = ?, first_name = ?, last_name = ?, username = ?, api_id = ?, api_hash_enc = ?,
         session_enc = ?, updated_at = ?, enabled = 1, needs_sign_in_reason = NULL WHERE id = ?`,
    ).run(...values, existing.id);
    return { id: existing.id, created: false };
  }
  const result = db
    .prepare(
      `INSERT INTO accounts (phone, telegram_user_id, first_name, last_name, username, api_id, api_hash_enc, session_enc, updated_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(...values, now);
  return { id: Number(result.lastInsertRowid), created: true };
}

export function setEnabled(db: Database, id: number, enabled: boolean, now: number): void {
  db.prepare('UPDATE accounts SET enabled = ?, updated_at = ? WHERE id = ?').run(enabled ? 1 : 0, now, id);
}

/** Telegram ended the session: it is dropped, the account stays for a new sign-in. */
export function markNeedsSignIn(db: Database, id: number, reason: string, now: number): void {
  db.prepare('UPDATE accounts SET session_enc = NULL, needs_sign_in_reason = ?, updated_at = ? WHERE id = ?').run(reason, now, id);
}

/** The account, its cursor (by cascade) and what it knew of Telegram's entities; its stored messages stay, under its name. */
export function deleteAccount(db: Database, id: number, now: number): boolean {
  return db.transaction(() => {
    const row = getAccount(db, id);
    if (!row) return false;
    db.prepare("DELETE FROM telegram_entities WHERE source_kind = 'account' AND source_id = ?").run(id);
    db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
    recordRemovedSender(db, { kind: 'account', id, name: accountName(row) }, now);
    return true;
  })();
}

/** The state an account has when no runtime is running for it. */
export function restingState(row: AccountRow): ConnectionState {
  if (!row.session_enc) return { status: 'needs_sign_in', reason: row.needs_sign_in_reason ?? 'The account has no session; sign in again.' };
  return { status: 'stopped' };
}

export function toView(row: AccountRow, state: ConnectionState): AccountView {
  return {
    id: row.id,
    phone: row.phone,
    firstName: row.first_name,
    lastName: row.last_name,
    username: row.username,
    telegramUserId: row.telegram_user_id,
    ownApiCredentials: row.api_id !== null,
    enabled: row.enabled === 1,
    state,
    createdAt: row.created_at,
  };
}

export function accountName(row: AccountRow): string {
  return [row.first_name, row.last_name].filter(Boolean).join(' ') || row.phone;
}
