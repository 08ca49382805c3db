import { Api } from 'telegram';
import type { Conversation, SandboxMessage } from '../../world/types';
import type { AccountService } from '../account-service';
import { peerFor } from '../peers';
import { userRoute } from '../route';
import { fail } from '../rpc-error';

const MAX_PAGE = 100;

function pageSize(limit: number): number {
  return limit > 0 ? Math.min(limit, MAX_PAGE) : MAX_PAGE;
}

function readableConversation(account: AccountService, peer: unknown): Conversation {
  const { target, conversation } = account.peer(peer);
  if (target.kind === 'chat' && target.chat.kind !== 'group' && !target.chat.members.has(account.me.id) && !target.chat.username) fail('CHANNEL_PRIVATE');
  if (target.kind === 'chat' && target.chat.kicked.has(account.me.id)) fail('CHANNEL_PRIVATE');
  return conversation;
}

function getHistory(account: AccountService, request: Api.messages.GetHistory): Api.messages.TypeMessages {
  const world = account.world;
  const conversation = readableConversation(account, request.peer);
  const { offsetId, offsetDate, addOffset, limit, maxId, minId } = ints(request, 'offsetId', 'offsetDate', 'addOffset', 'limit', 'maxId', 'minId');
  const all = world.history(account.me.id, conversation).map((message) => ({ message, id: world.viewId(message, account.me.id)! }));
  let start = 0;
  if (offsetId > 0) start = indexOrEnd(all.findIndex((m) => m.id < offsetId), all.length);
  else if (offsetDate > 0) start = indexOrEnd(all.findIndex((m) => m.message.date < offsetDate), all.length);
  start = Math.max(0, start + addOffset);
  const page = all
    .slice(start, start + pageSize(limit))
    .filter((m) => (maxId <= 0 || m.id < maxId) && (minId <= 0 || m.id > minId))
    .map((m) => m.message);
  const body = { messages: page.map((m) => account.view(m)), ...account.entitiesOf(page) };
  if (conversation.kind === 'chat' && world.chat(conversation.chatId).kind !== 'group') {
    return new Api.messages.ChannelMessages({ pts: account.server.hub.channel(conversation.chatId).pts, count: all.length, topics: [], ...body });
  }
  return page.length < all.length ? new Api.messages.MessagesSlice({ count: all.length, ...body }) : new Api.messages.Messages(body);
}

/** GramJS leaves unset int fields undefined; Telegram reads them as 0. */
function int(value: number | undefined): number {
  return value ?? 0;
}

function ints<K extends string>(request: { [P in K]?: number }, ...keys: K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, int(request[key])])) as Record<K, number>;
}

function indexOrEnd(index: number, length: number): number {
  return index < 0 ? length : index;
}

export function dialog(account: AccountService, conversation: Conversation, last: SandboxMessage): Api.Dialog {
  const world = account.world;
  const hub = account.server.hub;
  const me = account.me.id;
  const viewOf = (uid: number) => {
    const message = uid > 0 ? world.allMessages().find((m) => m.uid === uid) : undefined;
    return message ? (world.viewId(message, me) ?? 0) : 0;
  };
  const readUid = hub.readUpTo(me, conversation);
  const otherId = conversation.kind === 'private' ? conversation.userIds.find((id) => id !== me) : undefined;
  const chat = conversation.kind === 'chat' ? world.chat(conversation.chatId) : null;
  return new Api.Dialog({
    peer: peerFor(world, conversation, me),
    topMessage: world.viewId(last, me) ?? 0,
    readInboxMaxId: viewOf(readUid),
    readOutboxMaxId: otherId === undefined ? 0 : viewOf(hub.readUpTo(otherId, conversation)),
    unreadCount: world.history(me, conversation).filter((m) => m.senderId !== me && !m.action && m.uid > readUid).length,
    unreadMentionsCount: 0,
    unreadReactionsCount: 0,
    notifySettings: new Api.PeerNotifySettings({}),
    pts: chat && chat.kind !== 'group' ? hub.channel(chat.id).pts : undefined,
  });
}

function getDialogs(account: AccountService, request: Api.messages.GetDialogs): Api.messages.TypeDialogs {
  const world = account.world;
  const { offsetDate, offsetId, limit } = ints(request, 'offsetDate', 'offsetId', 'limit');
  const all = world.conversationsOf(account.me.id);
  const older = offsetDate > 0
    ? all.filter(({ last }) => last.date < offsetDate || (last.date === offsetDate && (world.viewId(last, account.me.id) ?? 0) < offsetId))
    : all;
  const page = older.slice(0, pageSize(limit));
  const lasts = page.map((d) => d.last);
  const body = {
    dialogs: page.map(({ conversation, last }) => dialog(account, conversation, last)),
    messages: lasts.map((m) => account.view(m)),
    ...account.entitiesOf(lasts),
  };
  return page.length < all.length ? new Api.messages.DialogsSlice({ count: all.length, ...body }) : new Api.messages.Dialogs(body);
}

function readHistory(account: AccountService, conversation: Conversation, maxId: number): void {
  const me = account.me.id;
  const newest = account.world.history(me, conversation).find((m) => maxId <= 0 || (account.world.viewId(m, me) ?? 0) <= maxId);
  if (newest) account.act(() => account.world.readHistory(me, conversation, newest.uid));
}

export const readRoutes = [
  userRoute(Api.messages.GetHistory, getHistory),
  userRoute(Api.messages.GetDialogs, getDialogs),
  userRoute(Api.messages.ReadHistory, (account, request) => {
    const conversation = readableConversation(account, request.peer);
    const log = account.server.hub.account(account.me.id);
    const before = log.pts;
    readHistory(account, conversation, int(request.maxId));
    return new Api.messages.AffectedMessages({ pts: log.pts, ptsCount: log.pts - before });
  }),
  userRoute(Api.channels.ReadHistory, (account, request) => {
    const chat = account.channel(request.channel);
    readHistory(account, { kind: 'chat', chatId: chat.id }, int(request.maxId));
    return true;
  }),
];
