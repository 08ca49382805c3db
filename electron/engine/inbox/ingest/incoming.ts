import type { MediaView } from '../../../../shared/domain/inbox';
import type { PendingIncoming } from '../../messages/message-repo';

export type ConversationKind = 'private' | 'group' | 'channel';

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

export type RichIncoming = PendingIncoming & MessageExtras;

/**
 * Deleted message ids. `chatKey` null: MTProto's account box (private chats and basic groups)
 * numbers messages per account, so Telegram sends only the ids.
 */
export interface IncomingDeletion {
  chatKey: string | null;
  telegramMessageIds: number[];
}

/** Everything one update batch changes in one source's messages. */
export interface MessageChanges<M> {
  messages: M[];
  /** Edited messages in full (their new text); one never seen before is stored as new. */
  edits: M[];
  deletions: IncomingDeletion[];
}

export function noChanges<M>(): MessageChanges<M> {
  return { messages: [], edits: [], deletions: [] };
}

/** The kind a chat key implies when Telegram did not say (a `channel:` peer may be a supergroup). */
export function kindOfKey(chatKey: string): ConversationKind {
  if (chatKey.startsWith('user:')) return 'private';
  if (chatKey.startsWith('chat:')) return 'group';
  return 'channel';
}
