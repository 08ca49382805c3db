import { createHash } from 'node:crypto';
import { Api } from 'telegram';
import type { SandboxFile } from '../world/types';
import type { SandboxWorld } from '../world/world';
import { fromLong, toLong } from './long';
import { fail } from './rpc-error';

/** Telegram's part rules: every part but the last is a multiple of 1 KiB dividing 512 KiB. */
const MAX_PART = 512 * 1024;
/** upload.getFile reads in 4 KiB-aligned windows of at most 1 MiB (without `precise`). */
const FILE_WINDOW = 4096;
const MAX_FILE_LIMIT = 1024 * 1024;

interface Upload {
  parts: Map<number, Buffer>;
}

/**
 * Media as MTProto addresses it: uploads assembled from parts per session, and world files
 * given photo/document ids and access hashes derived from their content, so the same file
 * always has the same id.
 */
export class FileRegistry {
  private readonly byId = new Map<bigint, SandboxFile>();

  constructor(world: SandboxWorld) {
    // Files from before a restart: clients still hold their ids and may download them again.
    for (const file of world.allFiles()) this.ids(file);
  }

  savePart(uploads: Map<bigint, Upload>, fileId: bigint, part: number, bytes: Buffer, totalParts: number | null): void {
    if (part < 0 || (totalParts !== null && part >= totalParts)) fail('FILE_PART_INVALID');
    if (bytes.length === 0 || bytes.length > MAX_PART) fail('FILE_PART_SIZE_INVALID');
    const upload = uploads.get(fileId) ?? { parts: new Map() };
    upload.parts.set(part, Buffer.from(bytes));
    uploads.set(fileId, upload);
  }

  /** Joins an uploaded InputFile's parts into bytes, naming the first part that never arrived. */
  assemble(uploads: Map<bigint, Upload>, file: Api.TypeInputFile): Buffer {
    if (!(file instanceof Api.InputFile || file instanceof Api.InputFileBig)) fail('FILE_PARTS_INVALID');
    const upload = uploads.get(fromLong(file.id)!);
    if (!upload) fail('FILE_PART_0_MISSING');
    const chunks: Buffer[] = [];
    for (let i = 0; i < file.parts; i++) {
      const chunk = upload.parts.get(i);
      if (!chunk) fail(`FILE_PART_${i}_MISSING`);
      if (i < file.parts - 1 && (chunk.length % 1024 !== 0 || MAX_PART % chunk.length !== 0)) fail('FILE_PART_SIZE_INVALID');
      chunks.push(chunk);
    }
    uploads.delete(fromLong(file.id)!);
    return Buffer.concat(chunks);
  }

  ids(file: SandboxFile): { id: bigint; accessHash: bigint } {
    const digest = createHash('sha256').update(file.uniqueId).digest();
    const id = digest.readBigUInt64BE(0) >> 1n;
    this.byId.set(id, file);
    return { id, accessHash: digest.readBigUInt64BE(8) >> 1n };
  }

  media(file: SandboxFile): Api.TypeMessageMedia {
    if (file.kind === 'photo') return new Api.MessageMediaPhoto({ photo: this.photo(file) });
    return new Api.MessageMediaDocument({ document: this.document(file) });
  }

  private photo(file: SandboxFile): Api.Photo {
    const { id, accessHash } = this.ids(file);
    return new Api.Photo({
      id: toLong(id),
      accessHash: toLong(accessHash),
      fileReference: Buffer.from(file.uniqueId),
      date: file.uploadedAt,
      sizes: [new Api.PhotoSize({ type: 'y', w: file.width ?? 0, h: file.height ?? 0, size: file.bytes.length })],
      dcId: 2,
    });
  }

  private document(file: SandboxFile): Api.Document {
    const { id, accessHash } = this.ids(file);
    const attributes: Api.TypeDocumentAttribute[] = [];
    if (file.fileName) attributes.push(new Api.DocumentAttributeFilename({ fileName: file.fileName }));
    if (file.kind === 'video') attributes.push(new Api.DocumentAttributeVideo({ duration: file.duration ?? 0, w: file.width ?? 0, h: file.height ?? 0 }));
    if (file.kind === 'voice') attributes.push(new Api.DocumentAttributeAudio({ voice: true, duration: file.duration ?? 0 }));
    return new Api.Document({
      id: toLong(id),
      accessHash: toLong(accessHash),
      fileReference: Buffer.from(file.uniqueId),
      date: file.uploadedAt,
      mimeType: file.mimeType,
      size: toLong(file.bytes.length),
      dcId: 2,
      attributes,
    });
  }

  /** The file behind an InputPhoto/InputDocument (or its file location), checked by access hash. */
  find(id: Parameters<typeof fromLong>[0], accessHash: Parameters<typeof fromLong>[0], error: string): SandboxFile {
    const file = this.byId.get(fromLong(id) ?? -1n);
    if (!file || this.ids(file).accessHash !== fromLong(accessHash)) fail(error);
    return file;
  }

  read(location: Api.TypeInputFileLocation, offset: number, limit: number, precise: boolean): Api.upload.File {
    if (!(location instanceof Api.InputPhotoFileLocation || location instanceof Api.InputDocumentFileLocation)) fail('LOCATION_INVALID');
    const file = this.find(location.id, location.accessHash, 'LOCATION_INVALID');
    if (offset < 0 || (!precise && offset % FILE_WINDOW !== 0)) fail('OFFSET_INVALID');
    if (limit <= 0 || limit > MAX_FILE_LIMIT || (!precise && (limit % FILE_WINDOW !== 0 || MAX_FILE_LIMIT % limit !== 0))) fail('LIMIT_INVALID');
    return new Api.upload.File({
      type: file.kind === 'photo' ? new Api.storage.FileJpeg() : new Api.storage.FileUnknown(),
      mtime: file.uploadedAt,
      bytes: file.bytes.subarray(offset, offset + limit),
    });
  }
}

export type Uploads = Map<bigint, Upload>;
