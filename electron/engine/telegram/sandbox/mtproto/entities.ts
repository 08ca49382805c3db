import { Api } from 'telegram';
import type { SandboxChat, SandboxUser } from '../world/types';
import type { SandboxWorld } from '../world/world';
import { toLong } from './long';

/** A user as `viewerId` is allowed to see them: the phone only where privacy lets it through. */
export function apiUser(world: SandboxWorld, viewerId: number, user: SandboxUser): Api.User {
  const viewer = world.user(viewerId);
  return new Api.User({
    id: toLong(user.id),
    accessHash: toLong(user.accessHash),
    self: user.id === viewerId,
    bot: user.isBot,
    contact: viewer.contacts.has(user.id),
    mutualContact: viewer.contacts.has(user.id) && user.contacts.has(viewerId),
    firstName: user.firstName,
    lastName: user.lastName || undefined,
    username: user.username ?? undefined,
    phone: user.phone && world.phoneVisibleTo(user.id, viewerId) ? user.phone : undefined,
  });
}

export function apiChat(world: SandboxWorld, viewerId: number, chat: SandboxChat): Api.Chat | Api.Channel {
  const member = chat.members.has(viewerId);
  if (chat.kind === 'group') {
    return new Api.Chat({
      id: toLong(chat.id),
      title: chat.title,
      photo: new Api.ChatPhotoEmpty(),
      participantsCount: chat.members.size,
      date: chat.createdAt,
      version: 1,
      creator: chat.creatorId === viewerId,
      left: !member,
    });
  }
  const rights = world.adminRights(chat.id, viewerId);
  return new Api.Channel({
    id: toLong(chat.id),
    accessHash: toLong(chat.accessHash),
    title: chat.title,
    username: chat.username ?? undefined,
    photo: new Api.ChatPhotoEmpty(),
    date: chat.createdAt,
    broadcast: chat.kind === 'channel',
    megagroup: chat.kind === 'supergroup',
    creator: chat.creatorId === viewerId,
    left: !member,
    adminRights: rights ? new Api.ChatAdminRights({ ...rights }) : undefined,
    participantsCount: chat.members.size,
  });
}

/** The users and chats vectors that accompany a result, each entity once. */
export function entities(world: SandboxWorld, viewerId: number, userIds: Iterable<number>, chatIds: Iterable<number> = []) {
  return {
    users: [...new Set(userIds)].map((id) => apiUser(world, viewerId, world.user(id))),
    chats: [...new Set(chatIds)].map((id) => apiChat(world, viewerId, world.chat(id))),
  };
}
