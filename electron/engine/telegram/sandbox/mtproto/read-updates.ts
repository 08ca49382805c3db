import { Api } from 'telegram';
import type { Conversation, SandboxChat, SandboxMessage } from '../world/types';
import type { SandboxWorld } from '../world/world';
import { toLong } from './long';

/** What `readerId` has left unread in a conversation after reading up to `maxUid` (Telegram's still_unread_count). */
export function stillUnread(world: SandboxWorld, readerId: number, conversation: Conversation, maxUid: number): number {
  return world.history(readerId, conversation).filter((m) => m.senderId !== readerId && !m.action && m.uid > maxUid).length;
}

/**
 * A read in a channel or supergroup: the reader's other sessions learn it read the chat, and in
 * a supergroup the authors of what was read learn their messages were read. These events are
 * in no pts sequence; Telegram pushes them as they happen.
 */
export function channelReadUpdates(world: SandboxWorld, readerId: number, chat: SandboxChat, read: SandboxMessage, channelPts: number): Map<number, Api.TypeUpdate> {
  const updates = new Map<number, Api.TypeUpdate>();
  const conversation: Conversation = { kind: 'chat', chatId: chat.id };
  const channelId = toLong(chat.id);
  const maxId = read.channelMessageId ?? 0;
  if (!world.user(readerId).isBot) {
    updates.set(readerId, new Api.UpdateReadChannelInbox({ channelId, maxId, stillUnreadCount: stillUnread(world, readerId, conversation, read.uid), pts: channelPts }));
  }
  if (chat.kind !== 'supergroup') return updates;
  for (const message of world.history(readerId, conversation)) {
    const authorId = message.senderId;
    if (message.uid > read.uid || message.action || authorId === readerId || updates.has(authorId) || world.user(authorId).isBot) continue;
    updates.set(authorId, new Api.UpdateReadChannelOutbox({ channelId, maxId }));
  }
  return updates;
}
