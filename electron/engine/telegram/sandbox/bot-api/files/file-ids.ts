import type { MediaKind, SandboxFile } from '../../world/types';

/**
 * Bot API file identifiers. A file_id carries the world file's uniqueId so any bot can send
 * it again; photos get one per size, like Telegram's. The encoding is the sandbox's own, as
 * opaque to clients as Telegram's.
 */
const PREFIX = 'sbx';

export function encodeFileId(file: SandboxFile, size: string | null = null): string {
  return Buffer.from([PREFIX, file.kind, size ?? '', file.uniqueId].join(':'), 'utf8').toString('base64url');
}

export function fileUniqueId(file: SandboxFile, size: string | null = null): string {
  return size ? `${file.uniqueId}${size}` : file.uniqueId;
}

export function decodeFileId(fileId: string): { kind: MediaKind; uniqueId: string } | null {
  const parts = Buffer.from(fileId, 'base64url').toString('utf8').split(':');
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const kind = parts[1] as MediaKind;
  if (!['photo', 'document', 'video', 'voice'].includes(kind) || !parts[3]) return null;
  return { kind, uniqueId: parts[3] };
}

const FOLDERS: Record<MediaKind, { folder: string; ext: string }> = {
  photo: { folder: 'photos', ext: 'jpg' },
  document: { folder: 'documents', ext: 'dat' },
  video: { folder: 'videos', ext: 'mp4' },
  voice: { folder: 'voice', ext: 'oga' },
};

export function filePath(file: SandboxFile): string {
  const { folder, ext } = FOLDERS[file.kind];
  const ownExt = file.fileName?.match(/\.([A-Za-z0-9]{1,8})$/)?.[1];
  return `${folder}/file_${file.uniqueId}.${ownExt ?? ext}`;
}

export function uniqueIdFromPath(path: string): string | null {
  return path.match(/^[a-z]+\/file_(.+)\.[A-Za-z0-9]+$/)?.[1] ?? null;
}
