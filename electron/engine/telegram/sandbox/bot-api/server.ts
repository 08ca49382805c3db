import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { LIMITS } from '../world/limits';
import type { SandboxWorld } from '../world/world';
import type { SandboxBot } from '../world/types';
import { BotApiError } from './errors';
import { FaultInjector, type BotApiFaults } from './faults/faults';
import { serveFile } from './files/download';
import { Params } from './http/params';
import { readRequest } from './http/read-request';
import { sendError, sendOk, sendRaw } from './http/respond';
import { RateLimiter } from './limits/rate-limiter';
import { TELEGRAM_BOT_LIMITS, type BotApiLimits } from './limits/rate-limits';
import { Described, type FileLimits } from './methods/context';
import { findMethod } from './methods/registry';
import { BotStates, type BotApiSnapshot } from './updates/bot-state';
import { updatesFromEvent } from './updates/from-world';
import { PublicAddresses } from './updates/public-addresses';
import { DEFAULT_WEBHOOK_RETRY, type WebhookRetry } from './updates/webhook';

export interface BotApiServerOptions {
  world: SandboxWorld;
  limits?: BotApiLimits;
  faults?: BotApiFaults;
  webhookRetry?: WebhookRetry;
  host?: string;
  /**
   * Behaves as a local Bot API server (telegram-bot-api --local): uploads up to 2,000 MB and
   * downloads of any size. Unlike a real one it still serves files over HTTP rather than
   * handing out a path on its own disk.
   */
  local?: boolean;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A method that failed for a reason other than a Telegram rule (a sandbox bug). */
  onInternalError?: (error: unknown) => void;
  /** What an earlier door on this world left (see `snapshot()`). */
  restored?: BotApiSnapshot;
  /** Runs after a method took effect and before its answer leaves, so a durable store can write first. */
  beforeAnswer?: () => void;
}

export interface BotApiServer {
  /** What a client takes as its API root, e.g. http://127.0.0.1:PORT. */
  url: string;
  setLimits(limits: BotApiLimits): void;
  setFaults(faults: BotApiFaults): void;
  /** Updates waiting for a bot (not yet confirmed by getUpdates or delivered to its webhook). */
  pendingUpdateCount(botId: number): number;
  /** A getUpdates of the bot is being held open (long polling), so tests wait on it, not on time. */
  isPollHeld(botId: number): boolean;
  /**
   * Declares that a public HTTPS base (e.g. https://desk.example.org) forwards to a local one
   * (http://127.0.0.1:PORT), as the bot owner's reverse proxy would; null stops forwarding.
   * Webhooks can be set only on declared hosts, as Telegram refuses hosts it cannot resolve.
   */
  forwardWebhooks(publicBase: string, localBase: string | null): void;
  /** Unconfirmed updates and allowed_updates per bot, for a later door to continue from. */
  snapshot(): BotApiSnapshot;
  close(): Promise<void>;
}

const notFound = () => new BotApiError(404, 'Not Found');
const SERVER_ERRORS = { 500: 'Internal Server Error', 502: 'Bad Gateway' } as const;

/** The Bot API front door: an HTTP server on loopback that real Bot API clients run against. */
export async function createBotApiServer(options: BotApiServerOptions): Promise<BotApiServer> {
  const { world } = options;
  const states = new BotStates(world, options.restored);
  const limiter = new RateLimiter(world.clock, options.limits ?? TELEGRAM_BOT_LIMITS);
  const faults = new FaultInjector(options.faults ?? {}, world.random);
  const webhookRetry = options.webhookRetry ?? DEFAULT_WEBHOOK_RETRY;
  const publicAddresses = new PublicAddresses();
  const fileLimits: FileLimits = options.local
    ? { uploadBytes: LIMITS.localBotUploadBytes, downloadBytes: Number.POSITIVE_INFINITY }
    : { uploadBytes: LIMITS.botUploadBytes, downloadBytes: LIMITS.botDownloadBytes };
  const onInternalError = options.onInternalError ?? ((error: unknown) => console.error('Bot API sandbox:', error));

  const unsubscribe = world.subscribe((event) => {
    for (const update of updatesFromEvent(world, event)) states.get(update.botId).queue.push(update.type, update.payload);
  });

  async function callMethod(bot: SandboxBot, methodName: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = findMethod(methodName);
    if (!method) return sendError(res, notFound());
    const latency = faults.latencyMs();
    if (latency > 0) await delay(latency);
    const input = await readRequest(req, url, fileLimits.uploadBytes);
    const failure = faults.serverError(methodName);
    if (failure) return sendError(res, new BotApiError(failure, SERVER_ERRORS[failure]));
    const foreign = faults.foreignError(methodName);
    if (foreign) return sendRaw(res, foreign);

    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) abort.abort();
    });
    const result = await method({ world, bot, state: states.get(bot.id), params: new Params(input), limiter, webhookRetry, publicAddresses, fileLimits, signal: abort.signal });
    options.beforeAnswer?.();
    if (faults.loseResponse(methodName)) {
      req.socket.destroy();
      return;
    }
    if (result instanceof Described) sendOk(res, result.result, result.description);
    else sendOk(res, result);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const route = url.pathname.match(/^\/(file\/)?bot([^/]+)\/(.+)$/);
    if (!route) return sendError(res, notFound());
    const [, isFile, token, rest] = route;
    const bot = world.botByToken(decodeURIComponent(token!));
    if (!bot) return sendError(res, new BotApiError(401, 'Unauthorized'));
    if (isFile) return serveFile(world, decodeURIComponent(rest!), res, fileLimits.downloadBytes);
    return callMethod(bot, rest!, req, res, url);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!(error instanceof BotApiError)) onInternalError(error);
      if (res.headersSent || res.destroyed) return;
      sendError(res, error instanceof BotApiError ? error : new BotApiError(500, SERVER_ERRORS[500]));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;

  return {
    url: `http://${address}:${port}`,
    setLimits: (limits) => limiter.setLimits(limits),
    setFaults: (next) => faults.set(next),
    pendingUpdateCount: (botId) => states.get(botId).queue.size(),
    isPollHeld: (botId) => states.get(botId).poll !== null,
    forwardWebhooks: (publicBase, localBase) => publicAddresses.forward(publicBase, localBase),
    snapshot: () => states.snapshot(),
    async close() {
      unsubscribe();
      states.closeAll(new BotApiError(500, SERVER_ERRORS[500]));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
