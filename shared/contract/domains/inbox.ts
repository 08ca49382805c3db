import { z } from 'zod';
import { call, confirmed, domain, teamCall } from '../define';
import type { AssignmentChange, QueueView } from '../../domain/operators';
import { senderRef } from './operators';
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
    /** `me`: assigned to the operator asking; `nobody`: not taken by anyone yet (the queues). */
    assignee: z.enum(['me', 'nobody']).optional(),
    /** An admin's view of one operator's conversations. */
    assigneeId: z.string().min(1).max(100).optional(),
  })
  .strict();

export const inbox = domain({
  conversations: teamCall(
    z.object({ filter: conversationFilterSchema.default({}), limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }).strict(),
  ).returns<{ conversations: ConversationView[]; total: number }>(),
  /** A page of a conversation, newest last; older pages come from Telegram when the store runs out. */
  messages: teamCall(z.object({ conversationId, beforeId: id.optional(), limit: z.number().int().min(1).max(200).default(50) }).strict()).returns<{
    messages: ChatMessage[];
    hasMore: boolean;
  }>(),
  /** The window opened the chat: mark it read here and in Telegram. */
  markRead: teamCall(z.object({ conversationId }).strict()).returns<ConversationView>(),
  /** A reply, sent as several messages when it is longer than one; returns the first (every part is in messagesChanged). */
  reply: teamCall(
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
  attachmentStart: teamCall(
    z.object({ conversationId, fileName: z.string().min(1).max(255), mimeType: z.string().max(255), size: z.number().int().min(1) }).strict(),
  ).returns<{ attachmentId: string; chunkBytes: number }>(),
  attachmentChunk: teamCall(z.object({ attachmentId: z.string().min(1).max(100), index: z.number().int().min(0), base64: z.string().min(1) }).strict()).returns<{
    received: number;
  }>(),
  attachmentFinish: teamCall(z.object({ attachmentId: z.string().min(1).max(100) }).strict()).returns<{ attachmentId: string; kind: 'photo' | 'document' | 'video' | 'voice' }>(),
  retry: teamCall(z.object({ outboxId: id }).strict()).returns<ChatMessage>(),
  cancel: teamCall(z.object({ outboxId: id }).strict()).returns<ChatMessage>(),
  /** Earlier texts of an edited message, oldest first. */
  edits: teamCall(z.object({ messageId: id }).strict()).returns<{ versions: { text: string; editedAt: number }[] }>(),
  /** A downloaded (or small, fetched now) media file as a data URL for the window. */
  media: teamCall(z.object({ messageId: id }).strict()).returns<{ dataUrl: string; mimeType: string }>(),
  setStatus: teamCall(
    z
      .object({ conversationId, status: z.enum(CONVERSATION_STATUSES), snoozedUntil: z.number().int().positive().optional() })
      .strict()
      .refine((v) => (v.status === 'snoozed') === (v.snoozedUntil !== undefined), { message: 'a snooze needs a time, and only a snooze', path: ['snoozedUntil'] }),
  ).returns<ConversationView>(),
  setLabels: teamCall(z.object({ conversationId, labelIds: z.array(id).max(20) }).strict()).returns<ConversationView>(),
  assign: teamCall(z.object({ conversationId, operatorId: z.string().min(1).max(100).nullable() }).strict()).returns<ConversationView>(),
  labels: teamCall(z.object({}).strict()).returns<{ labels: LabelView[] }>(),
  /** Creates a label, or renames and recolours one (`id`); names are unique regardless of case. */
  saveLabel: call(
    z.object({ id: id.optional(), name: z.string().trim().min(1, 'must not be empty').max(MESSAGE_LIMITS.labelName, `is longer than ${MESSAGE_LIMITS.labelName} characters`), color: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour like #3b82f6') }).strict(),
  ).returns<LabelView>(),
  /** How many conversations carry a label (asked before deleting it). */
  labelUsage: call(z.object({ id }).strict()).returns<{ conversations: number }>(),
  /** Deletes a label and takes it off every conversation. */
  removeLabel: call(z.object({ id, confirm: confirmed }).strict()).returns<{ removed: true; conversations: number }>(),
  notes: teamCall(z.object({ conversationId }).strict()).returns<{ notes: NoteView[] }>(),
  addNote: teamCall(
    z.object({ conversationId, text: z.string().trim().min(1, 'must not be empty').max(MESSAGE_LIMITS.note, `is longer than ${MESSAGE_LIMITS.note} characters`) }).strict(),
  ).returns<NoteView>(),
  cannedReplies: teamCall(z.object({}).strict()).returns<{ replies: CannedReply[] }>(),
  saveCannedReply: call(z.object({ id: id.optional(), title: z.string().trim().min(1).max(80), text: z.string().trim().min(1).max(4096) }).strict()).returns<CannedReply>(),
  removeCannedReply: call(z.object({ id, confirm: confirmed }).strict()).returns<{ removed: true }>(),
  search: teamCall(z.object({ query: z.string().trim().min(1, 'type something to search for').max(200), limit: z.number().int().min(1).max(200).default(50) }).strict()).returns<{
    hits: SearchHit[];
  }>(),
  /** Waiting conversations per account and bot the asking operator may take from (an admin: every one). */
  queues: teamCall(z.object({}).strict()).returns<{ queues: QueueView[] }>(),
  /** The longest-waiting conversation of the operator's queues (or of one sender's), assigned to them; null when none waits. */
  takeNext: teamCall(z.object({ sender: senderRef.optional() }).strict()).returns<{ conversation: ConversationView | null }>(),
}).events<{
  conversationsChanged: { conversations: ConversationView[] };
  messagesChanged: { messages: ChatMessage[] };
  /** Every label, after one was created, renamed or deleted. */
  labelsChanged: { labels: LabelView[] };
  /** Conversations changed hands; a window drops those that are no longer its operator's to see. */
  assignmentChanged: { changes: AssignmentChange[] };
  /** Queue lengths changed; each window gets the queues its operator may take from. */
  queuesChanged: { queues: QueueView[] };
}>();
