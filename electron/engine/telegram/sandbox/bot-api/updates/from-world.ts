import { createHash } from 'node:crypto';
import type { SandboxWorld } from '../../world/world';
import { conversationKey } from '../../world/world';
import type { Conversation, MemberStatus, SandboxMessage, WorldEvent } from '../../world/types';
import { botApiChat, botApiGroupChat, botApiPrivateChat } from '../serialize/chat';
import { botApiChatMember } from '../serialize/chat-member';
import { botApiInviteLink } from '../serialize/invite-link';
import { botApiMessage } from '../serialize/message';
import { botApiUser } from '../serialize/user';

export interface BotUpdate {
  botId: number;
  type: string;
  payload: unknown;
}

/** Turns what happened in the world into the updates each bot receives. */
export function updatesFromEvent(world: SandboxWorld, event: WorldEvent): BotUpdate[] {
  switch (event.type) {
    case 'message.new':
      return messageUpdates(world, event.message, false);
    case 'message.edited':
      return messageUpdates(world, event.message, true);
    case 'callback.pressed':
      return callbackUpdates(world, event);
    case 'bot.blocked':
      return blockedUpdates(world, event);
    case 'member.changed':
      return memberUpdates(world, event);
    case 'join.requested':
      return joinRequestUpdates(world, event);
    case 'message.deleted':
    case 'history.read':
      // The Bot API has no updates for these.
      return [];
  }
}

/** Bots that see a conversation's messages, other than the one who wrote. */
function botsIn(world: SandboxWorld, conversation: Conversation, exceptId: number): number[] {
  return world.participants(conversation).filter((id) => id !== exceptId && world.user(id).isBot);
}

function messageUpdates(world: SandboxWorld, message: SandboxMessage, edited: boolean): BotUpdate[] {
  const isChannel = message.conversation.kind === 'chat' && world.chat(message.conversation.chatId).kind === 'channel';
  // Channels show no join/leave messages to bots; a private chat has no service messages here.
  if (message.action && (isChannel || message.conversation.kind === 'private')) return [];
  const type = `${edited ? 'edited_' : ''}${isChannel ? 'channel_post' : 'message'}`;
  return botsIn(world, message.conversation, message.senderId).flatMap((botId) => {
    const payload = botApiMessage(world, message, botId);
    return payload ? [{ botId, type, payload }] : [];
  });
}

function callbackUpdates(world: SandboxWorld, event: Extract<WorldEvent, { type: 'callback.pressed' }>): BotUpdate[] {
  const botId = event.message.senderId;
  if (!world.user(botId).isBot) return [];
  return [
    {
      botId,
      type: 'callback_query',
      payload: {
        id: event.queryId,
        from: botApiUser(world.user(event.userId)),
        message: botApiMessage(world, event.message, botId),
        chat_instance: chatInstance(event.message.conversation),
        data: event.data,
      },
    },
  ];
}

/** Telegram's chat_instance: a stable opaque number per chat. */
function chatInstance(conversation: Conversation): string {
  return createHash('sha256').update(conversationKey(conversation)).digest().readBigInt64BE(0).toString();
}

function blockedUpdates(world: SandboxWorld, event: Extract<WorldEvent, { type: 'bot.blocked' }>): BotUpdate[] {
  const user = world.user(event.userId);
  const bot = botApiUser(world.user(event.botId));
  const kicked = { user: bot, status: 'kicked', until_date: 0 };
  const member = { user: bot, status: 'member' };
  return [
    {
      botId: event.botId,
      type: 'my_chat_member',
      payload: {
        chat: botApiPrivateChat(user),
        from: botApiUser(user),
        date: world.now(),
        old_chat_member: event.blocked ? member : kicked,
        new_chat_member: event.blocked ? kicked : member,
      },
    },
  ];
}

function memberUpdates(world: SandboxWorld, event: Extract<WorldEvent, { type: 'member.changed' }>): BotUpdate[] {
  const chat = world.chat(event.chatId);
  const link = event.viaLink ? chat.inviteLinks.find((l) => l.link === event.viaLink) : undefined;
  const change = (status: MemberStatus) => botApiChatMember(world, chat, event.userId, status);
  const payload = {
    chat: botApiGroupChat(chat),
    from: botApiUser(world.user(event.byId)),
    date: world.now(),
    old_chat_member: change(event.before),
    new_chat_member: change(event.after),
    ...(link ? { invite_link: botApiInviteLink(world, link) } : {}),
  };
  const updates: BotUpdate[] = [];
  if (world.user(event.userId).isBot) updates.push({ botId: event.userId, type: 'my_chat_member', payload });
  // chat_member goes to bots that administer the chat (and only when they asked for it).
  for (const botId of botsIn(world, { kind: 'chat', chatId: chat.id }, event.userId)) {
    if (chat.admins.has(botId)) updates.push({ botId, type: 'chat_member', payload });
  }
  return updates;
}

function joinRequestUpdates(world: SandboxWorld, event: Extract<WorldEvent, { type: 'join.requested' }>): BotUpdate[] {
  const chat = world.chat(event.chatId);
  const link = chat.inviteLinks.find((l) => l.link === event.link);
  const user = world.user(event.userId);
  return botsIn(world, { kind: 'chat', chatId: chat.id }, event.userId)
    .filter((botId) => chat.admins.get(botId)?.inviteUsers)
    .map((botId) => ({
      botId,
      type: 'chat_join_request',
      payload: {
        chat: botApiChat(world, { kind: 'chat', chatId: chat.id }, botId),
        from: botApiUser(user),
        user_chat_id: user.id,
        date: world.now(),
        ...(link ? { invite_link: botApiInviteLink(world, link) } : {}),
      },
    }));
}
