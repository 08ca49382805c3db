import type { Database } from 'better-sqlite3';

export interface InviteWithOperator {
  operator_id: string;
  operator_name: string;
  expires_at: number;
  used_at: number | null;
}

/** A new link replaces any the operator had not used yet, so only the newest one works. */
export function replaceInvite(db: Database, invite: { tokenHash: string; operatorId: string; createdBy: string; now: number; expiresAt: number }): void {
  db.transaction(() => {
    db.prepare('DELETE FROM operator_invites WHERE operator_id = ? AND used_at IS NULL').run(invite.operatorId);
    db.prepare('INSERT INTO operator_invites (token_hash, operator_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
      invite.tokenHash,
      invite.operatorId,
      invite.createdBy,
      invite.now,
      invite.expiresAt,
    );
  })();
}

export function inviteByTokenHash(db: Database, tokenHash: string): InviteWithOperator | undefined {
  return db
    .prepare(
      `SELECT i.operator_id, o.name AS operator_name, i.expires_at, i.used_at
         FROM operator_invites i JOIN operators o ON o.id = i.operator_id WHERE i.token_hash = ?`,
    )
    .get(tokenHash) as InviteWithOperator | undefined;
}

/** Spends the link; false when someone spent it first. */
export function spendInvite(db: Database, tokenHash: string, now: number): boolean {
  return db.prepare('UPDATE operator_invites SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?').run(now, tokenHash, now).changes === 1;
}
