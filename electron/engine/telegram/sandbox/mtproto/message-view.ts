import { Api } from 'telegram';
import type { InlineButton, SandboxChat, SandboxMessage } from '../world/types';
import type { SandboxWorld } from '../world/world';
import type { FileRegistry } from './files';
import { toLong } from './long';
import { peerFor } from './peers';

/** A world message as `viewerId` sees it: their own id for it, their side of the peer. */
export function apiMessage(world: SandboxWorld, files: FileRegistry, viewerId: number, message: SandboxMessage): Api.TypeMessage {
  const id = world.viewId(message, viewerId) ?? 0;
  const peerId = peerFor(world, message.conversation, viewerId);
  const chat = message.conversation.kind === 'chat' ? world.chat(message.conversation.chatId) : null;
  const broadcast = chat?.kind === 'channel';
  // Private chats carry the sender in peerId; broadcast posts are signed by the channel itself.
  const fromId = chat && !broadcast ? new Api.PeerUser({ userId: toLong(message.senderId) }) : undefined;
  const out = message.senderId === viewerId;
  if (message.action) {
    return new Api.MessageService({ id, peerId, fromId, out, date: message.date, action: serviceAction(message, chat) });
  }
  const replyTo = message.replyToUid === null ? undefined : replyHeader(world, viewerId, message.replyToUid);
  return new Api.Message({
    id,
    peerId,
    fromId,
    out,
    post: broadcast,
    date: message.date,
    message: message.media ? (message.caption ?? '') : message.text,
    media: message.media ? files.media(message.media) : undefined,
    editDate: message.editDate ?? undefined,
    replyTo,
    replyMarkup: message.inlineKeyboard ? inlineMarkup(message.inlineKeyboard) : undefined,
  });
}

function replyHeader(world: SandboxWorld, viewerId: number, uid: number): Api.MessageReplyHeader | undefined {
  const original = world.allMessages().find((m) => m.uid === uid);
  const replyToMsgId = original ? world.viewId(original, viewerId) : null;
  return replyToMsgId === null ? undefined : new Api.MessageReplyHeader({ replyToMsgId });
}

function inlineMarkup(rows: InlineButton[][]): Api.ReplyInlineMarkup {
  return new Api.ReplyInlineMarkup({
    rows: rows.map(
      (row) =>
        new Api.KeyboardButtonRow({
          buttons: row.map((button) =>
            button.url
              ? new Api.KeyboardButtonUrl({ text: button.text, url: button.url })
              : new Api.KeyboardButtonCallback({ text: button.text, data: Buffer.from(button.callbackData ?? '') }),
          ),
        }),
    ),
  });
}

function serviceAction(message: SandboxMessage, chat: SandboxChat | null): Api.TypeMessageAction {
  const users = (message.action?.userIds ?? []).map((id) => toLong(id));
  switch (message.action?.type) {
    case 'chat_create':
      if (!chat) return new Api.MessageActionEmpty();
      return chat.kind === 'group' ? new Api.MessageActionChatCreate({ title: chat.title, users }) : new Api.MessageActionChannelCreate({ title: chat.title });
    case 'join':
    case 'add':
      return new Api.MessageActionChatAddUser({ users });
    case 'join_by_link':
      return new Api.MessageActionChatJoinedByLink({ inviterId: toLong(message.action.inviterId ?? message.senderId) });
    case 'join_by_request':
      return new Api.MessageActionChatJoinedByRequest();
    case 'leave':
    case 'kick':
      return new Api.MessageActionChatDeleteUser({ userId: users[0] ?? toLong(message.senderId) });
    default:
      return new Api.MessageActionEmpty();
  }
}
