import { Api } from 'telegram';
import type { SandboxMessage } from '../../world/types';
import type { AccountService } from '../account-service';
import type { PtsLog } from '../pts-log';
import { userRoute } from '../route';
import { fail } from '../rpc-error';

function logOf(account: AccountService, message: SandboxMessage): PtsLog {
  const hub = account.server.hub;
  return message.channelMessageId !== null && message.conversation.kind === 'chat' ? hub.channel(message.conversation.chatId) : hub.account(account.me.id);
}

function editMessage(account: AccountService, request: Api.messages.EditMessage): Api.TypeUpdates {
  const { conversation } = account.peer(request.peer);
  const message = account.world.messageByViewId(account.me.id, conversation, request.id);
  if (!message || message.deleted) fail('MESSAGE_ID_INVALID');
  if (request.message === undefined) fail('MESSAGE_NOT_MODIFIED');
  const log = logOf(account, message);
  const before = log.pts;
  const changes = message.media ? { caption: request.message } : { text: request.message };
  account.act(() => account.world.editMessage(message.uid, account.me.id, changes));
  return new Api.Updates({
    updates: log.after(before).map((entry) => entry.update),
    ...account.entitiesOf([message]),
    date: account.world.now(),
    seq: 0,
  });
}

/** Deletion is always for everyone here: the world keeps no per-person copies to hide. */
function deleteMessages(account: AccountService, found: SandboxMessage[], log: PtsLog): Api.messages.AffectedMessages {
  const before = log.pts;
  account.act(() => account.world.deleteMessages(found.map((m) => m.uid), account.me.id));
  return new Api.messages.AffectedMessages({ pts: log.pts, ptsCount: log.pts - before });
}

export const editRoutes = [
  userRoute(Api.messages.EditMessage, editMessage),
  userRoute(Api.messages.DeleteMessages, (account, request) => {
    const me = account.me.id;
    const ids = new Set(request.id);
    const found = account.world.allMessages().filter((m) => !m.deleted && m.channelMessageId === null && ids.has(m.boxIds.get(me) ?? -1));
    return deleteMessages(account, found, account.server.hub.account(me));
  }),
  userRoute(Api.channels.DeleteMessages, (account, request) => {
    const chat = account.channel(request.channel);
    const ids = new Set(request.id);
    const found = account.world.allMessages().filter((m) => !m.deleted && m.conversation.kind === 'chat' && m.conversation.chatId === chat.id && ids.has(m.channelMessageId ?? -1));
    return deleteMessages(account, found, account.server.hub.channel(chat.id));
  }),
];
