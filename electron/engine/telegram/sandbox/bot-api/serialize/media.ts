import type { SandboxFile } from '../../world/types';
import { encodeFileId, fileUniqueId } from '../files/file-ids';

/** Telegram's thumbnail sizes by letter and longest side. */
const PHOTO_SIZES: [string, number][] = [
  ['s', 90],
  ['m', 320],
  ['x', 800],
];

/**
 * Smaller sizes, then the original. The sandbox does not resample, so every size downloads the
 * original bytes; widths and heights are what Telegram would report.
 */
export function botApiPhotoSizes(file: SandboxFile) {
  const width = file.width ?? 0;
  const height = file.height ?? 0;
  const longest = Math.max(width, height);
  const sizes = PHOTO_SIZES.filter(([, side]) => side < longest).map(([letter, side]) => ({
    file_id: encodeFileId(file, letter),
    file_unique_id: fileUniqueId(file, letter),
    width: Math.round((width * side) / longest),
    height: Math.round((height * side) / longest),
  }));
  return [...sizes, { file_id: encodeFileId(file, 'y'), file_unique_id: fileUniqueId(file), width, height, file_size: file.bytes.length }];
}

export function botApiMedia(file: SandboxFile): Record<string, unknown> {
  const base = { file_id: encodeFileId(file), file_unique_id: fileUniqueId(file), file_size: file.bytes.length };
  const name = file.fileName ? { file_name: file.fileName } : {};
  switch (file.kind) {
    case 'photo':
      return { photo: botApiPhotoSizes(file) };
    case 'document':
      return { document: { ...base, ...name, mime_type: file.mimeType } };
    case 'video':
      return { video: { ...base, ...name, width: file.width ?? 0, height: file.height ?? 0, duration: file.duration ?? 0, mime_type: file.mimeType } };
    case 'voice':
      return { voice: { ...base, duration: file.duration ?? 0, mime_type: file.mimeType } };
  }
}
