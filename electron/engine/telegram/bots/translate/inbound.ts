import type { ChatMember, ChatMemberUpdated, Message, Update, User } from 'grammy/types';
import { noInboundChanges, type BotCommand, type InboundChanges, type InboundPerson, type MemberStatus } from '../../inbound/types';
import { chatKeyOf, chatTitle, type BotEntity } from './peers';
import { translateUpdate } from './update';

/** The bot the updates came to: its desk id, its Telegram id, and its username (to tell its commands from other bots'). */
export interface BotSelf {
  botId: number;
  telegramBotId: number;
  username: string;
}

export interface TranslatedBotUpdate {
  changes: InboundChanges;
  entities: BotEntity[];
}

/**
 * A Bot API update as consumers see it: messages (with their sender in full and the command they
 * start with), edits, membership changes (chat_member, my_chat_member) and button presses.
 */
export function translateBotUpdate(update: Update, bot: BotSelf): TranslatedBotUpdate {
  const { messages, edits, entities } = translateUpdate(update, bot);
  const changes = noInboundChanges();
  const fresh = update.message ?? update.channel_post;
  const edited = update.edited_message ?? update.edited_channel_post;
  // An edited command is not run again: only new messages carry one.
  if (fresh) changes.messages = messages.map((m) => ({ ...m, sender: personOf(fresh.from), command: commandOf(fresh, bot.username) }));
  if (edited) changes.edits = edits.map((m) => ({ ...m, sender: personOf(edited.from), command: null }));
  const query = update.callback_query;
  if (query) {
    changes.callbacks.push({
      id: query.id,
      from: personOf(query.from)!,
      chatKey: query.message ? chatKeyOf(query.message.chat) : null,
      telegramMessageId: query.message?.message_id ?? null,
      data: query.data ?? null,
    });
  }
  if (update.chat_member) {
    const change = update.chat_member;
    changes.members.push({ ...membership(change), userId: change.new_chat_member.user.id, byUserId: change.from.id, inviteLink: change.invite_link?.invite_link ?? null });
  }
  if (update.my_chat_member) changes.botMemberships.push({ ...membership(update.my_chat_member), byUserId: update.my_chat_member.from.id });
  return { changes, entities };
}

function personOf(user: User | undefined): InboundPerson | null {
  if (!user) return null;
  return { userId: user.id, firstName: user.first_name, lastName: user.last_name ?? null, username: user.username ?? null, languageCode: user.language_code ?? null };
}

/**
 * The bot command a message starts with (Telegram marks it with a `bot_command` entity at offset
 * 0): `/done@this_bot 12` → done, "12". A command addressed to another bot's username is not ours.
 */
export function commandOf(message: Pick<Message, 'text' | 'entities' | 'caption' | 'caption_entities'>, botUsername: string): BotCommand | null {
  const text = message.text ?? message.caption;
  const first = (message.text !== undefined ? message.entities : message.caption_entities)?.[0];
  if (text === undefined || !first || first.type !== 'bot_command' || first.offset !== 0) return null;
  const [name = '', addressee] = text.slice(1, first.length).split('@');
  if (addressee !== undefined && addressee.toLowerCase() !== botUsername.toLowerCase()) return null;
  return { name, args: text.slice(first.length).trim() };
}

function membership(change: ChatMemberUpdated) {
  return {
    chatKey: chatKeyOf(change.chat),
    chatTitle: chatTitle(change.chat),
    from: statusOf(change.old_chat_member),
    to: statusOf(change.new_chat_member),
    date: change.date * 1000,
  };
}

const STATUSES: Record<ChatMember['status'], MemberStatus> = {
  creator: 'creator',
  administrator: 'admin',
  member: 'member',
  restricted: 'restricted',
  left: 'left',
  kicked: 'kicked',
};

function statusOf(member: ChatMember): MemberStatus {
  // A restricted person may have left the chat and still be listed with their restrictions.
  if (member.status === 'restricted' && !member.is_member) return 'left';
  return STATUSES[member.status];
}
