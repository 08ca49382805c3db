import type { SandboxWorld } from '../../world/world';
import type { Conversation, SandboxChat, SandboxUser } from '../../world/types';
import { botChatIdOf } from '../ids';

export function botApiGroupChat(chat: SandboxChat) {
  const type = chat.kind === 'group' ? 'group' : chat.kind;
  return { id: botChatIdOf(chat), type, title: chat.title, ...(chat.username ? { username: chat.username } : {}) };
}

export function botApiPrivateChat(user: SandboxUser) {
  return {
    id: user.id,
    type: 'private' as const,
    first_name: user.firstName,
    ...(user.lastName ? { last_name: user.lastName } : {}),
    ...(user.username ? { username: user.username } : {}),
  };
}

export function botApiChat(world: SandboxWorld, conversation: Conversation, botId: number) {
  if (conversation.kind === 'chat') return botApiGroupChat(world.chat(conversation.chatId));
  const otherId = conversation.userIds.find((id) => id !== botId) ?? botId;
  return botApiPrivateChat(world.user(otherId));
}
