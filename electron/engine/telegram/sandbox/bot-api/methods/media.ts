import type { MediaKind, SandboxFile } from '../../world/types';
import { badRequest, worldCall } from '../errors';
import { decodeFileId, filePath, fileUniqueId } from '../files/file-ids';
import { imageMimeType, imageSize } from '../files/image-size';
import type { UploadedFile } from '../http/read-request';
import type { Method, MethodContext } from './context';
import { deliver, sendTarget } from './send';

const wrongFileId = () => badRequest('wrong file identifier/HTTP URL specified');

const MIME_BY_KIND: Record<Exclude<MediaKind, 'photo'>, string> = {
  document: 'application/octet-stream',
  video: 'video/mp4',
  voice: 'audio/ogg',
};

/** sendPhoto, sendDocument, sendVideo, sendVoice: a new upload or a file_id sent again. */
export function sendMedia(kind: MediaKind): Method {
  return (ctx) => {
    const target = sendTarget(ctx);
    const media = readMedia(ctx, kind);
    return deliver(ctx, target, { media, caption: ctx.params.string('caption') ?? null }).view;
  };
}

function readMedia(ctx: MethodContext, kind: MediaKind): SandboxFile {
  const value = ctx.params.string(kind);
  const upload = value?.startsWith('attach://') ? ctx.params.file(value.slice('attach://'.length)) : ctx.params.file(kind);
  if (upload) return store(ctx, kind, upload);
  if (!value) throw badRequest(`there is no ${kind} in the request`);
  const decoded = decodeFileId(value);
  const file = decoded ? ctx.world.file(decoded.uniqueId) : undefined;
  if (!decoded || !file) throw wrongFileId();
  if (decoded.kind !== kind) throw badRequest('type of file mismatch');
  return file;
}

function store(ctx: MethodContext, kind: MediaKind, upload: UploadedFile): SandboxFile {
  if (upload.bytes.length === 0) throw badRequest('file must be non-empty');
  const size = kind === 'photo' || kind === 'video' ? imageSize(upload.bytes) : null;
  if (kind === 'photo' && !size) throw badRequest('IMAGE_PROCESS_FAILED');
  return worldCall(() =>
    ctx.world.storeFile({
      kind,
      bytes: upload.bytes,
      mimeType: kind === 'photo' ? imageMimeType(upload.bytes) : MIME_BY_KIND[kind],
      uploadedBy: ctx.bot.id,
      fileName: kind === 'photo' ? null : upload.fileName,
      width: size?.width ?? ctx.params.int('width') ?? null,
      height: size?.height ?? ctx.params.int('height') ?? null,
      duration: ctx.params.int('duration') ?? null,
    }),
  );
}

export const getFile: Method = (ctx) => {
  const fileId = ctx.params.requiredString('file_id', 'file_id not specified');
  const decoded = decodeFileId(fileId);
  const file = decoded ? ctx.world.file(decoded.uniqueId) : undefined;
  if (!file) throw wrongFileId();
  if (file.bytes.length > ctx.fileLimits.downloadBytes) throw badRequest('file is too big');
  return { file_id: fileId, file_unique_id: fileUniqueId(file), file_size: file.bytes.length, file_path: filePath(file) };
};
