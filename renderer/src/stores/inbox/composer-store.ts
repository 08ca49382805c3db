import { create } from 'zustand';
import { UPLOAD_LIMITS, type ChatMessage } from '../../../../shared/domain/inbox';
import { MESSAGE_LIMITS, replyParts } from '../../../../shared/domain/message-text';
import { errorMessage, type DeskClient } from '../../client/desk-client';
import { sliceToBase64 } from './upload';
import { latestOnlyPer, type Ticket } from '../latest-only';

export type SenderKind = keyof typeof UPLOAD_LIMITS;

/** Why the composer refused or the engine did; the page words each kind. */
export type ComposerError =
  | { kind: 'tooLarge'; sender: SenderKind; limit: number }
  | { kind: 'emptyFile' }
  | { kind: 'tooLong'; maxParts: number }
  | { kind: 'engine'; message: string };

/** Whether a text goes out at all: a long one goes as several messages, up to the engine's cap. */
export function fitsInMessages(text: string, withFile: boolean): boolean {
  return replyParts(text, withFile).length <= MESSAGE_LIMITS.parts;
}

export interface Attachment {
  fileName: string;
  mimeType: string;
  size: number;
  state: 'uploading' | 'ready' | 'failed';
  /** 0..1 of the bytes the engine has received. */
  progress: number;
  attachmentId: string | null;
  error: string | null;
}

export interface Draft {
  text: string;
  replyTo: NonNullable<ChatMessage['replyTo']> | null;
  attachment: Attachment | null;
  sending: boolean;
  error: ComposerError | null;
}

export interface ComposerState {
  /** Per conversation, so switching chats never loses what was typed. */
  drafts: Record<number, Draft>;
  setText(conversationId: number, text: string): void;
  setReplyTo(conversationId: number, message: ChatMessage | null): void;
  /** Checks the file against the sender's limit before a single byte is sent, then uploads it. */
  attach(conversationId: number, file: File, sender: SenderKind): Promise<void>;
  removeAttachment(conversationId: number): void;
  /** The queued message when the engine took it; null keeps the draft and shows why. */
  send(conversationId: number): Promise<ChatMessage | null>;
}

export const EMPTY_DRAFT: Draft = { text: '', replyTo: null, attachment: null, sending: false, error: null };

/**
 * `botUploadLimit`: what the bot behind a conversation may send (its Bot API server's limit);
 * null for a personal account's conversation or when unknown, and Telegram's limits apply.
 */
export function createComposerStore(
  client: DeskClient,
  onSent: (message: ChatMessage) => void,
  botUploadLimit: (conversationId: number) => Promise<number | null> = async () => null,
) {
  // One upload per conversation at a time; a removed or replaced attachment stops its upload.
  const uploads = latestOnlyPer<number>();

  return create<ComposerState>()((set, get) => {
    const patch = (id: number, change: Partial<Draft> | ((d: Draft) => Partial<Draft>)) =>
      set((s) => {
        const draft = s.drafts[id] ?? EMPTY_DRAFT;
        return { drafts: { ...s.drafts, [id]: { ...draft, ...(typeof change === 'function' ? change(draft) : change) } } };
      });
    const patchAttachment = (id: number, upload: Ticket, change: Partial<Attachment>) => {
      if (!upload()) return;
      patch(id, (d) => (d.attachment ? { attachment: { ...d.attachment, ...change } } : {}));
    };

    return {
      drafts: {},
      // An error answers the last action; the next one (typing, picking a reply, removing the file) clears it.
      setText: (id, text) => patch(id, { text, error: null }),
      setReplyTo: (id, message) =>
        patch(id, { replyTo: message ? { id: message.id, senderName: message.senderName, text: message.text } : null, error: null }),
      async attach(id, file, sender) {
        const limit = (sender === 'bot' ? await botUploadLimit(id) : null) ?? UPLOAD_LIMITS[sender];
        if (file.size > limit) {
          patch(id, { error: { kind: 'tooLarge', sender, limit } });
          return;
        }
        if (file.size === 0) {
          patch(id, { error: { kind: 'emptyFile' } });
          return;
        }
        const upload = uploads.next(id);
        const mimeType = file.type || 'application/octet-stream';
        patch(id, {
          error: null,
          attachment: { fileName: file.name, mimeType, size: file.size, state: 'uploading', progress: 0, attachmentId: null, error: null },
        });
        try {
          const { attachmentId, chunkBytes } = await client.call('inbox.attachmentStart', { conversationId: id, fileName: file.name, mimeType, size: file.size });
          // Strictly in order: the engine appends each chunk and checks the whole at the end.
          for (let index = 0, start = 0; start < file.size; index++, start += chunkBytes) {
            if (!upload()) return;
            const base64 = await sliceToBase64(file, start, Math.min(file.size, start + chunkBytes));
            const { received } = await client.call('inbox.attachmentChunk', { attachmentId, index, base64 });
            patchAttachment(id, upload, { progress: Math.min(1, received / file.size) });
          }
          if (!upload()) return;
          await client.call('inbox.attachmentFinish', { attachmentId });
          patchAttachment(id, upload, { state: 'ready', progress: 1, attachmentId });
        } catch (error) {
          patchAttachment(id, upload, { state: 'failed', error: errorMessage(error) });
        }
      },
      removeAttachment(id) {
        uploads.discard(id);
        patch(id, { attachment: null, error: null });
      },
      async send(id) {
        const draft = get().drafts[id] ?? EMPTY_DRAFT;
        const attachment = draft.attachment;
        // A file still uploading or refused is never dropped silently: it is ready or removed first.
        if (draft.sending || (attachment && attachment.state !== 'ready')) return null;
        if (draft.text.trim() === '' && !attachment) return null;
        if (!fitsInMessages(draft.text, attachment !== null)) {
          patch(id, { error: { kind: 'tooLong', maxParts: MESSAGE_LIMITS.parts } });
          return null;
        }
        patch(id, { sending: true, error: null });
        try {
          const message = await client.call('inbox.reply', {
            conversationId: id,
            text: draft.text,
            ...(draft.replyTo ? { replyToId: draft.replyTo.id } : {}),
            ...(attachment?.attachmentId ? { attachmentId: attachment.attachmentId } : {}),
          });
          uploads.discard(id);
          // Only what was sent is cleared: text typed while the request was out stays.
          patch(id, (d) => ({ ...EMPTY_DRAFT, text: d.text === draft.text ? '' : d.text }));
          onSent(message);
          return message;
        } catch (error) {
          patch(id, { sending: false, error: { kind: 'engine', message: errorMessage(error) } });
          return null;
        }
      },
    };
  });
}
