import type { Chat, Message } from 'grammy/types';
import type { ConversationKind, IncomingMedia, RichIncoming } from '../../inbound/types';
import { chatKeyOf, chatTitle, fullName } from './peers';

type MediaKind = RichIncoming['mediaKind'];

/** Which of Telegram's many media fields a message carries, reduced to what the inbox shows. */
function mediaKindOf(message: Message): MediaKind {
  if (message.photo) return 'photo';
  if (message.video || message.video_note || message.animation) return 'video';
  if (message.voice || message.audio) return 'voice';
  if (message.document) return 'document';
  if (message.sticker || message.location || message.contact || message.poll || message.venue || message.dice) return 'other';
  return null;
}

/** The file a bot may fetch again with getFile (the largest photo size is the original). */
function mediaOf(message: Message, kind: MediaKind): IncomingMedia | null {
  if (kind === null) return null;
  const base = { kind, mimeType: null, fileName: null, size: null, width: null, height: null, duration: null, remote: null };
  const photo = message.photo?.at(-1);
  if (photo) return { ...base, mimeType: 'image/jpeg', size: photo.file_size ?? null, width: photo.width, height: photo.height, remote: { via: 'bot', fileId: photo.file_id } };
  const file: FileFields | undefined = message.video ?? message.video_note ?? message.animation ?? message.voice ?? message.audio ?? message.document;
  if (!file) return base;
  return {
    ...base,
    mimeType: file.mime_type ?? null,
    fileName: file.file_name ?? null,
    size: file.file_size ?? null,
    // A round video note is `length` wide and high.
    width: file.width ?? file.length ?? null,
    height: file.height ?? file.length ?? null,
    duration: file.duration ?? null,
    remote: { via: 'bot', fileId: file.file_id },
  };
}

/** The fields Telegram's file objects (video, voice, audio, document, ...) have in some combination. */
interface FileFields {
  file_id: string;
  file_size?: number;
  mime_type?: string;
  file_name?: string;
  width?: number;
  height?: number;
  length?: number;
  duration?: number;
}

function chatKindOf(chat: Chat): ConversationKind {
  if (chat.type === 'private') return 'private';
  return chat.type === 'channel' ? 'channel' : 'group';
}

/** A Bot API message as the desk stores it; the bot's own messages come back marked outgoing. */
export function incomingFromMessage(message: Message, source: { botId: number; telegramBotId: number }): RichIncoming {
  const sender = message.from;
  const senderChat = message.sender_chat;
  const mediaKind = mediaKindOf(message);
  return {
    source: { kind: 'bot', id: source.botId },
    chatKey: chatKeyOf(message.chat),
    chatTitle: chatTitle(message.chat),
    telegramMessageId: message.message_id,
    senderId: sender?.id ?? null,
    senderName: sender ? fullName(sender) : senderChat ? chatTitle(senderChat) : '',
    date: message.date * 1000,
    text: message.text ?? message.caption ?? '',
    mediaKind,
    outgoing: sender?.id === source.telegramBotId,
    chatKind: chatKindOf(message.chat),
    replyToTelegramId: message.reply_to_message?.message_id ?? null,
    media: mediaOf(message, mediaKind),
    editedAt: message.edit_date ? message.edit_date * 1000 : null,
  };
}
