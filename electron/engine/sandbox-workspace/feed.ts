import type { SandboxFeedItem } from '../../../shared/domain/sandbox';
import type { SandboxWorld } from '../telegram/sandbox/world/world';
import type { Conversation, SandboxMessage, WorldEvent } from '../telegram/sandbox/world/types';

const KEEP = 300;

/** The console's activity feed: world events in words a person reads, newest first. */
export function createActivityFeed(world: SandboxWorld, onItems: (items: SandboxFeedItem[]) => void) {
  const items: SandboxFeedItem[] = [];
  let nextId = 1;

  const name = (userId: number) => {
    const user = world.findUser(userId);
    return user ? [user.firstName, user.lastName].filter(Boolean).join(' ') : String(userId);
  };
  const conversationName = (conversation: Conversation, senderId: number) =>
    conversation.kind === 'chat'
      ? (world.findChat(conversation.chatId)?.title ?? String(conversation.chatId))
      : name(conversation.userIds.find((id) => id !== senderId) ?? senderId);

  const add = (item: Omit<SandboxFeedItem, 'id' | 'at'>) => {
    const full = { ...item, id: nextId++, at: world.clock.now() };
    items.unshift(full);
    if (items.length > KEEP) items.pop();
    onItems([full]);
  };

  const describeMessage = (m: SandboxMessage, kind: 'message' | 'edit' | 'delete') => {
    if (m.action) return;
    add({
      kind: kind === 'message' && m.media ? 'screenshot' : kind,
      fromName: name(m.senderId),
      toName: conversationName(m.conversation, m.senderId),
      text: m.media ? (m.caption ?? `[${m.media.kind}]`) : m.text,
    });
  };

  const unsubscribe = world.subscribe((event: WorldEvent) => {
    switch (event.type) {
      case 'message.new':
        return describeMessage(event.message, 'message');
      case 'message.edited':
        return describeMessage(event.message, 'edit');
      case 'message.deleted':
        return event.messages.forEach((m) => describeMessage(m, 'delete'));
      case 'member.changed': {
        const joined = event.after === 'member' || event.after === 'administrator';
        if (event.before === event.after || (!joined && event.after !== 'left' && event.after !== 'kicked')) return;
        const wasIn = event.before === 'member' || event.before === 'administrator' || event.before === 'creator';
        if (joined === wasIn) return;
        return add({ kind: joined ? 'join' : 'leave', fromName: name(event.userId), toName: world.findChat(event.chatId)?.title ?? '', text: '' });
      }
      case 'bot.blocked':
        return add({ kind: event.blocked ? 'block' : 'unblock', fromName: name(event.userId), toName: name(event.botId), text: '' });
      default:
        return;
    }
  });

  return { items: () => [...items], stop: unsubscribe };
}
