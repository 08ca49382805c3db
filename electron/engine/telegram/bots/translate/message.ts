import type { Message } from 'grammy/types';
import type { PendingIncoming } from '../../../messages/message-repo';
import { chatKeyOf, chatTitle, fullName } from './peers';

type MediaKind = PendingIncoming['mediaKind'];

/** Which of Telegram's many media fields a message carries, reduced to what the inbox shows. */
function mediaKindOf(message: Message): MediaKind {
  if (message.photo) return 'photo';
  if (message.video || message.video_note || message.animation) return 'video';
  if (message.voice || message.audio) return 'voice';
  if (message.document) return 'document';
  if (message.sticker || message.location || message.contact || message.poll || message.venue || message.dice) return 'other';
  return null;
}

/** A Bot API message as the desk stores it; the bot's own messages come back marked outgoing. */
export function incomingFromMessage(message: Message, source: { botId: number; telegramBotId: number }): PendingIncoming {
  const sender = message.from;
  const senderChat = message.sender_chat;
  return {
    source: { kind: 'bot', id: source.botId },
    chatKey: chatKeyOf(message.chat),
    chatTitle: chatTitle(message.chat),
    telegramMessageId: message.message_id,
    senderId: sender?.id ?? null,
    senderName: sender ? fullName(sender) : senderChat ? chatTitle(senderChat) : '',
    date: message.date * 1000,
    text: message.text ?? message.caption ?? '',
    mediaKind: mediaKindOf(message),
    outgoing: sender?.id === source.telegramBotId,
  };
}
