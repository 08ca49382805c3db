import type { SandboxWorld } from '../../world/world';
import type { InlineButton, SandboxMessage } from '../../world/types';
import { botApiChat } from './chat';
import { botCommandEntities } from './entities';
import { botApiMedia } from './media';
import { botApiUser } from './user';

export function botApiInlineKeyboard(rows: InlineButton[][]) {
  return {
    inline_keyboard: rows.map((row) =>
      row.map((b) => ({ text: b.text, ...(b.callbackData !== undefined ? { callback_data: b.callbackData } : {}), ...(b.url ? { url: b.url } : {}) })),
    ),
  };
}

function serviceFields(world: SandboxWorld, message: SandboxMessage): Record<string, unknown> {
  const action = message.action;
  if (!action) return {};
  const users = action.userIds.map((id) => botApiUser(world.user(id)));
  switch (action.type) {
    case 'join':
    case 'join_by_link':
    case 'join_by_request':
    case 'add':
      return { new_chat_members: users, new_chat_member: users[0], new_chat_participant: users[0] };
    case 'leave':
    case 'kick':
      return { left_chat_member: users[0], left_chat_participant: users[0] };
    case 'chat_create': {
      const kind = message.conversation.kind === 'chat' ? world.chat(message.conversation.chatId).kind : 'group';
      return { [`${kind === 'group' ? 'group' : kind}_chat_created`]: true };
    }
  }
}

/** A message as `botId` sees it, or null when it is not in the bot's view. */
export function botApiMessage(world: SandboxWorld, message: SandboxMessage, botId: number, withReply = true): Record<string, unknown> | null {
  const messageId = world.viewId(message, botId);
  if (messageId === null) return null;
  const chat = botApiChat(world, message.conversation, botId);
  const isChannel = chat.type === 'channel';
  const reply = withReply && message.replyToUid !== null ? replyTo(world, message.replyToUid, botId) : null;
  return {
    message_id: messageId,
    ...(isChannel ? { sender_chat: chat } : { from: botApiUser(world.user(message.senderId)) }),
    chat,
    date: message.date,
    ...(message.editDate !== null ? { edit_date: message.editDate } : {}),
    ...(message.media ? botApiMedia(message.media) : {}),
    ...(message.media && message.caption ? { caption: message.caption, ...entitiesOf('caption_entities', message.caption) } : {}),
    ...(!message.media && message.text ? { text: message.text, ...entitiesOf('entities', message.text) } : {}),
    ...(reply ? { reply_to_message: reply } : {}),
    ...(message.inlineKeyboard ? { reply_markup: botApiInlineKeyboard(message.inlineKeyboard) } : {}),
    ...serviceFields(world, message),
  };
}

/** Telegram leaves the field out when a text has no entities. */
function entitiesOf(field: 'entities' | 'caption_entities', text: string) {
  const found = botCommandEntities(text);
  return found.length > 0 ? { [field]: found } : {};
}

function replyTo(world: SandboxWorld, uid: number, botId: number) {
  const original = world.allMessages().find((m) => m.uid === uid && !m.deleted);
  return original ? botApiMessage(world, original, botId, false) : null;
}
