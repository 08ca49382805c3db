import type { SandboxWorld } from '../../world/world';
import type { SandboxChat } from '../../world/types';
import { badRequest, forbidden } from '../errors';
import type { ChatTarget } from '../ids';

/**
 * The Bot API words "not in this chat" by chat type; the world only knows the MTProto name,
 * so the door checks membership itself first.
 */
export function checkBotIsMember(chat: SandboxChat, botId: number): void {
  const kind = chat.kind === 'group' ? 'group' : chat.kind;
  if (chat.kicked.has(botId)) throw forbidden(`bot was kicked from the ${kind} chat`);
  if (!chat.members.has(botId)) throw forbidden(`bot is not a member of the ${kind} chat`);
}

export function checkBotMayWrite(world: SandboxWorld, botId: number, target: ChatTarget): void {
  if (target.kind === 'private') return;
  checkBotIsMember(target.chat, botId);
  if (target.chat.kind === 'channel' && !world.adminRights(target.chat.id, botId)?.postMessages) {
    throw badRequest('need administrator rights in the channel chat');
  }
}
