import { Api } from 'telegram';
import type { IncomingMedia } from '../../inbound/types';
import { toNumber } from './ids';

/**
 * A message's photo or document as the inbox records it, with the location (id, access hash,
 * file reference) that upload.getFile needs to fetch it later. Null for no media or a web page.
 */
export function mediaOf(media: Api.TypeMessageMedia | undefined): IncomingMedia | null {
  if (!media || media instanceof Api.MessageMediaEmpty || media instanceof Api.MessageMediaWebPage) return null;
  if (media instanceof Api.MessageMediaPhoto) return photoMedia(media.photo);
  if (media instanceof Api.MessageMediaDocument && media.document instanceof Api.Document) return documentMedia(media.document);
  return { kind: 'other', mimeType: null, fileName: null, size: null, width: null, height: null, duration: null, remote: null };
}

function photoMedia(photo: Api.TypePhoto | undefined): IncomingMedia {
  const base = { kind: 'photo' as const, mimeType: 'image/jpeg', fileName: null, duration: null };
  if (!(photo instanceof Api.Photo)) return { ...base, size: null, width: null, height: null, remote: null };
  // The largest size is the original; thumbnails come first.
  const sizes = photo.sizes.filter((s): s is Api.PhotoSize | Api.PhotoSizeProgressive => s instanceof Api.PhotoSize || s instanceof Api.PhotoSizeProgressive);
  const largest = sizes.at(-1);
  const bytes = largest instanceof Api.PhotoSize ? largest.size : largest instanceof Api.PhotoSizeProgressive ? Math.max(...largest.sizes) : null;
  return {
    ...base,
    size: bytes,
    width: largest?.w ?? null,
    height: largest?.h ?? null,
    remote: largest
      ? { via: 'mtproto', type: 'photo', id: photo.id.toString(), accessHash: photo.accessHash.toString(), fileReference: Buffer.from(photo.fileReference).toString('base64'), thumbSize: largest.type, dcId: photo.dcId }
      : null,
  };
}

function documentMedia(document: Api.Document): IncomingMedia {
  let kind: IncomingMedia['kind'] = 'document';
  let fileName: string | null = null;
  let width: number | null = null;
  let height: number | null = null;
  let duration: number | null = null;
  for (const attribute of document.attributes) {
    if (attribute instanceof Api.DocumentAttributeFilename) fileName = attribute.fileName;
    if (attribute instanceof Api.DocumentAttributeAudio && attribute.voice) [kind, duration] = ['voice', attribute.duration];
    if (attribute instanceof Api.DocumentAttributeVideo) [kind, width, height, duration] = ['video', attribute.w, attribute.h, Math.round(attribute.duration)];
  }
  return {
    kind,
    mimeType: document.mimeType,
    fileName,
    size: toNumber(document.size),
    width,
    height,
    duration,
    remote: { via: 'mtproto', type: 'document', id: document.id.toString(), accessHash: document.accessHash.toString(), fileReference: Buffer.from(document.fileReference).toString('base64'), dcId: document.dcId },
  };
}
