import { Api } from 'telegram';
import type { SandboxChat } from '../../world/types';
import type { AccountService } from '../account-service';
import type { LoggedUpdate } from '../pts-log';
import { userRoute } from '../route';
import { idOf } from '../long';
import { fail } from '../rpc-error';
import { dialog } from './messages-read';

function state(account: AccountService, pts: number): Api.updates.State {
  return new Api.updates.State({ pts, qts: 0, date: account.world.now(), seq: 0, unreadCount: 0 });
}

function split(account: AccountService, entries: LoggedUpdate[], extraChatIds: number[] = []) {
  const newMessages: Api.TypeMessage[] = [];
  const otherUpdates: Api.TypeUpdate[] = [];
  for (const { update } of entries) {
    if (update instanceof Api.UpdateNewMessage || update instanceof Api.UpdateNewChannelMessage) newMessages.push(update.message);
    else otherUpdates.push(update);
  }
  const { users, chats } = account.entities(
    entries.flatMap((e) => e.userIds),
    [...entries.flatMap((e) => e.chatIds), ...extraChatIds],
  );
  return { newMessages, otherUpdates, users, chats };
}

/**
 * Exactly the events after the client's pts; more than the limit come as a slice to continue
 * from. Events lost in a restart cannot be listed: the client is told so, with the pts to
 * continue from, and reloads what it needs (Telegram's DifferenceTooLong).
 */
function getDifference(account: AccountService, request: Api.updates.GetDifference): Api.updates.TypeDifference {
  const hub = account.server.hub;
  const log = hub.account(account.me.id);
  if (log.lostAfter(request.pts)) return new Api.updates.DifferenceTooLong({ pts: log.pts });
  const missed = log.after(request.pts);
  const limit = Math.min(account.server.options.differenceLimit, request.ptsTotalLimit || Infinity);
  const page = missed.slice(0, limit);
  const final = page.length === missed.length;
  // Channels that moved while the account was away are named on the last page, not listed.
  const channelNotes = hub.backlog.notes(account.me.id, final);
  if (missed.length === 0 && channelNotes.length === 0) return new Api.updates.DifferenceEmpty({ date: account.world.now(), seq: 0 });
  const body = split(account, page, channelNotes.map((note) => idOf(note.channelId)));
  const withNotes = { ...body, otherUpdates: final ? [...body.otherUpdates, ...channelNotes] : body.otherUpdates, newEncryptedMessages: [] };
  if (!final) return new Api.updates.DifferenceSlice({ ...withNotes, intermediateState: state(account, page.at(-1)!.pts) });
  return new Api.updates.Difference({ ...withNotes, state: state(account, log.pts) });
}

function getChannelDifference(account: AccountService, request: Api.updates.GetChannelDifference): Api.updates.TypeChannelDifference {
  const chat = account.channel(request.channel);
  if (!chat.members.has(account.me.id) && !chat.username) fail('CHANNEL_PRIVATE');
  const log = account.server.hub.channel(chat.id);
  const missed = log.after(request.pts);
  if (log.lostAfter(request.pts) || missed.length > account.server.options.channelDifferenceTooLongAfter) return channelTooLong(account, chat, request.limit);
  if (missed.length === 0) return new Api.updates.ChannelDifferenceEmpty({ final: true, pts: log.pts });
  const page = missed.slice(0, request.limit > 0 ? request.limit : 100);
  const { newMessages, otherUpdates, users, chats } = split(account, page);
  return new Api.updates.ChannelDifference({ final: page.length === missed.length, pts: page.at(-1)!.pts, newMessages, otherUpdates, users, chats });
}

/** A channel's lost events: Telegram sends its dialog and newest messages to start over from. */
function channelTooLong(account: AccountService, chat: SandboxChat, limit: number): Api.updates.TypeChannelDifference {
  const conversation = { kind: 'chat' as const, chatId: chat.id };
  const recent = account.world.history(account.me.id, conversation).slice(0, limit > 0 ? limit : 100);
  const log = account.server.hub.channel(chat.id);
  if (!recent[0]) return new Api.updates.ChannelDifferenceEmpty({ final: true, pts: log.pts });
  return new Api.updates.ChannelDifferenceTooLong({
    final: true,
    dialog: dialog(account, conversation, recent[0]),
    messages: recent.map((message) => account.view(message)),
    ...account.entitiesOf(recent),
  });
}

export const updatesRoutes = [
  userRoute(Api.updates.GetState, (account) => state(account, account.server.hub.account(account.me.id).pts)),
  userRoute(Api.updates.GetDifference, getDifference),
  userRoute(Api.updates.GetChannelDifference, getChannelDifference),
];
