import bigInt from 'big-integer';
import { Api } from 'telegram';
import type { IncomingMessage } from '../../../../../shared/domain/connections';
import type { ConversationKind, MessageExtras } from '../../inbound/types';
import { displayName, type TelegramEntity } from './entities';
import { toNumber } from './ids';
import { mediaOf } from './media';

/** An incoming message before it is stored: the engine adds which account it came through. */
export type TranslatedMessage = Omit<IncomingMessage, 'id' | 'source'> & MessageExtras;

export interface TranslateContext {
  /** The signed-in account's own Telegram user id (senders of outgoing messages). */
  selfId: number;
  /** An entity from the same answer or already stored; undefined when the engine never saw it. */
  entity(peerType: TelegramEntity['peerType'], peerId: number): TelegramEntity | undefined;
}

type PeerRef = { peerType: TelegramEntity['peerType']; peerId: number };

function peerRef(peer: Api.TypePeer): PeerRef {
  if (peer instanceof Api.PeerUser) return { peerType: 'user', peerId: toNumber(peer.userId) };
  if (peer instanceof Api.PeerChat) return { peerType: 'chat', peerId: toNumber(peer.chatId) };
  return { peerType: 'channel', peerId: toNumber(peer.channelId) };
}

/** The inbox's key for a Telegram chat: `user:`, `chat:` or `channel:` and its id. */
export function chatKeyOf(peer: Api.TypePeer): string {
  const ref = peerRef(peer);
  return `${ref.peerType}:${ref.peerId}`;
}

function nameOf(ref: PeerRef, ctx: TranslateContext): string {
  const entity = ctx.entity(ref.peerType, ref.peerId);
  return entity ? displayName(entity) : `${ref.peerType} ${ref.peerId}`;
}

/** Service messages (joins, pins) and empty ones are not something a person wrote: null. */
export function translateMessage(message: Api.TypeMessage, ctx: TranslateContext): TranslatedMessage | null {
  if (!(message instanceof Api.Message)) return null;
  const chat = peerRef(message.peerId);
  const sender = senderOf(message, chat, ctx);
  const media = mediaOf(message.media);
  return {
    chatKey: `${chat.peerType}:${chat.peerId}`,
    chatTitle: nameOf(chat, ctx),
    telegramMessageId: message.id,
    senderId: sender && sender.peerType === 'user' ? sender.peerId : null,
    senderName: sender ? nameOf(sender, ctx) : nameOf(chat, ctx),
    date: message.date * 1000,
    text: message.message ?? '',
    mediaKind: media?.kind ?? null,
    outgoing: message.out === true,
    chatKind: chatKindOf(chat, message),
    replyToTelegramId: message.replyTo instanceof Api.MessageReplyHeader ? (message.replyTo.replyToMsgId ?? null) : null,
    media,
    editedAt: message.editDate ? message.editDate * 1000 : null,
  };
}

/** A `channel:` peer is a broadcast channel when its messages are posts, else a supergroup. */
function chatKindOf(chat: PeerRef, message: Api.Message): ConversationKind {
  if (chat.peerType === 'user') return 'private';
  return chat.peerType === 'channel' && message.post ? 'channel' : 'group';
}

function senderOf(message: Api.Message, chat: PeerRef, ctx: TranslateContext): PeerRef | null {
  if (message.fromId) return peerRef(message.fromId);
  if (message.out) return { peerType: 'user', peerId: ctx.selfId };
  // Without fromId a private message is from the other person; a channel post is the channel's.
  return chat.peerType === 'chat' ? null : chat;
}

/**
 * Telegram's compact forms carry only ids. Without the people they name stored, a message
 * would have no names: null tells the caller to fetch them with getDifference, as Telegram
 * advises for this case.
 */
export function expandShortMessage(update: Api.UpdateShortMessage | Api.UpdateShortChatMessage, ctx: TranslateContext): Api.Message | null {
  const base = { id: update.id, out: update.out, message: update.message, date: update.date, entities: update.entities, replyTo: update.replyTo };
  if (update instanceof Api.UpdateShortMessage) {
    if (!ctx.entity('user', toNumber(update.userId))) return null;
    const self = new Api.PeerUser({ userId: bigInt(ctx.selfId) });
    const other = new Api.PeerUser({ userId: update.userId });
    return new Api.Message({ ...base, peerId: other, fromId: update.out ? self : other });
  }
  if (!ctx.entity('chat', toNumber(update.chatId)) || !ctx.entity('user', toNumber(update.fromId))) return null;
  return new Api.Message({ ...base, peerId: new Api.PeerChat({ chatId: update.chatId }), fromId: new Api.PeerUser({ userId: update.fromId }) });
}
