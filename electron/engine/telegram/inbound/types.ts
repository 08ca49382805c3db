/**
 * Plain values the translation layer makes of Telegram updates (MTProto and Bot API alike).
 * Nothing here is a feature's type: features read these, the translation layer imports no feature.
 */
import type { IncomingDeletion, RichIncoming } from '../../inbox/ingest/incoming';
import type { ReadMark } from '../../inbox/ingest/read-marks';

// TODO(issue 9, inbound helper): these three still come from the inbox; move their definitions
// here (the inbox then imports them from telegram/) so nothing in telegram/ imports a feature.
export type InboundMessage = RichIncoming;
export type InboundDeletion = IncomingDeletion;
export type InboundReadMark = ReadMark;

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

/** A person as a bot update names them; `languageCode` picks the bot's language for them. */
export interface InboundPerson {
  userId: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  languageCode: string | null;
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

/** `/done 12@mybot` → `{ name: 'done', args: '12' }`. */
export interface BotCommand {
  name: string;
  args: string;
}
