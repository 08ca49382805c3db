/**
 * The kinds of action that leave through the outbox; each may have its own daily cap per account.
 * `check`: reads such as "is this person a member?", uncapped unless the operator sets one.
 */
export const OUTBOX_ACTIONS = ['reply', 'campaign_message', 'invite', 'contact_import', 'check'] as const;
export type OutboxAction = (typeof OUTBOX_ACTIONS)[number];

/** The largest daily cap the desk accepts, so a typo cannot quietly mean "no cap". */
export const MAX_DAILY_CAP = 10_000;

/** One kind of action's daily cap on one personal account, and how much of it today used. */
export interface DailyCapView {
  action: OutboxAction;
  /** Null: no cap. */
  cap: number | null;
  /** True while the account uses the desk's default for this kind. */
  isDefault: boolean;
  sentToday: number;
}

/** A personal account Telegram limited with PEER_FLOOD: its lane sends nothing until lifted. */
export interface BenchView {
  accountId: number;
  since: number;
  /** When the bench lifts by itself. */
  until: number;
  reason: string;
  /** Items of this account still to send. */
  waiting: number;
}
