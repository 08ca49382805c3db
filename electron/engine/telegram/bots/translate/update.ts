import type { Update } from 'grammy/types';
import type { PendingIncoming } from '../../../messages/message-repo';
import { incomingFromMessage } from './message';
import { chatEntity, userEntity, type BotEntity } from './peers';

/** What one update adds to the store: plain domain values only, never the raw payload. */
export interface TranslatedUpdate {
  messages: PendingIncoming[];
  entities: BotEntity[];
}

/** The update types the desk asks Telegram for (chat_member must be asked for explicitly). */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'channel_post', 'edited_channel_post', 'callback_query', 'my_chat_member', 'chat_member'] as const;

/**
 * An update becomes stored messages and the people and chats it names. Types the desk does not
 * use yet produce nothing, but the update still counts as handled (its offset is committed).
 */
export function translateUpdate(update: Update, source: { botId: number; telegramBotId: number }): TranslatedUpdate {
  const message = update.message ?? update.edited_message ?? update.channel_post ?? update.edited_channel_post;
  if (message) {
    const entities = [chatEntity(message.chat), ...(message.from ? [userEntity(message.from)] : [])];
    return { messages: [incomingFromMessage(message, source)], entities };
  }
  if (update.callback_query) {
    const chat = update.callback_query.message?.chat;
    return { messages: [], entities: [userEntity(update.callback_query.from), ...(chat ? [chatEntity(chat)] : [])] };
  }
  const member = update.my_chat_member ?? update.chat_member;
  if (member) {
    return { messages: [], entities: [chatEntity(member.chat), userEntity(member.from), userEntity(member.new_chat_member.user)] };
  }
  return { messages: [], entities: [] };
}
