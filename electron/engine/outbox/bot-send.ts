import { access } from 'node:fs/promises';
import { InputFile, type Api } from 'grammy';
import type { Message } from 'grammy/types';
import { grammySignal } from '../telegram/bots/bot-api';
import { Refusal } from './failures';
import type { Sent } from './mtproto-send';
import type { OutboxPayload } from './outbox-port';

/** Supergroups and channels carry this offset in the Bot API ("-100" followed by the MTProto id). */
const CHANNEL_OFFSET = 1_000_000_000_000;

/** The Bot API's signed chat id for a chat key (the inverse of `peerOfChat`). */
export function botChatId(chatKey: string): number {
  const [type, idText] = chatKey.split(':');
  const id = Number(idText);
  if (!Number.isSafeInteger(id)) throw new Refusal(`Unknown chat ${chatKey}.`);
  if (type === 'user') return id;
  if (type === 'chat') return -id;
  if (type === 'channel') return -id - CHANNEL_OFFSET;
  throw new Refusal(`Unknown chat ${chatKey}.`);
}

/** One try of a bot send; `signal` aborts it (timeout or stop), which leaves its fate uncertain. */
export async function sendByBot(api: Api, payload: OutboxPayload, signal: AbortSignal): Promise<Sent> {
  const chatId = botChatId(payload.chatKey);
  // A reply to a message deleted meanwhile still goes out, as a plain message.
  const reply =
    payload.replyToTelegramId === undefined ? {} : { reply_parameters: { message_id: payload.replyToTelegramId, allow_sending_without_reply: true } };
  const abort = grammySignal(signal);
  let message: Message;
  if (payload.kind === 'text') {
    message = await api.sendMessage(chatId, payload.text, reply, abort);
  } else {
    const { attachment } = payload;
    try {
      await access(attachment.path);
    } catch {
      throw new Refusal('The attached file is no longer on disk; attach it again.');
    }
    const file = new InputFile(attachment.path, attachment.fileName);
    const other = { ...reply, ...(payload.caption === undefined ? {} : { caption: payload.caption }) };
    if (attachment.mediaKind === 'photo') message = await api.sendPhoto(chatId, file, other, abort);
    else if (attachment.mediaKind === 'video') message = await api.sendVideo(chatId, file, other, abort);
    else if (attachment.mediaKind === 'voice') message = await api.sendVoice(chatId, file, other, abort);
    else message = await api.sendDocument(chatId, file, other, abort);
  }
  return { messageId: message.message_id, date: message.date * 1000 };
}
