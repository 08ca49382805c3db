import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { BotApiError, badRequest } from '../errors';

export interface UploadedFile {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
}

export interface RequestInput {
  /** Values as sent: JSON keeps types; query, form and multipart give strings. */
  fields: Record<string, unknown>;
  files: Map<string, UploadedFile>;
}

const tooLarge = () => new BotApiError(413, 'Request Entity Too Large');

/** Telegram accepts every method's parameters in the query, JSON, a form or multipart. */
export async function readRequest(req: IncomingMessage, url: URL, uploadLimit: number): Promise<RequestInput> {
  const fields: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const files = new Map<string, UploadedFile>();
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    await readMultipart(req, fields, files, uploadLimit);
    return { fields, files };
  }
  const body = await readBody(req, uploadLimit);
  if (body.length === 0) return { fields, files };
  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (typeof parsed === 'object' && parsed !== null) Object.assign(fields, parsed);
  } else if (type.startsWith('application/x-www-form-urlencoded')) {
    Object.assign(fields, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  }
  return { fields, files };
}

/** Reads the whole body; past `limit` it keeps draining so the client still gets the 413. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit) throw tooLarge();
  return Buffer.concat(chunks);
}

function readMultipart(req: IncomingMessage, fields: Record<string, unknown>, files: Map<string, UploadedFile>, uploadLimit: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let tooBig = false;
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: uploadLimit } });
    } catch {
      reject(badRequest('invalid multipart/form-data'));
      return;
    }
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        tooBig = true;
      });
      stream.on('end', () => {
        if (!tooBig) files.set(name, { bytes: Buffer.concat(chunks), fileName: info.filename ?? name, mimeType: info.mimeType });
      });
    });
    parser.on('error', () => reject(badRequest('invalid multipart/form-data')));
    parser.on('close', () => (tooBig ? reject(tooLarge()) : resolve()));
    req.pipe(parser);
  });
}
