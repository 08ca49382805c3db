import { Api, utils } from 'telegram';
import type { Conversation, SandboxChat, SandboxUser } from '../world/types';
import type { SandboxWorld } from '../world/world';
import { fromLong, idOf, toLong } from './long';
import { fail } from './rpc-error';

export type Target = { kind: 'user'; user: SandboxUser } | { kind: 'chat'; chat: SandboxChat };

/** GramJS's raw requests may carry entities instead of Input* objects; GramJS turns them into input peers the same way. */
function asInput(input: unknown): unknown {
  if (input instanceof Api.User || input instanceof Api.Chat || input instanceof Api.Channel) return utils.getInputPeer(input);
  return input;
}

function checkedUser(world: SandboxWorld, id: number, accessHash: Parameters<typeof fromLong>[0], error: string): SandboxUser {
  const user = world.findUser(id);
  if (!user || user.accessHash !== fromLong(accessHash)) fail(error);
  return user;
}

function checkedChannel(world: SandboxWorld, id: number, accessHash: Parameters<typeof fromLong>[0]): SandboxChat {
  const chat = world.findChat(id);
  if (!chat || chat.kind === 'group' || chat.accessHash !== fromLong(accessHash)) fail('CHANNEL_INVALID');
  return chat;
}

export function resolvePeer(world: SandboxWorld, me: SandboxUser, raw: unknown): Target {
  const input = asInput(raw);
  if (input instanceof Api.InputPeerSelf) return { kind: 'user', user: me };
  if (input instanceof Api.InputPeerUser) return { kind: 'user', user: checkedUser(world, idOf(input.userId), input.accessHash, 'PEER_ID_INVALID') };
  if (input instanceof Api.InputPeerChannel) return { kind: 'chat', chat: checkedChannel(world, idOf(input.channelId), input.accessHash) };
  if (input instanceof Api.InputPeerChat) {
    const chat = world.findChat(idOf(input.chatId));
    if (!chat || chat.kind !== 'group') fail('PEER_ID_INVALID');
    return { kind: 'chat', chat };
  }
  fail('PEER_ID_INVALID');
}

export function resolveUser(world: SandboxWorld, me: SandboxUser, raw: unknown): SandboxUser {
  const input = asInput(raw);
  if (input instanceof Api.InputUserSelf || input instanceof Api.InputPeerSelf) return me;
  if (input instanceof Api.InputUser || input instanceof Api.InputPeerUser) return checkedUser(world, idOf(input.userId), input.accessHash, 'USER_ID_INVALID');
  fail('USER_ID_INVALID');
}

export function resolveChannel(world: SandboxWorld, raw: unknown): SandboxChat {
  const input = asInput(raw);
  if (input instanceof Api.InputChannel || input instanceof Api.InputPeerChannel) return checkedChannel(world, idOf(input.channelId), input.accessHash);
  fail('CHANNEL_INVALID');
}

export function conversationOf(world: SandboxWorld, me: SandboxUser, target: Target): Conversation {
  return target.kind === 'user' ? world.privateConversation(me.id, target.user.id) : { kind: 'chat', chatId: target.chat.id };
}

/** How `viewerId` names the other side of a conversation. */
export function peerFor(world: SandboxWorld, conversation: Conversation, viewerId: number): Api.TypePeer {
  if (conversation.kind === 'private') {
    const other = conversation.userIds.find((id) => id !== viewerId) ?? viewerId;
    return new Api.PeerUser({ userId: toLong(other) });
  }
  const chat = world.chat(conversation.chatId);
  return chat.kind === 'group' ? new Api.PeerChat({ chatId: toLong(chat.id) }) : new Api.PeerChannel({ channelId: toLong(chat.id) });
}
