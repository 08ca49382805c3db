import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logging/logger';
import { MALFORMED_ADDRESS, readRequestUrl } from './request-url';

export interface RouteRequest {
  url: URL;
  headers: IncomingMessage['headers'];
  /** Captures of the route's pattern, decoded. */
  params: string[];
  body: Buffer;
}

export interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  /**
   * True for a route whose callers cannot carry the API token (Telegram's webhook deliveries);
   * the route proves its caller itself (the bot's secret header).
   */
  checksItsOwnCaller?: boolean;
  handle(request: RouteRequest): Promise<{ status: number; body: unknown }> | { status: number; body: unknown };
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * The desk's own HTTP door for other systems (health now; intake webhooks and queue later):
 * loopback only, and every request must carry the API token (Bearer header or `?token=`).
 */
export async function startLocalHttpServer(options: {
  port: number;
  token: string;
  routes: Route[];
  logger: Logger;
}): Promise<{ url: string; close(): Promise<void> }> {
  const log = options.logger.child({ scope: 'http' });
  const expected = Buffer.from(options.token);

  const authorized = (request: IncomingMessage, url: URL) => {
    const header = request.headers.authorization?.replace(/^Bearer\s+/i, '');
    const given = Buffer.from(header ?? url.searchParams.get('token') ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(body));
  };

  const server = createServer((request, response) => {
    const target = readRequestUrl(request.url);
    if (!target) return send(response, 400, { error: MALFORMED_ADDRESS });
    const { url, path } = target;
    const route = options.routes.find((r) => r.method === request.method && r.path.test(path));
    if (!route?.checksItsOwnCaller && !authorized(request, url)) {
      return send(response, 401, { error: 'A valid API token is required (Authorization: Bearer <token>). It is shown in Settings → HTTP intake.' });
    }
    if (!route) return send(response, 404, { error: `No such endpoint: ${request.method} ${url.pathname}` });
    const params = route.path.exec(path)!.slice(1);
    readBody(request)
      .then((body) => route.handle({ url, headers: request.headers, params, body }))
      .then(({ status, body }) => send(response, status, body))
      .catch((error: unknown) => {
        if (error instanceof BodyTooLarge) return send(response, 413, { error: error.message });
        log.error({ err: error, path: url.pathname }, 'local API request failed');
        send(response, 500, { error: 'Internal error; see the desk log.' });
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `Port ${options.port} is already in use; choose another for HTTP intake in Settings.` : error.message)),
    );
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  log.info({ url }, 'local API listening');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge(`The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
