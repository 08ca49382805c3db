/** What the sandbox console shows: plain views of the simulated Telegram, never its internals. */

export interface SandboxPerson {
  id: number;
  name: string;
  username: string | null;
  phone: string | null;
  /** Who may add them to groups: decides whether an invite works or a link must be sent. */
  addToGroups: 'everybody' | 'contacts' | 'nobody';
  inChannel: boolean;
  blockedBot: boolean;
}

export type SandboxTargetKind = 'account' | 'bot' | 'channel' | 'group';

/** Something of the desk's that people can write to or join. */
export interface SandboxTarget {
  id: number;
  kind: SandboxTargetKind;
  name: string;
  username: string | null;
  /** Accounts: the phone to sign in with. */
  phone: string | null;
  /** Accounts: the two-factor password, shown because this is a sandbox. */
  password: string | null;
  /** Accounts: the last login code "Telegram" sent, which a real person would read in the app. */
  lastCode: string | null;
  /** Accounts: how many sessions are signed in to it right now. */
  sessions: number;
  /** Bots: the token, shown because this is a sandbox bot that only exists here. */
  botToken: string | null;
}

export interface SandboxFeedItem {
  id: number;
  at: number;
  kind: 'message' | 'screenshot' | 'join' | 'leave' | 'block' | 'unblock' | 'edit' | 'delete';
  fromName: string;
  toName: string;
  text: string;
}

export interface SandboxStatus {
  active: boolean;
  /** The Bot API front door any bot can be pointed at (grammY: client.apiRoot). */
  botApiUrl: string | null;
  people: SandboxPerson[];
  targets: SandboxTarget[];
  /** Newest first. */
  feed: SandboxFeedItem[];
  autoActivity: { enabled: boolean; everySeconds: number };
}

export const SANDBOX_ACTIONS = ['write', 'screenshot', 'join', 'leave', 'block', 'unblock'] as const;
export type SandboxAction = (typeof SANDBOX_ACTIONS)[number];
