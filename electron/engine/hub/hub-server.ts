import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { WS_PATH } from '../../../shared/contract/transport';
import { createFairCalls } from '../headless/fair-calls';
import { LOGIN_CSP, securityHeaders } from '../headless/security-headers';
import { readCookie } from '../headless/session-auth';
import { createStaticFiles, sendWindowFile } from '../headless/static-files';
import { endSession, MAX_WAITING_CALLS, serveContract, type ContractPort } from '../headless/ws-transport';
import { MALFORMED_ADDRESS, readRequestUrl } from '../http/request-url';
import type { Logger } from '../logging/logger';
import type { HubSessions, SessionEndReason, SignInMeta, SignInOutcome } from '../operators/team-ports';
import type { Clock } from '../platform/clock';
import { SlidingWindows } from '../platform/sliding-window';
import type { HubCertificate } from './certificate';
import { FormTooLarge, readForm } from './form-body';
import { invitePage, noticePage, outcomeProblem, PAGE_TEXT, pageLanguages, signInPage, type PageLanguages } from './hub-pages';

export const HUB_COOKIE = 'desk_team_session';

/** Sign-in and invite forms one address may send: enough for typos, not for guessing passwords. */
export const FORM_POSTS_PER_ADDRESS = { count: 30, windowMs: 60_000 };

/** As in headless mode: a window's parallel loads and a few slow Telegram calls. */
const CALLS_PER_WINDOW = 8;
const MAX_USER_AGENT = 300;

export interface HubServerOptions {
  certificate: HubCertificate;
  host: string;
  port: number;
  contract: ContractPort;
  sessions: HubSessions;
  clock: Clock;
  logger: Logger;
  /** The built window; without it a signed-in operator is told it is not built. */
  rendererDir: string | undefined;
}

export interface HubServer {
  /** The port listened on (the one asked for, or the one given for 0). */
  readonly port: number;
  /** New connections get this certificate; open ones keep theirs. */
  setCertificate(certificate: HubCertificate): void;
  close(): Promise<void>;
}

/** Listening failed; the message says why in words an admin can act on. */
export class HubListenError extends Error {}

/**
 * The team's front door: TLS, the sign-in and invite pages (no scripts), the built window for a
 * signed-in operator, and the contract over a WebSocket whose every call is checked against the
 * operator's session.
 */
