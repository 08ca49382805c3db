import type { Presence, SessionView, TeamSettings, TeamSharingState } from '../../../shared/domain/operators';
import type { CallContext } from '../contract/dispatcher';

declare module '../platform/domain-events' {
  interface DomainEvents {
    /** An operator became active, away or offline. */
    'operators.presenceChanged': { operatorId: string; presence: Presence };
    /** Profiles changed (capacity, senders, auto-assign, role): assignment looks again. */
    'operators.profilesChanged': { operatorIds: string[] };
    /** An operator was removed; their sessions are ended already. */
    'operators.removed': { operatorId: string };
  }
}

/** Who is working now; read by assignment (and later by team tasks' notifications). */
export interface TeamPresence {
  presenceOf(operatorId: string): Presence;
  /** Epoch ms since which the operator has not been active; null while active. */
  inactiveSince(operatorId: string): number | null;
}

export interface SignInMeta {
  address: string | null;
  userAgent: string | null;
}

export type SignInOutcome =
  | { ok: true; /** The cookie's secret; only its hash is stored. */ token: string; session: SessionView; operatorName: string }
  | { ok: false; reason: 'wrong_password' | 'throttled' | 'unknown_invite' | 'weak_password' | 'removed'; message: string; retryAfterMs?: number };

export type SessionEndReason = 'revoked' | 'expired' | 'signed_out' | 'removed';

export type ResolvedSession = { ok: true; ctx: CallContext } | { ok: false; reason: SessionEndReason | 'unknown'; message: string };

/** What the hub asks of the operators service: sign-ins, invites and sessions. */
export interface HubSessions {
  signIn(name: string, password: string, meta: SignInMeta): Promise<SignInOutcome>;
  /** Whose invite a link is, to greet them on the page; null when unknown, used or expired. */
  inviteFor(token: string): { operatorName: string; expiresAt: number } | null;
  /** Sets the invited operator's password, spends the link, and signs them in. */
  acceptInvite(token: string, password: string, meta: SignInMeta): Promise<SignInOutcome>;
  /** The caller behind a session cookie (checked on every call: expiry, revocation, removal). */
  resolve(token: string): ResolvedSession;
  signOut(token: string): void;
  /** Sessions that ended (revoked, expired, removed, signed out), so the hub closes their sockets. */
  onEnded(listener: (ended: { sessionId: string; reason: SessionEndReason }[]) => void): () => void;
  /** A hub window opened or closed for an operator (an open window keeps them "away" rather than "offline"). */
  windowOpened(operatorId: string): () => void;
}

/** What the operators service asks of the hub (the TLS front door for the team). */
export interface TeamHub {
  /** Starts, moves or stops listening as the settings say. */
  apply(settings: TeamSettings): Promise<TeamSharingState>;
  state(): TeamSharingState;
  renewCertificate(): Promise<TeamSharingState>;
  /** The link an invited operator opens (on the hub's address, even while it is not shared yet). */
  inviteUrl(token: string): string;
  /** Connects to a hub and compares its certificate with the pinned fingerprint. */
  probe(url: string, fingerprint: string): Promise<{ fingerprint: string }>;
  stop(): Promise<void>;
}
