import type { BotFileLimits, WebhookHealth } from './bot-endpoints';

/** The live state of one account or bot, as the window shows it. */
export type ConnectionState =
  | { status: 'connecting' }
  | { status: 'online' }
  | { status: 'reconnecting'; attempt: number; nextTryAt: number; reason: string }
  | { status: 'flood_wait'; until: number }
  | { status: 'needs_sign_in'; reason: string }
  | { status: 'stopped' }
  | { status: 'error'; reason: string };

export type CodeDelivery = 'app' | 'sms' | 'call' | 'flash_call' | 'missed_call' | 'email' | 'fragment' | 'unknown';

export interface AccountView {
  id: number;
  phone: string;
  firstName: string;
  lastName: string;
  username: string | null;
  telegramUserId: number | null;
  /** Whether this account has its own api_id/api_hash instead of the app-wide default. */
  ownApiCredentials: boolean;
  enabled: boolean;
  state: ConnectionState;
  createdAt: number;
}

export interface BotView {
  id: number;
  username: string;
  firstName: string;
  telegramBotId: number;
  mode: 'polling' | 'webhook';
  enabled: boolean;
  state: ConnectionState;
  createdAt: number;
  /** This bot's own Bot API server; null when it uses the app-wide one. */
  apiServer: string | null;
  /** What the bot's Bot API server lets it send and fetch. */
  fileLimits: BotFileLimits;
  /** In webhook mode, what Telegram last reported about deliveries; null before the first check. */
  webhook: WebhookHealth | null;
}

/** Where a sign-in stands after each step. */
export type SignInStep =
  | { step: 'code'; flowId: string; phone: string; sentVia: CodeDelivery; nextVia: CodeDelivery | null; codeLength: number | null; resendAfterSeconds: number | null }
  | { step: 'password'; flowId: string; phone: string; hint: string | null }
  | { step: 'done'; account: AccountView };

/** An incoming message, stored and announced; the inbox shows them. */
export interface IncomingMessage {
  id: number;
  source: { kind: 'account' | 'bot'; id: number };
  /** Stable across sources of one kind: `user:123`, `chat:45`, `channel:678`. */
  chatKey: string;
  chatTitle: string;
  telegramMessageId: number;
  senderId: number | null;
  senderName: string;
  /** When Telegram says it was sent, in epoch milliseconds. */
  date: number;
  text: string;
  mediaKind: 'photo' | 'document' | 'video' | 'voice' | 'other' | null;
  outgoing: boolean;
}
