import { Api } from 'telegram';
import { toNumber } from './ids';

/** A user, group or channel as the engine stores it, access hash included (it never leaves the engine). */
export interface TelegramEntity {
  peerType: 'user' | 'chat' | 'channel';
  peerId: number;
  /** null when Telegram sent a "min" object whose hash must not replace a known one. */
  accessHash: string | null;
  username: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  isBot: boolean;
}

export function userEntity(user: Api.TypeUser): TelegramEntity | null {
  if (!(user instanceof Api.User)) return null;
  return {
    peerType: 'user',
    peerId: toNumber(user.id),
    accessHash: user.accessHash && !user.min ? user.accessHash.toString() : null,
    username: user.username ?? user.usernames?.[0]?.username ?? null,
    phone: user.phone ? `+${user.phone}` : null,
    firstName: user.firstName ?? null,
    lastName: user.lastName ?? null,
    title: null,
    isBot: user.bot === true,
  };
}

export function chatEntity(chat: Api.TypeChat): TelegramEntity | null {
  const base = { username: null, phone: null, firstName: null, lastName: null, isBot: false };
  if (chat instanceof Api.Chat || chat instanceof Api.ChatForbidden) {
    return { ...base, peerType: 'chat', peerId: toNumber(chat.id), accessHash: null, title: chat.title };
  }
  if (chat instanceof Api.Channel) {
    return {
      ...base,
      peerType: 'channel',
      peerId: toNumber(chat.id),
      accessHash: chat.accessHash && !chat.min ? chat.accessHash.toString() : null,
      username: chat.username ?? chat.usernames?.[0]?.username ?? null,
      title: chat.title,
    };
  }
  if (chat instanceof Api.ChannelForbidden) {
    return { ...base, peerType: 'channel', peerId: toNumber(chat.id), accessHash: chat.accessHash.toString(), title: chat.title };
  }
  return null;
}

export function translateEntities(users: readonly Api.TypeUser[], chats: readonly Api.TypeChat[]): TelegramEntity[] {
  return [...users.map(userEntity), ...chats.map(chatEntity)].filter((e): e is TelegramEntity => e !== null);
}

/** The name a person reads for a chat or sender. */
export function displayName(entity: TelegramEntity): string {
  if (entity.title) return entity.title;
  const name = [entity.firstName, entity.lastName].filter(Boolean).join(' ').trim();
  return name || (entity.username ? `@${entity.username}` : null) || entity.phone || `${entity.peerType} ${entity.peerId}`;
}
