import { CLOUD_BOT_FILE_LIMITS } from './bot-endpoints';

/** The unified inbox, as the window sees it: plain values, never Telegram objects. */

export const CONVERSATION_STATUSES = ['open', 'pending', 'resolved', 'snoozed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export interface ConversationView {
  id: number;
  /** `removed`: the operator removed this account or bot; its history stays under its name, and it cannot reply. */
  source: { kind: 'account' | 'bot'; id: number; name: string; removed?: boolean };
  kind: 'private' | 'group' | 'channel';
  title: string;
  lastMessage: { text: string; senderName: string; outgoing: boolean; date: number; mediaKind: MediaKind | null } | null;
  /** Epoch ms; the list is sorted by it, newest first. */
  lastActivityAt: number;
  unreadCount: number;
  status: ConversationStatus;
  snoozedUntil: number | null;
  labels: LabelView[];
  assigneeId: string | null;
  /** Waiting in its account's or bot's queue since (epoch ms); null when someone has it or it is resolved. */
  queuedSince: number | null;
}

export type MediaKind = 'photo' | 'document' | 'video' | 'voice' | 'other';

export interface MediaView {
  kind: MediaKind;
  mimeType: string | null;
  fileName: string | null;
  size: number | null;
  width: number | null;
  height: number | null;
  duration: number | null;
  download: 'none' | 'queued' | 'downloading' | 'done' | 'failed' | 'too_large' | 'skipped';
  /** 0..1 while downloading. */
  progress: number | null;
}

/** Where an outgoing message stands in the outbox. */
export type DeliveryState =
  | { state: 'queued' }
  | { state: 'sending' }
  | { state: 'sent' }
  | { state: 'waiting'; until: number; reason: string }
  | { state: 'failed'; reason: string }
  | { state: 'uncertain'; reason: string }
  | { state: 'cancelled' };

export interface ChatMessage {
  id: number;
  conversationId: number;
  telegramMessageId: number | null;
  senderId: number | null;
  senderName: string;
  outgoing: boolean;
  /** Epoch ms. */
  date: number;
  text: string;
  media: MediaView | null;
  replyTo: { id: number; senderName: string; text: string } | null;
  editedAt: number | null;
  /** Earlier texts are kept and can be viewed. */
  hasEdits: boolean;
  deletedAt: number | null;
  outboxId: number | null;
  delivery: DeliveryState | null;
  /** Outgoing and read by the other side (Telegram's read-outbox mark has reached it); absent means not known to be read. */
  readByRecipient?: boolean;
}

export interface LabelView {
  id: number;
  name: string;
  color: string;
}

export interface NoteView {
  id: number;
  conversationId: number;
  authorId: string;
  text: string;
  createdAt: number;
}

export interface CannedReply {
  id: number;
  title: string;
  /** May use {{first_name}}, {{name}}, {{operator}}. */
  text: string;
}

export interface SearchHit {
  messageId: number;
  conversationId: number;
  conversationTitle: string;
  senderName: string;
  date: number;
  /** The matching text with matches wrapped in \u0001 … \u0002 (the window highlights them). */
  snippet: string;
}

/**
 * Telegram's upload limits: bots 50 MB through api.telegram.org (a bot's own Bot API server
 * has its own, see BotView.fileLimits), personal accounts 2 GB (4 GB premium).
 */
export const UPLOAD_LIMITS = { bot: CLOUD_BOT_FILE_LIMITS.uploadBytes, account: 2 * 1024 * 1024 * 1024 } as const;
export const ATTACHMENT_CHUNK_BYTES = 512 * 1024;
