/**
 * The simulated Telegram's world, in plain types: no GramJS or Bot API objects here. Each
 * front door (Bot API over HTTP, MTProto through the transport) translates to its own form.
 */

export type PrivacyRule = 'everybody' | 'contacts' | 'nobody';

export interface PrivacySettings {
  /** Who may add this person to groups and channels (Telegram: "Groups & Channels"). */
  addToGroups: PrivacyRule;
  /** Who sees the phone number. */
  phoneNumber: PrivacyRule;
}

export interface TwoFactor {
  password: string;
  hint: string;
}

export interface SandboxUser {
  id: number;
  accessHash: bigint;
  isBot: boolean;
  firstName: string;
  lastName: string;
  username: string | null;
  /** The IETF tag of the language their app is set to (`ru`, `en`); Telegram tells bots it as `language_code`. */
  languageCode: string | null;
  /** Digits only, with country code, no plus (as MTProto gives it). */
  phone: string | null;
  privacy: PrivacySettings;
  twoFactor: TwoFactor | null;
  banned: boolean;
  /** People this user has saved as contacts (mutual when both have each other). */
  contacts: Set<number>;
  /** Bots this user has blocked. */
  blockedBots: Set<number>;
  /** Channels/supergroups joined, for the 500-channel limit. */
  channelCount: number;
  /** Next message id in this user's own box (private chats and basic groups). */
  nextBoxId: number;
}

export interface SandboxBot extends SandboxUser {
  isBot: true;
  token: string;
  ownerId: number | null;
  canJoinGroups: boolean;
  commands: { command: string; description: string }[];
}

export type ChatKind = 'group' | 'supergroup' | 'channel';

export interface AdminRights {
  inviteUsers: boolean;
  postMessages: boolean;
  deleteMessages: boolean;
  banUsers: boolean;
}

export type MemberStatus = 'creator' | 'administrator' | 'member' | 'left' | 'kicked';

export interface InviteLink {
  link: string;
  creatorId: number;
  createdAt: number;
  expiresAt: number | null;
  usageLimit: number | null;
  usage: number;
  requestsApproval: boolean;
  title: string | null;
  revoked: boolean;
}

export interface SandboxChat {
  id: number;
  accessHash: bigint;
  kind: ChatKind;
  title: string;
  username: string | null;
  creatorId: number;
  admins: Map<number, AdminRights>;
  members: Set<number>;
  kicked: Set<number>;
  /** Users waiting for approval through a link that requires it. */
  joinRequests: Set<number>;
  inviteLinks: InviteLink[];
  /** Supergroups and channels number their own messages. */
  nextMessageId: number;
  /** Per-chat event sequence for channels (MTProto `pts` of the channel). */
  pts: number;
  createdAt: number;
}

/** Where a message lives: a private chat is named by its two people. */
export type Conversation = { kind: 'private'; userIds: [number, number] } | { kind: 'chat'; chatId: number };

export type MediaKind = 'photo' | 'document' | 'video' | 'voice';

export interface SandboxFile {
  /** Stable across uses, like Telegram's file_unique_id. */
  uniqueId: string;
  kind: MediaKind;
  bytes: Buffer;
  mimeType: string;
  fileName: string | null;
  width: number | null;
  height: number | null;
  duration: number | null;
  uploadedBy: number;
  uploadedAt: number;
}

export interface InlineButton {
  text: string;
  callbackData?: string;
  url?: string;
}

export interface SandboxMessage {
  /** Unique across the world; front doors map it to the ids each viewer sees. */
  uid: number;
  conversation: Conversation;
  senderId: number;
  date: number;
  text: string;
  media: SandboxFile | null;
  caption: string | null;
  replyToUid: number | null;
  inlineKeyboard: InlineButton[][] | null;
  editDate: number | null;
  /** Earlier texts, oldest first (Telegram keeps none; the sandbox keeps them for tests). */
  editHistory: string[];
  deleted: boolean;
  /** The sender's random_id (MTProto) for deduplication. */
  randomId: bigint | null;
  /** For channels and supergroups: the id everyone sees. */
  channelMessageId: number | null;
  /** For private chats and basic groups: the id in each participant's box. */
  boxIds: Map<number, number>;
  /** Service messages: join, leave, chat created. */
  /** `inviterId`: who made the invite link someone joined by (join_by_link). */
  action: { type: 'chat_create' | 'join' | 'join_by_link' | 'join_by_request' | 'leave' | 'add' | 'kick'; userIds: number[]; inviterId?: number } | null;
}

/** What happened, for front doors to turn into updates. */
export type WorldEvent =
  | { type: 'message.new'; message: SandboxMessage }
  | { type: 'message.edited'; message: SandboxMessage }
  | { type: 'message.deleted'; messages: SandboxMessage[] }
  | { type: 'history.read'; readerId: number; conversation: Conversation; maxUid: number }
  | { type: 'member.changed'; chatId: number; userId: number; before: MemberStatus; after: MemberStatus; byId: number; viaLink: string | null }
  | { type: 'join.requested'; chatId: number; userId: number; link: string }
  | { type: 'bot.blocked'; userId: number; botId: number; blocked: boolean }
  | { type: 'callback.pressed'; queryId: string; userId: number; message: SandboxMessage; data: string };
