/** Operators and the team hub, as the window sees them: plain values. */

export const OPERATOR_ROLES = ['admin', 'operator'] as const;
/** `admin` sees and runs everything; `operator` works the chats assigned to them and the queues of their senders. */
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** `active`: a window of theirs said it is attended within the last 30 s; `away`: a window is open (or was, within 2 min) but nobody attends it; `offline`: nothing heard. */
export const PRESENCES = ['active', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];

/** The person at a single desktop: the desk's admin from the first start. */
export const LOCAL_OPERATOR_ID = 'operator:local';

/** Seconds a heartbeat counts as "active"; a window sends one every third of that. */
export const ACTIVE_WITHIN_MS = 30_000;
/** After this long with no heartbeat and no open window an operator is offline. */
export const AWAY_WITHIN_MS = 120_000;

export interface SenderRef {
  kind: 'account' | 'bot';
  id: number;
}

export interface OperatorView {
  id: string;
  name: string;
  role: OperatorRole;
  /** Language codes the operator answers in, e.g. ["ru", "en"]. */
  languages: string[];
  /** Open conversations at once; null: no limit (only an admin may have none). */
  capacity: number | null;
  /** Takes conversations from the queue automatically while active. */
  autoAssign: boolean;
  /** Accounts and bots whose conversations they may work; an admin works every one. */
  senders: SenderRef[];
  presence: Presence;
  /** Epoch ms of the last heartbeat saying the window was attended; null: never. */
  lastActiveAt: number | null;
  /** Open conversations assigned to them now. */
  openConversations: number;
  /** `invited`: has an unused invite link and no password yet. */
  state: 'invited' | 'ready';
  /** A linked Telegram account (team tasks' bot sets it); null until then. */
  telegram: { userId: number; username: string | null } | null;
  createdAt: number;
}

export interface SessionView {
  id: string;
  operatorId: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  /** The browser or app that signed in, as it named itself. */
  userAgent: string | null;
  address: string | null;
  /** This is the session the asking window uses. */
  current: boolean;
}

export interface InviteLink {
  operatorId: string;
  /** Open it once, on the hub, to choose a password. */
  url: string;
  expiresAt: number;
}

/** One account's or bot's waiting conversations. */
export interface QueueView {
  sender: SenderRef;
  senderName: string;
  waiting: number;
  /** Epoch ms since which the longest-waiting conversation waits; null when none. */
  oldestSince: number | null;
}

export interface TeamSettings {
  /** "Share with my team": the hub listens on `host:port` with TLS. Off by default (loopback only). */
  shared: boolean;
  host: string;
  port: number;
  /** How long a sign-in lasts before the operator must sign in again. */
  sessionHours: number;
  /** An operator not active this long hands their open, unanswered conversations back to the queue. */
  returnAfterMinutes: number;
  /** Operators (not only admins) may pass a conversation of theirs to a colleague. */
  operatorsMayReassign: boolean;
}

export const DEFAULT_TEAM_SETTINGS: TeamSettings = {
  shared: false,
  host: '0.0.0.0',
  port: 47_900,
  sessionHours: 12,
  returnAfterMinutes: 5,
  operatorsMayReassign: false,
};

/** Where the hub stands. */
export interface TeamSharingState {
  settings: TeamSettings;
  /** https://host:port when listening. */
  url: string | null;
  /** SHA-256 of the hub's certificate, as colon-separated hex; clients pin it. */
  fingerprint: string | null;
  /** Why it is not listening although shared (port in use, …). */
  error: string | null;
}

/** A conversation changed hands: whoever held it, whoever holds it now (null: back in the queue). */
export interface AssignmentChange {
  conversationId: number;
  sender: SenderRef;
  from: string | null;
  to: string | null;
  /** Why, for the window and the audit trail. */
  reason: 'manual' | 'auto' | 'returned' | 'reopened' | 'removed';
}
