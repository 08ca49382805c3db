import { z } from 'zod';
import { call, confirmed, domain } from '../define';
import {
  CONVERSATION_STATUSES,
  type CannedReply,
  type ChatMessage,
  type ConversationView,
  type LabelView,
  type NoteView,
  type SearchHit,
} from '../../domain/inbox';
import { MAX_REPLY_LENGTH, MESSAGE_LIMITS } from '../../domain/message-text';

const conversationId = z.number().int().positive();
const id = z.number().int().positive();

export const conversationFilterSchema = z
  .object({
    source: z.object({ kind: z.enum(['account', 'bot']), id }).strict().optional(),
    unreadOnly: z.boolean().optional(),
    status: z.enum(CONVERSATION_STATUSES).optional(),
    labelId: id.optional(),
    /** `me`: assigned to the operator asking; `nobody`: not taken by anyone yet. */
    assignee: z.enum(['me', 'nobody']).optional(),
  })
  .strict();

export const inbox = domain({
  conversations: call(
    z.object({ filter: conversationFilterSchema.default({}), limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }).strict(),
  ).returns<{ conversations: ConversationView[]; total: number }>(),
  /** A page of a conversation, newest last; older pages come from Telegram when the store runs out. */
  messages: call(z.object({ conversationId, beforeId: id.optional(), limit: z.number().int().min(1).max(200).default(50) }).strict()).returns<{
    messages: ChatMessage[];
    hasMore: boolean;
  }>(),
  /** The window opened the chat: mark it read here and in Telegram. */
  markRead: call(z.object({ conversationId }).strict()).returns<ConversationView>(),
  /** A reply, sent as several messages when it is longer than one; returns the first (every part is in messagesChanged). */
  reply: call(
    z
      .object({
        conversationId,
        // A text longer than one message goes as several (the engine splits it, see replyParts).
        text: z.string().max(MAX_REPLY_LENGTH, `is longer than ${MAX_REPLY_LENGTH} characters (${MESSAGE_LIMITS.parts} messages); send it as a file instead`).default(''),
        replyToId: id.optional(),
        attachmentId: z.string().min(1).max(100).optional(),
      })
      .strict()
      .refine((v) => v.text.trim() !== '' || v.attachmentId !== undefined, { message: 'write something or attach a file', path: ['text'] }),
  ).returns<ChatMessage>(),
  /** Attachments arrive in chunks (the same way over IPC and the WebSocket), then are checked whole. */
  attachmentStart: call(
    z.object({ conversationId, fileName: z.string().min(1).max(255), mimeType: z.string().max(255), size: z.number().int().min(1) }).strict(),
  ).returns<{ attachmentId: string; chunkBytes: number }>(),
  attachmentChunk: call(z.object({ attachmentId: z.string().min(1).max(100), index: z.number().int().min(0), base64: z.string().min(1) }).strict()).returns<{
    received: number;
  }>(),
  attachmentFinish: call(z.object({ attachmentId: z.string().min(1).max(100) }).strict()).returns<{ attachmentId: string; kind: 'photo' | 'document' | 'video' | 'voice' }>(),
  retry: call(z.object({ outboxId: id }).strict()).returns<ChatMessage>(),
  cancel: call(z.object({ outboxId: id }).strict()).returns<ChatMessage>(),
  /** Earlier texts of an edited message, oldest first. */
  edits: call(z.object({ messageId: id }).strict()).returns<{ versions: { text: string; editedAt: number }[] }>(),
  /** A downloaded (or small, fetched now) media file as a data URL for the window. */
  media: call(z.object({ messageId: id }).strict()).returns<{ dataUrl: string; mimeType: string }>(),
  setStatus: call(
    z
      .object({ conversationId, status: z.enum(CONVERSATION_STATUSES), snoozedUntil: z.number().int().positive().optional() })
      .strict()
      .refine((v) => (v.status === 'snoozed') === (v.snoozedUntil !== undefined), { message: 'a snooze needs a time, and only a snooze', path: ['snoozedUntil'] }),
  ).returns<ConversationView>(),
  setLabels: call(z.object({ conversationId, labelIds: z.array(id).max(20) }).strict()).returns<ConversationView>(),
  assign: call(z.object({ conversationId, operatorId: z.string().min(1).max(100).nullable() }).strict()).returns<ConversationView>(),
  labels: call(z.object({}).strict()).returns<{ labels: LabelView[] }>(),
  /** Creates a label, or renames and recolours one (`id`); names are unique regardless of case. */
  saveLabel: call(
    z.object({ id: id.optional(), name: z.string().trim().min(1, 'must not be empty').max(MESSAGE_LIMITS.labelName, `is longer than ${MESSAGE_LIMITS.labelName} characters`), color: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour like #3b82f6') }).strict(),
  ).returns<LabelView>(),
  /** How many conversations carry a label (asked before deleting it). */
  labelUsage: call(z.object({ id }).strict()).returns<{ conversations: number }>(),
  /** Deletes a label and takes it off every conversation. */
  removeLabel: call(z.object({ id, confirm: confirmed }).strict()).returns<{ removed: true; conversations: number }>(),
  notes: call(z.object({ conversationId }).strict()).returns<{ notes: NoteView[] }>(),
  addNote: call(
    z.object({ conversationId, text: z.string().trim().min(1, 'must not be empty').max(MESSAGE_LIMITS.note, `is longer than ${MESSAGE_LIMITS.note} characters`) }).strict(),
  ).returns<NoteView>(),
  cannedReplies: call(z.object({}).strict()).returns<{ replies: CannedReply[] }>(),
  saveCannedReply: call(z.object({ id: id.optional(), title: z.string().trim().min(1).max(80), text: z.string().trim().min(1).max(4096) }).strict()).returns<CannedReply>(),
  removeCannedReply: call(z.object({ id, confirm: confirmed }).strict()).returns<{ removed: true }>(),
  search: call(z.object({ query: z.string().trim().min(1, 'type something to search for').max(200), limit: z.number().int().min(1).max(200).default(50) }).strict()).returns<{
    hits: SearchHit[];
  }>(),
}).events<{
  conversationsChanged: { conversations: ConversationView[] };
  messagesChanged: { messages: ChatMessage[] };
  /** Every label, after one was created, renamed or deleted. */
  labelsChanged: { labels: LabelView[] };
}>();
