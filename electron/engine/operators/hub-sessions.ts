import type { Database } from 'better-sqlite3';
import type { TeamSettings } from '../../../shared/domain/operators';
import type { AuditRecord } from '../audit/audit-repo';
import type { Logger } from '../logging/logger';
import type { Clock } from '../platform/clock';
import { inviteByTokenHash, replaceInvite, spendInvite } from './invites-repo';
import { findOperator, findOperatorByName, setPasswordHash, type OperatorRow } from './operators-repo';
import { DECOY_HASH, hashPassword, verifyPassword, weakPasswordMessage } from './passwords';
import { hashToken, newPublicId, newSecretToken } from './secret-tokens';
import {
  endSession,
  endSessionsOf,
  expireDueSessions,
  insertSession,
  sessionByTokenHash,
  touchSession,
  toSessionView,
} from './sessions-repo';
import { throttledMessage, type SignInThrottle } from './sign-in-throttle';
import type { HubSessions, ResolvedSession, SessionEndReason, SignInMeta, SignInOutcome } from './team-ports';

/** How long an invite link works. */
export const INVITE_VALID_MS = 72 * 3_600_000;
/** `last_seen_at` is written at most this often per session: every call resolves its session, and most need no write. */
const TOUCH_EVERY_MS = 60_000;

const WRONG_PASSWORD = 'The name or the password is wrong.';
const UNKNOWN_INVITE = 'This invite link is unknown, used or expired; ask the admin for a new one.';

const ENDED_MESSAGES: Record<SessionEndReason | 'unknown', string> = {
  unknown: 'You are not signed in; sign in first.',
  expired: 'Your session has expired; sign in again.',
  revoked: 'Your session was ended (by an admin or from another of your windows); sign in again.',
  signed_out: 'You signed out; sign in again.',
  removed: 'Your operator profile was removed from this desk; ask the admin if that is a mistake.',
};

export interface SessionsDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  audit(record: AuditRecord): void;
  settings(): TeamSettings;
  throttle: SignInThrottle;
}

export type EndedListener = (ended: { sessionId: string; reason: SessionEndReason }[]) => void;

/**
 * Hub sign-ins: invites, passwords and sessions. A session's public id is shown in lists; the
 * cookie is a separate secret of which only the hash is kept, so a database copy signs nobody in.
 */
