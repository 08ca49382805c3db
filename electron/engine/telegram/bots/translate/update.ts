import type { Update } from 'grammy/types';
import type { RichIncoming } from '../../inbound/types';
import { incomingFromMessage } from './message';
import { chatEntity, userEntity, type BotEntity } from './peers';

/** What one update adds to the store: plain domain values only, never the raw payload. */
export interface TranslatedUpdate {
  messages: RichIncoming[];
  /** Edited messages in full; the Bot API tells nothing of deletions. */
  edits: RichIncoming[];
  entities: BotEntity[];
}

/** The update types the desk asks Telegram for (chat_member must be asked for explicitly). */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'channel_post', 'edited_channel_post', 'callback_query', 'my_chat_member', 'chat_member'] as const;

/**
 * An update becomes stored messages and the people and chats it names. Types the desk does not
 * use yet produce nothing, but the update still counts as handled (its offset is committed).
 */
export function translateUpdate(update: Update, source: { botId: number; telegramBotId: number }): TranslatedUpdate {
  const fresh = update.message ?? update.channel_post;
  const edited = update.edited_message ?? update.edited_channel_post;
  const message = fresh ?? edited;
  if (message) {
    const entities = [chatEntity(message.chat), ...(message.from ? [userEntity(message.from)] : [])];
    const translated = [incomingFromMessage(message, source)];
    return fresh ? { messages: translated, edits: [], entities } : { messages: [], edits: translated, entities };
  }
  if (update.callback_query) {
    const chat = update.callback_query.message?.chat;
    return { messages: [], edits: [], entities: [userEntity(update.callback_query.from), ...(chat ? [chatEntity(chat)] : [])] };
  }
  const member = update.my_chat_member ?? update.chat_member;
  if (member) {
    return { messages: [], edits: [], entities: [chatEntity(member.chat), userEntity(member.from), userEntity(member.new_chat_member.user)] };
  }
  return { messages: [], edits: [], entities: [] };
}
