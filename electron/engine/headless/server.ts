import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { WS_PATH } from '../../../shared/contract/transport';
import { LOCAL_OPERATOR, type Engine } from '../engine';
import { MALFORMED_ADDRESS, readRequestUrl } from '../http/request-url';
import type { Logger } from '../logging/logger';
import { loginPage } from './login-page';
import { LOGIN_CSP, securityHeaders } from './security-headers';
import { createSessionAuth } from './session-auth';
import { createFairCalls } from './fair-calls';
import { createStaticFiles, sendWindowFile } from './static-files';
import { MAX_WAITING_CALLS, serveContract } from './ws-transport';

export interface HeadlessServerOptions {
  engine: Engine;
  logger: Logger;
  rendererDir: string;
  host: string;
  port: number;
  /** Binding anything but loopback exposes the desk to the network; it must be asked for. */
  allowRemote: boolean;
}

export interface HeadlessServer {
  /** The base address, e.g. http://127.0.0.1:47800 */
  readonly origin: string;
  /** A fresh one-time sign-in link. */
  issueLoginUrl(): string;
  close(): Promise<void>;
}

/** Enough for a window's parallel loads and a few slow Telegram calls; more wait their turn. */
const CALLS_PER_WINDOW = 8;

export class HeadlessStartError extends Error {}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  if (!isLoopback(options.host) && !options.allowRemote) {
    throw new HeadlessStartError(
      `Refusing to listen on ${options.host}: headless mode only binds loopback (127.0.0.1) unless started with --allow-remote.`,
    );
  }
  const auth = createSessionAuth();
  const files = createStaticFiles(options.rendererDir);
  const log = options.logger.child({ scope: 'headless' });
  let origin = '';

  const server = createServer((request, response) => {
    try {
      handleHttp(request, response);
    } catch (error) {
      log.error({ err: error, path: request.url?.split('?')[0] }, 'request failed');
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end('Internal error; see the log.');
    }
  });

  function handleHttp(request: IncomingMessage, response: ServerResponse): void {
    if (!hostAllowed(request)) {
      response.writeHead(421, { 'Content-Type': 'text/plain' }).end('Unknown host name.');
      return;
    }
    const target = readRequestUrl(request.url);
    if (!target) {
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end(MALFORMED_ADDRESS);
      return;
    }
    const { url, path } = target;
    const token = url.searchParams.get('token');
    if (token !== null) {
      const session = auth.redeem(token.trim());
      if (!session) {
        log.warn('a sign-in link was refused (unknown or already used)');
        sendLogin(response, 'bad_token', 401);
        return;
      }
      log.info('a browser signed in');
      response.writeHead(303, { Location: '/', 'Set-Cookie': auth.cookieFor(session), 'Cache-Control': 'no-store' }).end();
      return;
    }
    if (!auth.isSignedIn(request)) {
      sendLogin(response, 'none', 401);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    sendWindowFile(files, path, request, response);
  }

  function sendLogin(response: ServerResponse, problem: 'none' | 'bad_token', status: number): void {
    response
      .writeHead(status, { ...securityHeaders(LOGIN_CSP), 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      .end(loginPage(problem));
  }

  /** Only our own address may be used, so another site cannot reach us by DNS rebinding. */
  function hostAllowed(request: IncomingMessage): boolean {
    if (options.allowRemote) return true;
    const host = request.headers.host ?? '';
    const port = (server.address() as AddressInfo).port;
    return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${options.host}:${port}`].includes(host);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const calls = createFairCalls(CALLS_PER_WINDOW, MAX_WAITING_CALLS);
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://desk');
    // A page from another site may open a WebSocket to us; only our own pages may.
    const sameOrigin = request.headers.origin === `http://${request.headers.host}`;
    if (url.pathname !== WS_PATH || !hostAllowed(request) || !sameOrigin || !auth.isSignedIn(request)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      log.info('window connected');
      ws.on('close', () => log.info('window disconnected'));
      // Headless mode's one sign-in is the desk's own admin.
      serveContract(ws, options.engine, log, calls, { viewer: LOCAL_OPERATOR, resolve: () => ({ ok: true, ctx: LOCAL_OPERATOR }) });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new HeadlessStartError(
          error.code === 'EADDRINUSE'
            ? `Port ${options.port} on ${options.host} is already in use. Stop the other program or pass --port 0 to use any free port.`
            : `Cannot listen on ${options.host}:${options.port}: ${error.message}`,
        ),
      );
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${shownHost}:${address.port}`;

  return {
    origin,
    issueLoginUrl: () => `${origin}/?token=${auth.issueToken()}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
