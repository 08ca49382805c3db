import type { ServerResponse } from 'node:http';
import type { BotApiError } from '../errors';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendOk(res: ServerResponse, result: unknown, description?: string): void {
  sendJson(res, 200, description === undefined ? { ok: true, result } : { ok: true, result, description });
}

export function sendError(res: ServerResponse, error: BotApiError): void {
  sendJson(res, error.errorCode, {
    ok: false,
    error_code: error.errorCode,
    description: error.description,
    ...(error.parameters ? { parameters: error.parameters } : {}),
  });
}
