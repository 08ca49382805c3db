import { GrammyError } from 'grammy';
import { z } from 'zod';
import { describe, grammySignal } from '../../telegram/bots/bot-api';
import type { ActionKind } from '../action-kind';
import { botChatId } from '../bot-send';
import { chatKeySchema } from './chat-key';
import { inlineKeyboardSchema, replyMarkup } from './inline-keyboard';
import { classifyRepeatableBotError } from './repeatable';

const payload = z.object({
  chatKey: chatKeySchema,
  messageId: z.number().int().positive(),
  text: z.string().min(1, 'The message is empty.').max(4096, 'The message is longer than Telegram allows (4096 characters).'),
  /** Omitted: the message keeps no keyboard (Telegram removes one an edit does not restate). */
  keyboard: inlineKeyboardSchema.optional(),
});

/**
 * Edits a bot message's text and keyboard (editMessageText with reply_markup). Exactly once by
 * nature: an edit sets the message to a state, so repeating it changes nothing, and Telegram's
 * "message is not modified" means the message already reads so, which counts as done.
 */
export const botEditMessage: ActionKind<z.infer<typeof payload>> = {
  name: 'bot.edit',
  sender: 'bot',
  capAction: 'reply',
  payload,
  chatKey: (p) => p.chatKey,
  async perform(ctx, p) {
    const markup = p.keyboard ? { reply_markup: replyMarkup(p.keyboard) } : {};
    try {
      const edited = await ctx.bot!.editMessageText(botChatId(p.chatKey), p.messageId, p.text, markup, grammySignal(ctx.signal));
      return { messageId: p.messageId, date: typeof edited === 'object' ? (edited.edit_date ?? edited.date) * 1000 : ctx.now };
    } catch (error) {
      if (notModified(error)) return { messageId: p.messageId, alreadyDone: true };
      throw error;
    }
  },
  classify(error) {
    if (error instanceof GrammyError && /message to edit not found/i.test(describe(error))) return { kind: 'permanent', reason: 'The message to edit no longer exists (it was deleted).' };
    return classifyRepeatableBotError(error);
  },
  afterInterruption: 'resend',
};

function notModified(error: unknown): boolean {
  return error instanceof GrammyError && /message is not modified/i.test(describe(error));
}
