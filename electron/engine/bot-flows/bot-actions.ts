import type { Origin } from '../outbox/action-kind';
import { inlineKeyboardSchema, type InlineKeyboard } from '../outbox/kinds/inline-keyboard';

export interface BotMessageAction {
  botId: number;
  chatKey: string;
  text: string;
  keyboard: InlineKeyboard | null;
  origin: Origin;
}

export interface BotEditAction {
  botId: number;
  chatKey: string;
  telegramMessageId: number;
  text: string;
  keyboard: InlineKeyboard | null;
  origin: Origin;
}

export interface CallbackAnswerAction {
  botId: number;
  callbackQueryId: string;
  /** Null: no toast, the spinner just stops. */
  text: string | null;
  alert: boolean;
  origin: Origin;
}

/**
 * How flows' replies leave: each call writes one outbox row, synchronously, on the database the
 * router runs in, inside the transaction that commits the update's offset (so a rolled-back
 * handler leaves no row). The engine wires it to the outbox's bot kinds.
 */
export interface BotActions {
  message(action: BotMessageAction): void;
  edit(action: BotEditAction): void;
  answerCallback(action: CallbackAnswerAction): void;
}

/** Telegram's limits: a message's text, an answer's toast, a button's callback_data (in bytes). */
export const MESSAGE_TEXT_MAX = 4096;
export const CALLBACK_ANSWER_MAX = 200;
export const CALLBACK_DATA_MAX_BYTES = 64;

/**
 * Cuts a text to Telegram's limit, by code points so an emoji is never split. Operator-edited
 * texts are checked when saved, but a filled variable may still be longer than budgeted; a cut
 * message reaches the person, a refused one would not.
 */
export function fitText(text: string, max: number): string {
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

/** A keyboard Telegram would refuse is a bug in the flow: it throws before anything is queued (the outbox's own rule). */
export function checkKeyboard(keyboard: InlineKeyboard): void {
  const checked = inlineKeyboardSchema.safeParse(keyboard);
  if (!checked.success) throw new Error(`The flow built a keyboard Telegram would refuse: ${checked.error.issues.map((i) => i.message).join('; ')}`);
}