export async function startHubServer(options: HubServerOptions): Promise<HubServer> {
  const { sessions, clock } = options;
  const log = options.logger.child({ scope: 'hub' });
  const files = options.rendererDir ? createStaticFiles(options.rendererDir) : null;
  const formRate = new SlidingWindows();
  const socketsBySession = new Map<string, Set<WebSocket>>();

  const server = createServer({ cert: options.certificate.cert, key: options.certificate.key, minVersion: 'TLSv1.2' }, (request, response) => {
    handleHttp(request, response).catch((error: unknown) => {
      log.error({ err: error, path: request.url?.split('?')[0] }, 'request failed');
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end('Internal error; see the log.');
    });
  });
  // A client that does not trust the certificate yet (a browser before the click-through, a wrong pin) hangs up mid-handshake.
  server.on('tlsClientError', (error) => log.debug({ err: error }, 'a TLS handshake failed'));

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = readRequestUrl(request.url);
    if (!target) return void response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end(MALFORMED_ADDRESS);
    const languages = pageLanguages(request.headers['accept-language']);
    const { url, path } = target;

    if (request.method === 'POST') return handleForm(request, response, path, languages);
    if (request.method !== 'GET' && request.method !== 'HEAD') return void response.writeHead(405, { Allow: 'GET, HEAD, POST' }).end();

    if (path === '/invite') {
      const token = url.searchParams.get('token') ?? '';
      const invite = token ? sessions.inviteFor(token) : null;
      if (!invite) return sendPage(response, 410, noticePage(languages, PAGE_TEXT.unknownInvite));
      return sendPage(response, 200, invitePage(languages, { token, operatorName: invite.operatorName }, null));
    }

    const token = readCookie(request.headers.cookie, HUB_COOKIE);
    const who = token ? sessions.resolve(token) : null;
    if (!who?.ok) {
      // A cookie that no longer opens anything is cleared, so the browser stops sending it.
      return sendPage(response, 401, signInPage(languages, who ? { en: who.message, ru: 'Сеанс завершён; войдите снова.' } : null), token ? clearCookie() : undefined);
    }
    sendWindowFile(files, path, request, response);
  }

  async function handleForm(request: IncomingMessage, response: ServerResponse, path: string, languages: PageLanguages): Promise<void> {
    // The cookie is SameSite=Strict; refusing forms from other origins closes the rest of the CSRF door.
    if (!sameOrigin(request)) return sendPage(response, 403, noticePage(languages, PAGE_TEXT.foreignForm));
    const address = request.socket.remoteAddress ?? 'unknown';
    const waitMs = formRate.waitMs(address, FORM_POSTS_PER_ADDRESS, clock.now());
    if (waitMs > 0) {
      request.resume();
      return sendPage(response, 429, noticePage(languages, PAGE_TEXT.tooManyRequests(Math.ceil(waitMs / 1000))), undefined, { 'Retry-After': String(Math.ceil(waitMs / 1000)) });
    }
    formRate.record(address, FORM_POSTS_PER_ADDRESS, clock.now());
    let form: URLSearchParams;
    try {
      form = await readForm(request);
    } catch (error) {
      if (!(error instanceof FormTooLarge)) throw error;
      response.setHeader('Connection', 'close');
      return sendPage(response, 413, noticePage(languages, PAGE_TEXT.bodyTooLarge));
    }
    const meta: SignInMeta = { address, userAgent: request.headers['user-agent']?.slice(0, MAX_USER_AGENT) ?? null };

    if (path === '/sign-in') {
      const name = (form.get('name') ?? '').trim();
      const outcome = await sessions.signIn(name, form.get('password') ?? '', meta);
      if (!outcome.ok) log.info({ reason: outcome.reason }, 'a sign-in was refused');
      return outcome.ok ? signedIn(response, outcome) : sendPage(response, outcome.reason === 'throttled' ? 429 : 401, signInPage(languages, outcomeProblem(outcome), name));
    }
    if (path === '/invite') {
      const token = form.get('token') ?? '';
      const invite = token ? sessions.inviteFor(token) : null;
      if (!invite) return sendPage(response, 410, noticePage(languages, PAGE_TEXT.unknownInvite));
      const password = form.get('password') ?? '';
      if (password !== form.get('repeat')) return sendPage(response, 400, invitePage(languages, { token, operatorName: invite.operatorName }, PAGE_TEXT.passwordsDiffer));
      const outcome = await sessions.acceptInvite(token, password, meta);
      if (outcome.ok) return signedIn(response, outcome);
      return outcome.reason === 'unknown_invite'
        ? sendPage(response, 410, noticePage(languages, PAGE_TEXT.unknownInvite))
        : sendPage(response, 400, invitePage(languages, { token, operatorName: invite.operatorName }, outcomeProblem(outcome)));
    }
    if (path === '/sign-out') {
      const token = readCookie(request.headers.cookie, HUB_COOKIE);
      if (token) {
        const who = sessions.resolve(token);
        sessions.signOut(token);
        if (who.ok && who.ctx.sessionId) closeSessionSockets(who.ctx.sessionId, 'signed_out');
      }
      return void response.writeHead(303, { Location: '/', 'Set-Cookie': clearCookie(), 'Cache-Control': 'no-store' }).end();
    }
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.');
  }

  function signedIn(response: ServerResponse, outcome: Extract<SignInOutcome, { ok: true }>): void {
    log.info({ operatorId: outcome.session.operatorId }, 'an operator signed in');
    const maxAge = Math.max(0, Math.floor((outcome.session.expiresAt - clock.now()) / 1000));
    response.writeHead(303, { Location: '/', 'Set-Cookie': `${HUB_COOKIE}=${outcome.token}; ${COOKIE_ATTRIBUTES}; Max-Age=${maxAge}`, 'Cache-Control': 'no-store' }).end();
  }

  function sendPage(response: ServerResponse, status: number, html: string, cookie?: string, extra: Record<string, string> = {}): void {
    response
      .writeHead(status, {
        ...securityHeaders(LOGIN_CSP),
        // "same-origin", not "no-referrer": with no referrer a browser sends `Origin: null` on the form's POST.
        'Referrer-Policy': 'same-origin',
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        ...(cookie ? { 'Set-Cookie': cookie } : {}),
        ...extra,
      })
      .end(html);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const calls = createFairCalls(CALLS_PER_WINDOW, MAX_WAITING_CALLS);
  server.on('upgrade', (request: IncomingMessage, socket, head) => {
    const refuse = (status: string) => socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    if (readRequestUrl(request.url)?.path !== WS_PATH) return refuse('404 Not Found');
    // A page from another site may open a WebSocket to us; only our own pages may.
    if (!sameOrigin(request)) return refuse('403 Forbidden');
    const token = readCookie(request.headers.cookie, HUB_COOKIE);
    const who = token ? sessions.resolve(token) : null;
    if (!token || !who?.ok || !who.ctx.sessionId) return refuse('401 Unauthorized');
    const { ctx } = who;
    const sessionId = who.ctx.sessionId;
    sockets.handleUpgrade(request, socket, head, (ws) => {
      const windowClosed = sessions.windowOpened(ctx.actor);
      const ofSession = socketsBySession.get(sessionId) ?? new Set();
      socketsBySession.set(sessionId, ofSession.add(ws));
      ws.on('close', () => {
        windowClosed();
        ofSession.delete(ws);
        if (ofSession.size === 0) socketsBySession.delete(sessionId);
      });
      serveContract(ws, options.contract, log, calls, { viewer: ctx, resolve: () => sessions.resolve(token) });
    });
  });

  function closeSessionSockets(sessionId: string, reason: SessionEndReason): void {
    for (const ws of socketsBySession.get(sessionId) ?? []) endSession(ws, reason);
  }
  const stopHearingEnds = sessions.onEnded((ended) => {
    // After the current turn: the call that ended the session (a sign-out) still gets its answer first.
    setImmediate(() => {
      for (const { sessionId, reason } of ended) closeSessionSockets(sessionId, reason);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      stopHearingEnds();
      reject(new HubListenError(listenProblem(error, options.host, options.port)));
    });
    server.listen(options.port, options.host, () => resolve());
  });

  return {
    port: (server.address() as AddressInfo).port,
    setCertificate: (certificate) => server.setSecureContext({ cert: certificate.cert, key: certificate.key, minVersion: 'TLSv1.2' }),
    close: () =>
      new Promise<void>((resolve) => {
        stopHearingEnds();
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const COOKIE_ATTRIBUTES = 'HttpOnly; Secure; SameSite=Strict; Path=/';

function clearCookie(): string {
  return `${HUB_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`;
}

function sameOrigin(request: IncomingMessage): boolean {
  return request.headers.host !== undefined && request.headers.origin === `https://${request.headers.host}`;
}

function listenProblem(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `Port ${port} on ${host} is already in use by another program. Choose another port for the team hub, or stop that program.`;
    case 'EACCES':
      return `This computer does not allow the desk to listen on port ${port}${port < 1024 ? ' (ports below 1024 need administrator rights)' : ''}. Choose a port from 1024 to 65535.`;
    case 'EADDRNOTAVAIL':
      return `${host} is not an address of this computer. Use 0.0.0.0 to listen on every address, or one this computer has.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The address ${host} cannot be found. Use an IP address of this computer, or 0.0.0.0 for every address.`;
    default:
      return `The team hub cannot listen on ${host}:${port}: ${error.message}`;
  }
}
