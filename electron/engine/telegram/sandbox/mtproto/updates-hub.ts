import { Api } from 'telegram';
import type { Conversation, SandboxMessage, WorldEvent } from '../world/types';
import { conversationKey, type SandboxWorld } from '../world/world';
import { ChannelBacklog } from './channel-backlog';
import { entities } from './entities';
import type { FileRegistry } from './files';
import { toLong } from './long';
import { apiMessage } from './message-view';
import { peerFor } from './peers';
import { PtsLog, type KeptLog, type LoggedUpdate } from './pts-log';
import { channelReadUpdates, stillUnread } from './read-updates';
import type { Session } from './session';
import type { HubSnapshot } from './snapshot';

export interface KeptLogs {
  accounts: Map<number, KeptLog>;
  channels: Map<number, KeptLog>;
}

/** Pushes updates to a user's connections (but `except`); says whether the user has any connection at all. */
export type Deliver = (userId: number, updates: Api.TypeUpdates, except: Session | null) => boolean;

/**
 * Turns world events into MTProto updates: each event is logged under the pts of every
 * account it concerns (or of the channel), then pushed live to their connected sessions,
 * except the one whose request caused it (that one reads it from its own result).
 */
export class UpdatesHub {
  /** The session whose request is changing the world right now. */
  origin: Session | null = null;
  private readonly accounts = new Map<number, PtsLog>();
  private readonly channels = new Map<number, PtsLog>();
  private readonly newMessageEntries = new Map<string, LoggedUpdate>();
  private readonly readMax = new Map<string, number>();
  /** Channels whose events found an account offline, for its next getDifference to name. */
  readonly backlog = new ChannelBacklog();

  constructor(
    private readonly world: SandboxWorld,
    private readonly files: FileRegistry,
    private readonly deliver: Deliver,
    restored: HubSnapshot | null = null,
    /** Logs a durable store kept with their events; they win over the bare pts in `restored`. */
    keptLogs: KeptLogs | null = null,
  ) {
    for (const [userId, pts] of restored?.accountPts ?? []) this.accounts.set(userId, new PtsLog(keptLogs?.accounts.get(userId) ?? pts));
    for (const [chatId, pts] of restored?.channelPts ?? []) this.channels.set(chatId, new PtsLog(keptLogs?.channels.get(chatId) ?? pts));
    for (const [key, uid] of restored?.readUpTo ?? []) this.readMax.set(key, uid);
  }

  /** Where every sequence stands; the events themselves are not kept across a restart. */
  snapshot(): HubSnapshot {
    const ptsOf = (logs: Map<number, PtsLog>) => [...logs].map(([id, log]): [number, number] => [id, log.pts]);
    return { accountPts: ptsOf(this.accounts), channelPts: ptsOf(this.channels), readUpTo: [...this.readMax] };
  }

  /** Every log, for a durable store to write their new events. */
  logs(): { accounts: ReadonlyMap<number, PtsLog>; channels: ReadonlyMap<number, PtsLog> } {
    return { accounts: this.accounts, channels: this.channels };
  }

  account(userId: number): PtsLog {
    return getOrCreate(this.accounts, userId);
  }

  channel(chatId: number): PtsLog {
    return getOrCreate(this.channels, chatId);
  }

  /** The log entry that announced `message` to `viewerId` (where a send's pts comes from). */
  newMessageEntry(viewerId: number, message: SandboxMessage): LoggedUpdate | undefined {
    return this.newMessageEntries.get(message.channelMessageId === null ? `${viewerId}:${message.uid}` : `c:${message.uid}`);
  }

  /** The newest message uid `userId` has read in a conversation. */
  readUpTo(userId: number, conversation: Conversation): number {
    return this.readMax.get(`${userId}|${conversationKey(conversation)}`) ?? 0;
  }

  handle(event: WorldEvent): void {
    switch (event.type) {
      case 'message.new':
        return this.onMessage(event.message, 'new');
      case 'message.edited':
        return this.onMessage(event.message, 'edit');
      case 'message.deleted':
        return this.onDeleted(event.messages);
      case 'history.read':
        return this.onRead(event.readerId, event.conversation, event.maxUid);
      default:
    }
  }

  private channelId(message: SandboxMessage): number | null {
    return message.channelMessageId === null || message.conversation.kind !== 'chat' ? null : message.conversation.chatId;
  }

  private onMessage(message: SandboxMessage, kind: 'new' | 'edit'): void {
    const refs = { userIds: [message.senderId, ...(message.conversation.kind === 'private' ? message.conversation.userIds : [])], chatIds: message.conversation.kind === 'chat' ? [message.conversation.chatId] : [] };
    const channelId = this.channelId(message);
    if (channelId !== null) {
      const entry = this.channel(channelId).append(1, (pts) => {
        // Every member sees the same channel message, so one view (the sender's) serves all.
        const view = apiMessage(this.world, this.files, message.senderId, message);
        return kind === 'new' ? new Api.UpdateNewChannelMessage({ message: view, pts, ptsCount: 1 }) : new Api.UpdateEditChannelMessage({ message: view, pts, ptsCount: 1 });
      }, refs);
      if (kind === 'new') this.newMessageEntries.set(`c:${message.uid}`, entry);
      for (const memberId of this.world.chat(channelId).members) {
        const update = kind === 'new'
          ? new Api.UpdateNewChannelMessage({ message: apiMessage(this.world, this.files, memberId, message), pts: entry.pts, ptsCount: 1 })
          : new Api.UpdateEditChannelMessage({ message: apiMessage(this.world, this.files, memberId, message), pts: entry.pts, ptsCount: 1 });
        this.pushChannel(memberId, channelId, { ...entry, update });
      }
      return;
    }
    for (const viewerId of message.boxIds.keys()) {
      if (this.world.user(viewerId).isBot) continue;
      const view = apiMessage(this.world, this.files, viewerId, message);
      const entry = this.account(viewerId).append(
        1,
        (pts) => (kind === 'new' ? new Api.UpdateNewMessage({ message: view, pts, ptsCount: 1 }) : new Api.UpdateEditMessage({ message: view, pts, ptsCount: 1 })),
        refs,
      );
      if (kind === 'new') this.newMessageEntries.set(`${viewerId}:${message.uid}`, entry);
      this.push(viewerId, entry, kind === 'new' ? shortForm(message, view, entry) : null);
    }
  }

