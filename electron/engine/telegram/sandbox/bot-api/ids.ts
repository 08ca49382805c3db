import type { SandboxWorld } from '../world/world';
import type { Conversation, SandboxChat, SandboxUser } from '../world/types';
import { chatNotFound } from './errors';

/** Supergroups and channels carry this offset in the Bot API ("-100" followed by the id). */
const CHANNEL_OFFSET = 1_000_000_000_000;

export function botChatIdOf(chat: SandboxChat): number {
  return chat.kind === 'group' ? -chat.id : -(CHANNEL_OFFSET + chat.id);
}

export type ChatTarget =
  | { kind: 'private'; user: SandboxUser; conversation: Conversation }
  | { kind: 'chat'; chat: SandboxChat; conversation: Conversation };

/** A `chat_id` as the Bot API takes it: a number in the forms above, or a public "@username". */
export function resolveChat(world: SandboxWorld, botId: number, chatId: string | undefined): ChatTarget {
  if (chatId === undefined || chatId === '') throw chatNotFound();
  if (chatId.startsWith('@')) {
    const chat = world.chatByUsername(chatId);
    if (!chat) throw chatNotFound();
    return { kind: 'chat', chat, conversation: { kind: 'chat', chatId: chat.id } };
  }
  const id = Number(chatId);
  if (!Number.isSafeInteger(id) || id === 0) throw chatNotFound();
  if (id > 0) {
    const user = world.findUser(id);
    if (!user || id === botId) throw chatNotFound();
    return { kind: 'private', user, conversation: world.privateConversation(botId, id) };
  }
  const channelLike = -id > CHANNEL_OFFSET;
  const chat = world.findChat(channelLike ? -id - CHANNEL_OFFSET : -id);
  if (!chat || (chat.kind !== 'group') !== channelLike) throw chatNotFound();
  return { kind: 'chat', chat, conversation: { kind: 'chat', chatId: chat.id } };
}
