import type { Database } from 'better-sqlite3';
import type { BotCommand, CallbackQuery, InboundMessage, InboundPerson } from '../telegram/inbound/types';

/** Languages a bot speaks to people in (picked from their Telegram `language_code`, English otherwise). */
export type BotLanguage = 'en' | 'ru';

/** One inline keyboard button: a callback (data ≤ 64 bytes, Telegram's limit) or a link. */
export type InlineButton = { text: string; callbackData: string } | { text: string; url: string };
export type InlineKeyboard = InlineButton[][];

/**
 * What a flow handler may do. Everything it does is written in the transaction that commits the
 * update's offset: its own rows through `db`, and replies as outbox rows (never a direct call),
 * so a crash neither applies a command twice nor loses its reply.
 */
export interface FlowContext {
  db: Database;
  now: number;
  botId: number;
  /** The private chat or group the update came from. */
  chatKey: string;
  person: InboundPerson;
  language: BotLanguage;
  /** The flow's text for this person's language: the operator's edit if there is one, else the default; `{{name}}` filled from `vars`. */
  text(key: string, vars?: Record<string, string | number>): string;
  /** Queues a bot message to this chat (or another chat of the same bot), with an optional inline keyboard. */
  reply(text: string, options?: { keyboard?: InlineKeyboard; chatKey?: string; ref?: string }): void;
  /** Queues an edit of one of the bot's own messages (text and keyboard). */
  edit(telegramMessageId: number, text: string, options?: { keyboard?: InlineKeyboard; ref?: string }): void;
}

export interface CommandContext extends FlowContext {
  command: BotCommand;
  message: InboundMessage;
}

export interface CallbackContext extends FlowContext {
  callback: CallbackQuery;
  /** Queues the answer Telegram waits for (a toast, or an alert); a callback left unanswered shows a spinner. */
  answer(text?: string, options?: { alert?: boolean }): void;
}

export interface MessageContext extends FlowContext {
  message: InboundMessage;
}

/**
 * A role a bot can serve (support inbox, rewards, team tasks). The router gives a flow the
 * commands it names, the callbacks whose data starts with its prefix, and the plain messages it
 * claims; everything else falls to the inbox.
 */
export interface BotFlow {
  /** Stored per bot; `inbox` is the support inbox and needs no flow. */
  role: string;
  /** Command names without the slash. */
  commands?: Record<string, (ctx: CommandContext) => void>;
  /** callback_data prefix this flow owns, e.g. `rw:`. */
  callbackPrefix?: string;
  onCallback?(ctx: CallbackContext): void;
  /** A plain message (text, a screenshot); true if the flow handled it, false to let the inbox have it. */
  onMessage?(ctx: MessageContext): boolean;
  /** Default texts per language; operators may override each one. */
  texts: Record<string, Record<BotLanguage, string>>;
}
