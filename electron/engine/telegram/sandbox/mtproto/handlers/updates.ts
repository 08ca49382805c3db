import { Api } from 'telegram';
import type { AccountService } from '../account-service';
import type { LoggedUpdate } from '../pts-log';
import { userRoute } from '../route';
import { fail } from '../rpc-error';

function state(account: AccountService, pts: number): Api.updates.State {
  return new Api.updates.State({ pts, qts: 0, date: account.world.now(), seq: 0, unreadCount: 0 });
}

function split(account: AccountService, entries: LoggedUpdate[]) {
  const newMessages: Api.TypeMessage[] = [];
  const otherUpdates: Api.TypeUpdate[] = [];
  for (const { update } of entries) {
    if (update instanceof Api.UpdateNewMessage || update instanceof Api.UpdateNewChannelMessage) newMessages.push(update.message);
    else otherUpdates.push(update);
  }
  const { users, chats } = account.entities(
    entries.flatMap((e) => e.userIds),
    entries.flatMap((e) => e.chatIds),
  );
  return { newMessages, otherUpdates, users, chats };
}

/** Exactly the events after the client's pts; more than the limit come as a slice to continue from. */
function getDifference(account: AccountService, request: Api.updates.GetDifference): Api.updates.TypeDifference {
  const log = account.server.hub.account(account.me.id);
  const missed = log.after(request.pts);
  if (missed.length === 0) return new Api.updates.DifferenceEmpty({ date: account.world.now(), seq: 0 });
  const limit = Math.min(account.server.options.differenceLimit, request.ptsTotalLimit || Infinity);
  const page = missed.slice(0, limit);
  const body = { ...split(account, page), newEncryptedMessages: [] };
  if (page.length < missed.length) return new Api.updates.DifferenceSlice({ ...body, intermediateState: state(account, page.at(-1)!.pts) });
  return new Api.updates.Difference({ ...body, state: state(account, log.pts) });
}

function getChannelDifference(account: AccountService, request: Api.updates.GetChannelDifference): Api.updates.TypeChannelDifference {
  const chat = account.channel(request.channel);
  if (!chat.members.has(account.me.id) && !chat.username) fail('CHANNEL_PRIVATE');
  const log = account.server.hub.channel(chat.id);
  const missed = log.after(request.pts);
  if (missed.length === 0) return new Api.updates.ChannelDifferenceEmpty({ final: true, pts: log.pts });
  const page = missed.slice(0, request.limit > 0 ? request.limit : 100);
  const { newMessages, otherUpdates, users, chats } = split(account, page);
  return new Api.updates.ChannelDifference({ final: page.length === missed.length, pts: page.at(-1)!.pts, newMessages, otherUpdates, users, chats });
}

export const updatesRoutes = [
  userRoute(Api.updates.GetState, (account) => state(account, account.server.hub.account(account.me.id).pts)),
  userRoute(Api.updates.GetDifference, getDifference),
  userRoute(Api.updates.GetChannelDifference, getChannelDifference),
];
