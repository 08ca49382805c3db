import { extname } from 'node:path';
import { DeskError } from '../../../../shared/contract/result';
import type { OutboxAttachment } from '../../outbox/outbox-port';

/** Programs and scripts a person could be tricked into running; never sent from the desk. */
const FORBIDDEN_EXTENSIONS = new Set(['.exe', '.bat', '.cmd', '.com', '.scr', '.msi', '.msp', '.pif', '.cpl', '.dll', '.vbs', '.vbe', '.js', '.jse', '.wsf', '.wsh', '.ps1', '.hta', '.jar', '.reg', '.lnk', '.msc', '.apk']);
const FORBIDDEN_MIME = /^application\/(x-msdownload|x-msdos-program|x-ms-installer|x-msi|x-dosexec|vnd\.microsoft\.portable-executable|x-sh|java-archive|vnd\.android\.package-archive)$/i;

/** Telegram sends images up to 10 MB as photos; larger ones go as documents (uncompressed). */
const PHOTO_LIMIT = 10 * 1024 * 1024;

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Refuses a file before any byte is received: its name or type says program, or it is larger than the sender may send. */
export function checkAttachment(input: { fileName: string; mimeType: string; size: number }, sender: 'account' | 'bot', limit: number): void {
  const extension = extname(input.fileName).toLowerCase();
  if (FORBIDDEN_EXTENSIONS.has(extension) || FORBIDDEN_MIME.test(input.mimeType)) {
    throw new DeskError('invalid_input', `${input.fileName} is a program or script (${extension || input.mimeType}); such files cannot be sent from the desk.`);
  }
  if (input.size > limit) {
    const who = sender === 'bot' ? 'a bot' : 'an account';
    throw new DeskError('invalid_input', `${input.fileName} is ${megabytes(input.size)}; ${who} can send at most ${megabytes(limit)}.`, { limit, size: input.size });
  }
}

/** A Windows program starts with "MZ" whatever its name says. */
export function looksLikeProgram(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a;
}

export function mediaKindOf(mimeType: string, size: number): OutboxAttachment['mediaKind'] {
  const type = mimeType.toLowerCase();
  if (/^image\/(jpeg|png|webp)$/.test(type) && size <= PHOTO_LIMIT) return 'photo';
  if (type.startsWith('video/')) return 'video';
  if (type === 'audio/ogg') return 'voice';
  return 'document';
}