  private onDeleted(messages: SandboxMessage[]): void {
    const perAccount = new Map<number, number[]>();
    const perChannel = new Map<number, number[]>();
    for (const message of messages) {
      const channelId = this.channelId(message);
      if (channelId !== null) getOrCreateList(perChannel, channelId).push(message.channelMessageId!);
      else for (const [viewerId, id] of message.boxIds) getOrCreateList(perAccount, viewerId).push(id);
    }
    for (const [channelId, ids] of perChannel) {
      const entry = this.channel(channelId).append(ids.length, (pts) => new Api.UpdateDeleteChannelMessages({ channelId: toLong(channelId), messages: ids, pts, ptsCount: ids.length }), { chatIds: [channelId] });
      for (const memberId of this.world.chat(channelId).members) this.pushChannel(memberId, channelId, entry);
    }
    for (const [viewerId, ids] of perAccount) {
      if (this.world.user(viewerId).isBot) continue;
      this.push(viewerId, this.account(viewerId).append(ids.length, (pts) => new Api.UpdateDeleteMessages({ messages: ids, pts, ptsCount: ids.length })));
    }
  }

  private onRead(readerId: number, conversation: Conversation, maxUid: number): void {
    const key = `${readerId}|${conversationKey(conversation)}`;
    if ((this.readMax.get(key) ?? 0) >= maxUid) return;
    this.readMax.set(key, maxUid);
    const read = this.world.allMessages().find((m) => m.uid === maxUid);
    if (!read) return;
    if (conversation.kind === 'chat' && this.world.chat(conversation.chatId).kind !== 'group') {
      const chat = this.world.chat(conversation.chatId);
      for (const [userId, update] of channelReadUpdates(this.world, readerId, chat, read, this.channel(chat.id).pts)) {
        this.push(userId, { pts: 0, ptsCount: 0, update, userIds: [], chatIds: [chat.id] });
      }
      return;
    }
    const readerView = this.world.viewId(read, readerId);
    if (readerView !== null && !this.world.user(readerId).isBot) {
      const peer = peerFor(this.world, conversation, readerId);
      this.push(readerId, this.account(readerId).append(1, (pts) => new Api.UpdateReadHistoryInbox({ peer, maxId: readerView, stillUnreadCount: stillUnread(this.world, readerId, conversation, maxUid), pts, ptsCount: 1 })));
    }
    if (conversation.kind !== 'private') return;
    const otherId = conversation.userIds.find((id) => id !== readerId);
    const otherView = otherId === undefined ? null : this.world.viewId(read, otherId);
    if (otherId === undefined || otherView === null || this.world.user(otherId).isBot) return;
    const peer = new Api.PeerUser({ userId: toLong(readerId) });
    this.push(otherId, this.account(otherId).append(1, (pts) => new Api.UpdateReadHistoryOutbox({ peer, maxId: otherView, pts, ptsCount: 1 })), null);
  }

  private push(userId: number, entry: LoggedUpdate, short: Api.TypeUpdates | null = null): boolean {
    const { users, chats } = entities(this.world, userId, entry.userIds, entry.chatIds);
    const updates = short ?? new Api.Updates({ updates: [entry.update], users, chats, date: this.world.now(), seq: 0 });
    return this.deliver(userId, updates, this.origin);
  }

  private pushChannel(userId: number, channelId: number, entry: LoggedUpdate): void {
    if (this.world.user(userId).isBot) return;
    if (!this.push(userId, entry)) this.backlog.note(userId, channelId, entry.pts - entry.ptsCount);
  }
}

/** Telegram's compact form for a plain text message in a private chat. */
function shortForm(message: SandboxMessage, view: Api.TypeMessage, entry: LoggedUpdate): Api.UpdateShortMessage | null {
  if (message.conversation.kind !== 'private' || !(view instanceof Api.Message) || view.media || view.replyMarkup || !(view.peerId instanceof Api.PeerUser)) return null;
  return new Api.UpdateShortMessage({
    out: view.out,
    id: view.id,
    userId: view.peerId.userId,
    message: view.message,
    pts: entry.pts,
    ptsCount: entry.ptsCount,
    date: view.date,
    replyTo: view.replyTo,
  });
}

function getOrCreate(map: Map<number, PtsLog>, key: number): PtsLog {
  let log = map.get(key);
  if (!log) map.set(key, (log = new PtsLog()));
  return log;
}

function getOrCreateList(map: Map<number, number[]>, key: number): number[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
