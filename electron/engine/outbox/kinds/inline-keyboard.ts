import { z } from 'zod';

/**
 * An inline keyboard as the Bot API takes it (core.telegram.org/bots/api#inlinekeyboardbutton):
 * each button has a label and exactly one action; this desk uses callback and URL buttons.
 * callback_data is 1–64 bytes.
 */
const callbackButton = z.object({
  text: z.string().min(1, 'A button needs a label.'),
  callbackData: z.string().refine((data) => {
    const bytes = Buffer.byteLength(data, 'utf8');
    return bytes >= 1 && bytes <= 64;
  }, 'A button’s callback data is 1 to 64 bytes.'),
});
const urlButton = z.object({
  text: z.string().min(1, 'A button needs a label.'),
  url: z.string().regex(/^(https?|tg):\/\/\S+$/i, 'A button’s link starts with https://, http:// or tg://.'),
});

export const inlineKeyboardSchema = z.array(z.array(z.union([callbackButton, urlButton])).min(1, 'A keyboard row needs a button.')).min(1, 'A keyboard needs a row.');
export type InlineKeyboard = z.infer<typeof inlineKeyboardSchema>;

/** The Bot API's reply_markup for a keyboard. */
export function replyMarkup(keyboard: InlineKeyboard) {
  return {
    inline_keyboard: keyboard.map((row) => row.map((button) => ('url' in button ? { text: button.text, url: button.url } : { text: button.text, callback_data: button.callbackData }))),
  };
}