export function createSessions(deps: SessionsDeps) {
  const { db, clock, throttle } = deps;
  const log = deps.logger.child({ scope: 'operators' });
  const listeners = new Set<EndedListener>();

  function announce(ids: string[], reason: SessionEndReason): void {
    if (ids.length === 0) return;
    log.info({ sessions: ids, reason }, 'hub sessions ended');
    const ended = ids.map((sessionId) => ({ sessionId, reason }));
    for (const listener of [...listeners]) {
      try {
        listener(ended);
      } catch (error) {
        log.error({ err: error }, 'a listener for ended sessions failed');
      }
    }
  }

  function open(operator: OperatorRow, meta: SignInMeta, action: 'operators.signIn' | 'operators.acceptInvite'): SignInOutcome & { ok: true } {
    const token = newSecretToken();
    const now = clock.now();
    const row = insertSession(db, {
      id: newPublicId('session:'),
      tokenHash: hashToken(token),
      operatorId: operator.id,
      now,
      expiresAt: now + deps.settings().sessionHours * 3_600_000,
      userAgent: meta.userAgent,
      address: meta.address,
    });
    deps.audit({ actor: operator.id, action, target: operator.id, details: { sessionId: row.id, address: meta.address, userAgent: meta.userAgent } });
    return { ok: true, token, session: toSessionView(row, row.id), operatorName: operator.name };
  }

  const sessions = {
    async signIn(name, password, meta) {
      const wait = throttle.waitFor(name, meta.address);
      if (wait !== null) {
        log.warn({ address: meta.address }, 'sign-in refused: too many wrong passwords');
        return { ok: false, reason: 'throttled', message: throttledMessage(wait), retryAfterMs: wait };
      }
      const operator = findOperatorByName(db, name);
      const hash = operator?.password_hash ?? null;
      // An unknown name costs as much as a wrong password, so timing does not tell who is on the team.
      const matches = await verifyPassword(password, hash ?? DECOY_HASH);
      // The profile may have been removed or re-invited while the hash was computed.
      const current = operator ? findOperator(db, operator.id) : undefined;
      if (!matches || !current || hash === null || current.password_hash !== hash) {
        throttle.failed(name, meta.address);
        return { ok: false, reason: 'wrong_password', message: WRONG_PASSWORD };
      }
      throttle.succeeded(name, meta.address);
      return open(current, meta, 'operators.signIn');
    },

    inviteFor(token) {
      const invite = inviteByTokenHash(db, hashToken(token));
      if (!invite || invite.used_at !== null || invite.expires_at <= clock.now()) return null;
      return { operatorName: invite.operator_name, expiresAt: invite.expires_at };
    },

    async acceptInvite(token, password, meta) {
      const tokenHash = hashToken(token);
      const invite = inviteByTokenHash(db, tokenHash);
      // A removed operator's unused links were deleted with them, so they are unknown here too.
      if (!invite || invite.used_at !== null || invite.expires_at <= clock.now()) return { ok: false, reason: 'unknown_invite', message: UNKNOWN_INVITE };
      const weak = weakPasswordMessage(password);
      if (weak) return { ok: false, reason: 'weak_password', message: weak };
      const hash = await hashPassword(password);
      const operator = db.transaction(() => {
        // Checked again after hashing: the link may have been spent, replaced or its operator removed meanwhile.
        const current = findOperator(db, invite.operator_id);
        if (!current || !spendInvite(db, tokenHash, clock.now())) return null;
        setPasswordHash(db, current.id, hash);
        return current;
      })();
      if (!operator) return { ok: false, reason: 'unknown_invite', message: UNKNOWN_INVITE };
      return open(operator, meta, 'operators.acceptInvite');
    },

    resolve(token): ResolvedSession {
      const row = sessionByTokenHash(db, hashToken(token));
      if (!row) return refused('unknown');
      if (row.end_reason) return refused(row.end_reason);
      const now = clock.now();
      // Removal ends sessions itself; this catches one whose ending did not get written (a full disk, a crash).
      const ending: SessionEndReason | null = row.removed_at !== null ? 'removed' : row.expires_at <= now ? 'expired' : null;
      if (ending) {
        announce(endSession(db, row.id, ending, now), ending);
        return refused(ending);
      }
      if (now - row.last_seen_at >= TOUCH_EVERY_MS) touchSession(db, row.id, now);
      return { ok: true, ctx: { actor: row.operator_id, role: row.role, sessionId: row.id } };
    },

    signOut(token) {
      const row = sessionByTokenHash(db, hashToken(token));
      if (row) signOutSession(row.id, row.operator_id);
    },

    onEnded(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  } satisfies Omit<HubSessions, 'windowOpened'>;

  function signOutSession(sessionId: string, operatorId: string): void {
    const ended = endSession(db, sessionId, 'signed_out', clock.now());
    if (ended.length > 0) deps.audit({ actor: operatorId, action: 'operators.signOut', target: operatorId, details: { sessionId } });
    announce(ended, 'signed_out');
  }

  return {
    sessions,
    signOutSession,
    /** Ends one session (an admin's or its owner's revoke). */
    end(sessionId: string, reason: SessionEndReason): void {
      announce(endSession(db, sessionId, reason, clock.now()), reason);
    },
    endAllOf(operatorId: string, reason: SessionEndReason): number {
      const ended = endSessionsOf(db, operatorId, reason, clock.now());
      announce(ended, reason);
      return ended.length;
    },
    /** Ends sessions whose time is up, so their sockets close without waiting for their next call. */
    expireDue(): void {
      announce(expireDueSessions(db, clock.now()), 'expired');
    },
    /** A fresh one-time link; any earlier unused link stops working. Only the token's hash is stored. */
    issueInvite(operatorId: string, createdBy: string): { token: string; expiresAt: number } {
      const token = newSecretToken();
      const now = clock.now();
      const expiresAt = now + INVITE_VALID_MS;
      replaceInvite(db, { tokenHash: hashToken(token), operatorId, createdBy, now, expiresAt });
      return { token, expiresAt };
    },
  };
}

function refused(reason: SessionEndReason | 'unknown'): ResolvedSession {
  return { ok: false, reason, message: ENDED_MESSAGES[reason] };
}

export type Sessions = ReturnType<typeof createSessions>;
