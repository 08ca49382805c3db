import { z } from 'zod';
import { grammySignal } from '../../telegram/bots/bot-api';
import type { ActionKind } from '../action-kind';
import { botChatId } from '../bot-send';
import { chatKeySchema } from './chat-key';
import { inlineKeyboardSchema, replyMarkup } from './inline-keyboard';

const payload = z.object({
  chatKey: chatKeySchema,
  text: z.string().min(1, 'The message is empty.').max(4096, 'The message is longer than Telegram allows (4096 characters).'),
  keyboard: inlineKeyboardSchema,
  replyToTelegramId: z.number().int().positive().optional(),
});

/**
 * A bot message with inline buttons (callback and URL), Bot API sendMessage with reply_markup.
 * Exactly once: none from Telegram (no idempotency key), so one in flight at a crash or whose
 * answer was lost is uncertain and left to the operator, like any bot message.
 */
export const botKeyboardMessage: ActionKind<z.infer<typeof payload>> = {
  name: 'bot.message',
  sender: 'bot',
  capAction: 'reply',
  payload,
  chatKey: (p) => p.chatKey,
  async perform(ctx, p) {
    const reply = p.replyToTelegramId === undefined ? {} : { reply_parameters: { message_id: p.replyToTelegramId, allow_sending_without_reply: true } };
    const message = await ctx.bot!.sendMessage(botChatId(p.chatKey), p.text, { ...reply, reply_markup: replyMarkup(p.keyboard) }, grammySignal(ctx.signal));
    return { messageId: message.message_id, date: message.date * 1000 };
  },
  afterInterruption: 'uncertain',
};
