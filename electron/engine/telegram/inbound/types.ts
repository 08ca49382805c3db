/**
 * Plain values the translation layer makes of Telegram updates (MTProto and Bot API alike).
 * Nothing here is a feature's type: features read these, the translation layer imports no feature.
 */
import type { IncomingMessage } from '../../../../shared/domain/connections';
import type { MediaView } from '../../../../shared/domain/inbox';

export type ConversationKind = 'private' | 'group' | 'channel';

/** The kind a chat key implies when Telegram did not say (a `channel:` peer may be a supergroup). */
export function kindOfKey(chatKey: string): ConversationKind {
  if (chatKey.startsWith('user:')) return 'private';
  if (chatKey.startsWith('chat:')) return 'group';
  return 'channel';
}

/**
 * How to fetch a file again from Telegram. It holds access hashes and file references, so it
 * stays in the engine (stored as JSON in message_media.remote_ref, never sent to a window).
 */
export type RemoteFileRef =
  | { via: 'bot'; fileId: string }
  | { via: 'mtproto'; type: 'photo'; id: string; accessHash: string; fileReference: string; thumbSize: string; dcId: number }
  | { via: 'mtproto'; type: 'document'; id: string; accessHash: string; fileReference: string; dcId: number };

/** What the window will see of the file, plus how to fetch it again. */
export interface IncomingMedia extends Omit<MediaView, 'download' | 'progress'> {
  remote: RemoteFileRef | null;
}

/** What the translate layers add to a message beyond what `messages.received` announces. */
export interface MessageExtras {
  /** Telegram says whether a `channel:` peer is a broadcast channel or a supergroup. */
  chatKind?: ConversationKind;
  replyToTelegramId?: number | null;
  media?: IncomingMedia | null;
  /** Epoch ms of the last edit, when Telegram sent an edited message. */
  editedAt?: number | null;
}

/** A message before it is stored (no desk id yet), with the source it came through. */
export type RichIncoming = Omit<IncomingMessage, 'id'> & MessageExtras;

/** A person as a bot update names them; `languageCode` picks the bot's language for them. */
export interface InboundPerson {
  userId: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  languageCode: string | null;
}

/** `/done@mybot 12` → `{ name: 'done', args: '12' }`. */
export interface BotCommand {
  name: string;
  args: string;
}

/**
 * A message as consumers see it. Bot API messages also name their sender in full (with the
 * language their app is set to) and the command they start with, when it is addressed to this bot.
 */
export interface InboundMessage extends RichIncoming {
  sender?: InboundPerson | null;
  command?: BotCommand | null;
}

/**
 * Deleted message ids. `chatKey` null: MTProto's account box (private chats and basic groups)
 * numbers messages per account, so Telegram sends only the ids.
 */
export interface InboundDeletion {
  chatKey: string | null;
  telegramMessageIds: number[];
}

/**
 * How far a chat is read, as Telegram reports it. `inbox`: the account read it elsewhere (its
 * phone); `outbox`: the other side read the account's messages. Ids are Telegram message ids.
 */
export interface InboundReadMark {
  chatKey: string;
  side: 'inbox' | 'outbox';
  maxId: number;
  /** Telegram's own count of what is still unread after the mark, when it gives one. */
  stillUnread: number | null;
}

export type MemberStatus = 'creator' | 'admin' | 'member' | 'restricted' | 'left' | 'kicked';

/** Someone joined, left, was added or removed: from chat_member, a participant update or a service message. */
export interface MemberChange {
  chatKey: string;
  chatTitle: string | null;
  userId: number;
  /** Null when Telegram did not say (a service message tells only the new state). */
  from: MemberStatus | null;
  to: MemberStatus;
  /** Who made the change (an admin who added them), when Telegram says. */
  byUserId: number | null;
  /** The invite link they joined by, when Telegram says. */
  inviteLink: string | null;
  /** Epoch ms. */
  date: number;
}

/** The bot's own membership changed (my_chat_member): added to a group, made admin, blocked by a person. */
export interface BotMembershipChange {
  chatKey: string;
  chatTitle: string | null;
  from: MemberStatus;
  to: MemberStatus;
  byUserId: number;
  date: number;
}

/** A press on an inline keyboard button under one of the bot's messages. */
export interface CallbackQuery {
  id: string;
  from: InboundPerson;
  /** The chat of the message the button was under; null for inline-mode messages. */
  chatKey: string | null;
  telegramMessageId: number | null;
  data: string | null;
}

/** Everything one step of an update sequence brings, translated; the engine adds where it came from. */
export interface InboundChanges {
  messages: InboundMessage[];
  /** Edited messages in full. */
  edits: InboundMessage[];
  deletions: InboundDeletion[];
  reads: InboundReadMark[];
  members: MemberChange[];
  botMemberships: BotMembershipChange[];
  callbacks: CallbackQuery[];
}

export function noInboundChanges(): InboundChanges {
  return { messages: [], edits: [], deletions: [], reads: [], members: [], botMemberships: [], callbacks: [] };
}

/** The changes of several updates at once, in order (one transaction takes them together). */
export function mergeInboundChanges(all: readonly InboundChanges[]): InboundChanges {
  const merged = noInboundChanges();
  for (const changes of all) for (const key of Object.keys(merged) as (keyof InboundChanges)[]) (merged[key] as unknown[]).push(...changes[key]);
  return merged;
}
