import type { Chat, User } from 'grammy/types';

/** Supergroups and channels carry this offset in the Bot API ("-100" followed by the MTProto id). */
const CHANNEL_OFFSET = 1_000_000_000_000;

export type PeerType = 'user' | 'chat' | 'channel';

/** What a bot learned about a user or chat, kept so later sends and lists need no Bot API call. */
export interface BotEntity {
  peerType: PeerType;
  peerId: number;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  isBot: boolean;
}

/**
 * The Bot API's signed chat ids turned back into MTProto's peer and id, so a chat has the same
 * `chatKey` whether an account or a bot saw it.
 */
export function peerOfChat(chat: Pick<Chat, 'id' | 'type'>): { peerType: PeerType; peerId: number } {
  if (chat.type === 'private') return { peerType: 'user', peerId: chat.id };
  if (chat.type === 'group') return { peerType: 'chat', peerId: -chat.id };
  return { peerType: 'channel', peerId: -chat.id - CHANNEL_OFFSET };
}

export function chatKeyOf(chat: Pick<Chat, 'id' | 'type'>): string {
  const { peerType, peerId } = peerOfChat(chat);
  return `${peerType}:${peerId}`;
}

export function fullName(person: { first_name: string; last_name?: string }): string {
  return [person.first_name, person.last_name].filter(Boolean).join(' ');
}

export function chatTitle(chat: Chat): string {
  if (chat.type === 'private') return fullName(chat);
  return chat.title;
}

export function userEntity(user: User): BotEntity {
  return {
    peerType: 'user',
    peerId: user.id,
    username: user.username ?? null,
    firstName: user.first_name,
    lastName: user.last_name ?? null,
    title: null,
    isBot: user.is_bot,
  };
}

export function chatEntity(chat: Chat): BotEntity {
  const peer = peerOfChat(chat);
  if (chat.type === 'private') {
    return { ...peer, username: chat.username ?? null, firstName: chat.first_name, lastName: chat.last_name ?? null, title: null, isBot: false };
  }
  return { ...peer, username: 'username' in chat ? (chat.username ?? null) : null, firstName: null, lastName: null, title: chat.title, isBot: false };
}
