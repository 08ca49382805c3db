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

/** A body that is not a Bot API answer (what a proxy in front of it sends). */
export function sendRaw(res: ServerResponse, answer: { status: number; contentType: string; body: string }): void {
  res.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
}
