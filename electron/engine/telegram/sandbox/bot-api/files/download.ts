import type { ServerResponse } from 'node:http';
import type { SandboxWorld } from '../../world/world';
import { BotApiError, badRequest } from '../errors';
import { sendError } from '../http/respond';
import { uniqueIdFromPath } from './file-ids';

/** GET /file/bot<token>/<file_path>: the bytes getFile pointed at. */
export function serveFile(world: SandboxWorld, path: string, res: ServerResponse, downloadLimit: number): void {
  const uniqueId = uniqueIdFromPath(path);
  const file = uniqueId ? world.file(uniqueId) : undefined;
  if (!file) return sendError(res, new BotApiError(404, 'Not Found'));
  if (file.bytes.length > downloadLimit) return sendError(res, badRequest('file is too big'));
  res.writeHead(200, { 'content-type': file.mimeType, 'content-length': file.bytes.length });
  res.end(file.bytes);
}
