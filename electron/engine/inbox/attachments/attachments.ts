import { createHash, randomUUID, type Hash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { DeskError } from '../../../../shared/contract/result';
import { ATTACHMENT_CHUNK_BYTES } from '../../../../shared/domain/inbox';
import type { OutboxAttachment } from '../../outbox/outbox-port';
import { PRIVATE_FILE_MODE } from '../../platform/private-files';
import type { MediaStore } from '../media/media-store';
import { checkAttachment, looksLikeProgram, mediaKindOf } from './attachment-rules';

interface Upload {
  conversationId: number;
  /** The operator who started it; nobody else may add to it, finish it or send it. */
  owner: string;
  fileName: string;
  mimeType: string;
  size: number;
  tempPath: string;
  received: number;
  nextIndex: number;
  hash: Hash;
  head: Buffer | null;
}

/**
 * Files for replies arrive in chunks (the same way over IPC and the WebSocket), are written to
 * a temporary file and hashed as they come, and are checked whole before a reply may use them.
 * An attachment belongs to the operator who started it: to anyone else its id is unknown.
 */
export class Attachments {
  private readonly uploads = new Map<string, Upload>();
  private readonly ready = new Map<string, { conversationId: number; owner: string; attachment: OutboxAttachment }>();

  constructor(private readonly store: MediaStore) {}

  /** `limit`: the most the sender may send (a bot's depends on its Bot API server). */
  start(input: { conversationId: number; fileName: string; mimeType: string; size: number }, sender: 'account' | 'bot', limit: number, owner: string): { attachmentId: string; chunkBytes: number } {
    checkAttachment(input, sender, limit);
    const attachmentId = randomUUID();
    this.uploads.set(attachmentId, { ...input, owner, tempPath: this.store.tempPath(), received: 0, nextIndex: 0, hash: createHash('sha256'), head: null });
    return { attachmentId, chunkBytes: ATTACHMENT_CHUNK_BYTES };
  }

  chunk(input: { attachmentId: string; index: number; base64: string }, owner: string): { received: number } {
    const upload = this.need(input.attachmentId, owner);
    if (input.index !== upload.nextIndex) throw new DeskError('invalid_input', `Expected chunk ${upload.nextIndex} of ${upload.fileName}, got ${input.index}.`);
    const bytes = Buffer.from(input.base64, 'base64');
    if (bytes.length === 0 || bytes.length > ATTACHMENT_CHUNK_BYTES) throw new DeskError('invalid_input', `A chunk must hold 1 to ${ATTACHMENT_CHUNK_BYTES} bytes.`);
    if (upload.received + bytes.length > upload.size) {
      this.abandon(input.attachmentId);
      throw new DeskError('invalid_input', `${upload.fileName} is larger than announced (${upload.size} bytes); start again.`);
    }
    upload.head ??= bytes.subarray(0, 2);
    appendFileSync(upload.tempPath, bytes, { mode: PRIVATE_FILE_MODE });
    upload.hash.update(bytes);
    upload.received += bytes.length;
    upload.nextIndex++;
    return { received: upload.received };
  }

  finish(attachmentId: string, owner: string): { attachmentId: string; kind: OutboxAttachment['mediaKind'] } {
    const upload = this.need(attachmentId, owner);
    this.uploads.delete(attachmentId);
    if (upload.received !== upload.size) {
      this.store.discard(upload.tempPath);
      throw new DeskError('invalid_input', `${upload.fileName} arrived incomplete (${upload.received} of ${upload.size} bytes); attach it again.`);
    }
    if (looksLikeProgram(upload.head ?? Buffer.alloc(0))) {
      this.store.discard(upload.tempPath);
      throw new DeskError('invalid_input', `${upload.fileName} is a Windows program whatever its name says; such files cannot be sent from the desk.`);
    }
    const sha256 = upload.hash.digest('hex');
    const path = this.store.keep(upload.tempPath, sha256);
    const mediaKind = mediaKindOf(upload.mimeType, upload.size);
    this.ready.set(attachmentId, {
      conversationId: upload.conversationId,
      owner,
      attachment: { sha256, path, fileName: upload.fileName, mimeType: upload.mimeType || 'application/octet-stream', size: upload.size, mediaKind },
    });
    return { attachmentId, kind: mediaKind };
  }

  /** A finished attachment, once, for a reply in the conversation it was attached in. */
  take(attachmentId: string, conversationId: number, owner: string): OutboxAttachment {
    const ready = this.ready.get(attachmentId);
    if (!ready || ready.conversationId !== conversationId || ready.owner !== owner) throw new DeskError('not_found', 'That attachment is not ready in this chat; attach the file again.');
    this.ready.delete(attachmentId);
    return ready.attachment;
  }

  /** Removes the temporary files of uploads that never finished. */
  close(): void {
    for (const id of [...this.uploads.keys()]) this.abandon(id);
  }

  private abandon(attachmentId: string): void {
    const upload = this.uploads.get(attachmentId);
    this.uploads.delete(attachmentId);
    if (upload) this.store.discard(upload.tempPath);
  }

  private need(attachmentId: string, owner: string): Upload {
    const upload = this.uploads.get(attachmentId);
    if (!upload || upload.owner !== owner) throw new DeskError('not_found', 'That upload is unknown or was abandoned; attach the file again.');
    return upload;
  }
}
