import type { Database } from 'better-sqlite3';
import type { InlineKeyboard } from '../outbox/kinds/inline-keyboard';
import type { BotLanguage } from '../../../shared/domain/bot-flows';
import type { BotCommand, CallbackQuery, InboundMessage, InboundPerson } from '../telegram/inbound/types';

export type { BotLanguage } from '../../../shared/domain/bot-flows';

/** Inline buttons: callbacks (data 1–64 bytes, Telegram's limit) or links, as the outbox's bot kinds send them. */
export type { InlineKeyboard } from '../outbox/kinds/inline-keyboard';

/**
 * What a flow handler may do. Everything it does is written in the transaction that commits the
 * update's offset: its own rows through `db`, and replies as outbox rows (never a direct call),
 * so a crash neither applies a command twice nor loses its reply.
 */
export interface FlowContext {
  db: Database;
  now: number;
  botId: number;
  /** The private chat or group the update came from (a callback from an inline-mode message: the person's private chat). */
  chatKey: string;
  person: InboundPerson;
  language: BotLanguage;
  /**
   * The flow's text for this person's language: the operator's edit if there is one, else the
   * default; `{{name}}` filled from `vars` (a name missing from `vars` stays visible as written).
   * A key the flow does not declare throws: that is a bug in the flow, not the person's doing.
   */
  text(key: string, vars?: Record<string, string | number>): string;
  /**
   * Queues a bot message to this chat (or another chat of the same bot), with an optional inline
   * keyboard. `ref` names the outbox row's origin within the flow's domain (default: the update).
   * Queued only if the handler returns normally; a keyboard Telegram would refuse throws here.
   */
  reply(text: string, options?: { keyboard?: InlineKeyboard; chatKey?: string; ref?: string }): void;
  /** Queues an edit of one of the bot's own messages in this chat (text and keyboard). */
  edit(telegramMessageId: number, text: string, options?: { keyboard?: InlineKeyboard; ref?: string }): void;
}

export interface CommandContext extends FlowContext {
  command: BotCommand;
  message: InboundMessage;
}

export interface CallbackContext extends FlowContext {
  callback: CallbackQuery;
  /**
   * Queues the answer Telegram waits for (a toast, or an alert; at most 200 characters, longer
   * is cut). At most once; a handler that does not answer gets an empty answer from the router,
   * so the person's button never keeps spinning.
   */
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
  /**
   * A plain message (text, a screenshot); true if the flow handled it, false to let the inbox
   * have it (whatever it wrote or queued before answering false is taken back).
   */
  onMessage?(ctx: MessageContext): boolean;
  /** Default texts per language; operators may override each one. */
  texts: Record<string, Record<BotLanguage, string>>;
}
