import { LIMITS } from '../../world/limits';
import type { InlineButton } from '../../world/types';
import { badRequest } from '../errors';
import type { Params } from '../http/params';

interface InlineButtonInput {
  text?: unknown;
  callback_data?: unknown;
  url?: unknown;
}

/**
 * The inline keyboard of `reply_markup`, or undefined when there is none. Reply keyboards and
 * force_reply are accepted and not kept: the world has no place for them.
 */
export function readInlineKeyboard(params: Params): InlineButton[][] | undefined {
  const markup = params.json<{ inline_keyboard?: unknown }>('reply_markup');
  if (!markup || markup.inline_keyboard === undefined) return undefined;
  if (!Array.isArray(markup.inline_keyboard) || !markup.inline_keyboard.every(Array.isArray)) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  return (markup.inline_keyboard as InlineButtonInput[][]).map((row) => row.map(readButton));
}

function readButton(input: InlineButtonInput): InlineButton {
  if (typeof input.text !== 'string') throw badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
  if (typeof input.callback_data === 'string') {
    if (Buffer.byteLength(input.callback_data) > LIMITS.callbackDataBytes || input.callback_data === '') throw badRequest('BUTTON_DATA_INVALID');
    return { text: input.text, callbackData: input.callback_data };
  }
  if (typeof input.url === 'string') return { text: input.text, url: input.url };
  throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
}
