import { GrammyError } from 'grammy';
import { z } from 'zod';
import { describe, grammySignal } from '../../telegram/bots/bot-api';
import type { ActionKind } from '../action-kind';
import { classifyRepeatableBotError } from './repeatable';

const payload = z.object({
  callbackQueryId: z.string().min(1),
  /** Shown to the person who pressed the button (0–200 characters). */
  text: z.string().max(200, 'A button answer is at most 200 characters.').optional(),
  showAlert: z.boolean().optional(),
});

const TOO_OLD =
  'Telegram no longer takes an answer to this button press: it came too long ago or was already answered.';

/**
 * Answers a callback query (answerCallbackQuery). Harmless to repeat, so resent after a crash or
 * a lost answer: Telegram takes one answer per query and refuses any other, so the person never
 * sees two. It touches no chat (no per-chat window, only the bot's own).
 */
export const botAnswerCallback: ActionKind<z.infer<typeof payload>> = {
  name: 'bot.answerCallback',
  sender: 'bot',
  capAction: 'reply',
  payload,
  chatKey: () => null,
  async perform(ctx, p) {
    const other = { ...(p.text === undefined ? {} : { text: p.text }), ...(p.showAlert === undefined ? {} : { show_alert: p.showAlert }) };
    await ctx.bot!.answerCallbackQuery(p.callbackQueryId, other, grammySignal(ctx.signal));
    return {};
  },
  classify(error) {
    if (error instanceof GrammyError && /query is too old|query id is invalid/i.test(describe(error))) return { kind: 'permanent', reason: TOO_OLD };
    return classifyRepeatableBotError(error);
  },
  afterInterruption: 'resend',
};
