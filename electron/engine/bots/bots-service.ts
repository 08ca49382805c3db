import type { Api } from 'grammy';
import { DeskError } from '../../../shared/contract/result';
import { CLOUD_BOT_FILE_LIMITS, OWN_SERVER_BOT_FILE_LIMITS, type BotEndpoints, type WebhookHealth } from '../../../shared/domain/bot-endpoints';
import type { BotView, ConnectionState } from '../../../shared/domain/connections';
import type { InboundPipeline } from '../inbound/run-consumers';
import type { BotsService, ConnectionDeps } from '../telegram/connection-service';
import { classifyBotApiError, createBotApi } from '../telegram/bots/bot-api';
import type { BotServer } from '../telegram/bots/bot-server';
import { checkBotToken } from './add-bot';
import { checkApiServerAnswers, checkApiServerWithBot } from './api-server-check';
import { botHealth, botView } from './bot-view';
import { BOT_BACKOFF, type BackoffOptions } from '../platform/backoff';
import { BotPoller } from './polling/bot-poller';
import { deleteBot, findBot, findBotByTelegramId, insertBot, listBots, setBotApiServer, setBotEnabled, setBotMode, type BotMode, type BotRecord } from './store/bot-repo';
import { readAppApiServer, readWebhookBase, writeAppApiServer, writeWebhookBase } from './store/endpoints-repo';
import { storeUpdates } from './store/store-updates';
import { NOT_ACCEPTING, parseWebhookBody, webhookPath, type WebhookResponse } from './webhook/handle-webhook';
import { secretMatches, webhookSecret } from './webhook/webhook-secret';
import { DEFAULT_WEBHOOK_CHECK_MS, WebhookRegistration } from './webhook/webhook-registration';

export interface BotsServiceOptions {
  /** How long one getUpdates may be held; tests pass a second or two. */
  pollTimeoutSeconds?: number;
  backoff?: BackoffOptions;
  /** The least time between two empty polls (see PollerOptions); a second unless a test says otherwise. */
  emptyPollGapMs?: number;
  /**
   * Where the desk receives webhook deliveries (the local HTTP server, whose route calls
   * `handleWebhook`); null while that server is off. The operator's public HTTPS address
   * forwards to it.
   */
  localWebhookBase?: () => string | null;
  /**
   * Told which public address forwards to the local server before a webhook is set; the
   * sandbox workspace stands in for the operator's reverse proxy with it.
   */
  forwardPublicAddress?: (publicBase: string, localBase: string) => void;
  /** How often a webhook bot asks getWebhookInfo whether deliveries work. */
  webhookCheckEveryMs?: number;
}

export interface BotsServiceWithWebhook extends BotsService {
  /** For the local HTTP server: one POST from Telegram to a bot's webhook route (no API token: the secret header proves it). */
  handleWebhook(botId: number, secretHeader: string | null | undefined, body: string | Buffer): WebhookResponse;
  /** The Bot API server a bot talks to (its own, the app-wide one, or the environment's) and its file limits. */
  serverOf(botId: number): BotServer;
  /** The Bot API client of an online bot (the outbox sends through it); null otherwise. */
  api(botId: number): Api | null;
}

const DEFAULT_EMPTY_POLL_GAP_MS = 1_000;

type Runner = BotPoller | WebhookRegistration;

const NO_PUBLIC_ADDRESS =
  'Webhook mode needs a public HTTPS address that forwards to this desk (Settings → Bots and Telegram). Telegram cannot reach 127.0.0.1; use polling mode otherwise.';
const NO_LOCAL_SERVER = 'Webhook mode needs HTTP intake on (Settings → HTTP intake): the public address forwards to it. Use polling mode otherwise.';

export function createBotsService(deps: ConnectionDeps, options: BotsServiceOptions = {}): BotsServiceWithWebhook {
  const { db, clock, events } = deps;
  const log = deps.logger.child({ scope: 'bots' });
  const backoff = options.backoff ?? BOT_BACKOFF;
  const runners = new Map<number, Runner>();
  const apis = new Map<number, Api>();
  const states = new Map<number, ConnectionState>();
  const webhookHealth = new Map<number, WebhookHealth>();
  const pipeline: InboundPipeline = { consumers: deps.consumers, logger: log };

  const stateOf = (id: number): ConnectionState => states.get(id) ?? { status: 'stopped' };
  const need = (id: number): BotRecord => {
    const bot = findBot(db, id);
    if (!bot) throw new DeskError('not_found', `There is no bot ${id}; it may have been removed.`);
    return bot;
  };
  /**
   * The bot's own Bot API server, else the app-wide one, else the environment's (Telegram or
   * the sandbox). An operator's own server is taken to be a local one, with its file limits.
   */
  function serverOf(id: number): BotServer {
    const chosen = findBot(db, id)?.apiServer ?? readAppApiServer(db);
    return chosen === null ? { apiRoot: deps.telegram.botApiRoot, limits: CLOUD_BOT_FILE_LIMITS } : { apiRoot: chosen, limits: OWN_SERVER_BOT_FILE_LIMITS };
  }
  const apiRootOf = (id: number) => serverOf(id).apiRoot;
  const view = (bot: BotRecord): BotView =>
    botView(bot, stateOf(bot.id), {
      apiServer: bot.apiServer,
      fileLimits: serverOf(bot.id).limits,
      webhook: bot.mode === 'webhook' ? (webhookHealth.get(bot.id) ?? null) : null,
    });
  const announceBot = (id: number) => {
    const bot = findBot(db, id);
    if (bot) events.emit({ type: 'bots.changed', payload: view(bot) });
  };

  function setState(id: number, state: ConnectionState): void {
    states.set(id, state);
    announceBot(id);
    if (state.status === 'online') deps.domainEvents.emit('connection.online', { kind: 'bot', id });
  }

  /** Where Telegram delivers this bot's updates, or why webhook mode cannot run now. */
  function webhookTarget(botId: number): { url: string } | { unavailable: string } {
    const publicBase = readWebhookBase(db);
    if (publicBase === null) return { unavailable: NO_PUBLIC_ADDRESS };
    const localBase = options.localWebhookBase?.() ?? null;
    if (localBase === null) return { unavailable: NO_LOCAL_SERVER };
    options.forwardPublicAddress?.(publicBase, localBase);
    return { url: publicBase + webhookPath(botId) };
  }

  function endpoints(): BotEndpoints {
    return { webhookBaseUrl: readWebhookBase(db), apiServer: readAppApiServer(db), localWebhookBase: options.localWebhookBase?.() ?? null };
  }

  function launch(bot: BotRecord): void {
    const token = deps.secrets.decrypt(bot.tokenEnc);
    const api: Api = createBotApi(token, apiRootOf(bot.id));
    const onState = (state: ConnectionState) => {
      if (runners.get(bot.id) === runner) setState(bot.id, state);
    };
    let runner: Runner;
    if (bot.mode === 'polling') {
      runner = new BotPoller({
        api,
        bot,
        db,
        pipeline,
        clock,
        log,
        timeoutSeconds: options.pollTimeoutSeconds ?? 25,
        backoff,
        emptyPollGapMs: options.emptyPollGapMs ?? DEFAULT_EMPTY_POLL_GAP_MS,
        onState,
      });
    } else {
      const target = webhookTarget(bot.id);
      if ('unavailable' in target) return setState(bot.id, { status: 'error', reason: target.unavailable });
      const onHealth = (health: WebhookHealth) => {
        if (runners.get(bot.id) !== runner) return;
        webhookHealth.set(bot.id, health);
        announceBot(bot.id);
      };
      const checkEveryMs = options.webhookCheckEveryMs ?? DEFAULT_WEBHOOK_CHECK_MS;
      runner = new WebhookRegistration({ api, botId: bot.id, url: target.url, secret: webhookSecret(token), clock, log, backoff, checkEveryMs, onState, onHealth });
    }
    runners.set(bot.id, runner);
    apis.set(bot.id, api);
    // A runner that ended on its own (token revoked, polled elsewhere) leaves its error state shown.
    void runner.finished().then(() => {
      if (runners.get(bot.id) === runner && stateOf(bot.id).status !== 'online') runners.delete(bot.id);
    });
  }

  async function halt(id: number): Promise<void> {
    const runner = runners.get(id);
    runners.delete(id);
    apis.delete(id);
    await runner?.stop();
  }

  async function start(id: number, actor: string | null): Promise<BotView> {
    const bot = need(id);
    if (actor) deps.audit({ actor, action: 'bots.start', target: `bot:${id}` });
    if (!bot.enabled) setBotEnabled(db, id, true, clock.now());
    if (!runners.has(id)) launch(need(id));
    return view(need(id));
  }

  async function stop(id: number, actor: string): Promise<BotView> {
    need(id);
    deps.audit({ actor, action: 'bots.stop', target: `bot:${id}` });
    await halt(id);
    setBotEnabled(db, id, false, clock.now());
    setState(id, { status: 'stopped' });
    return view(need(id));
  }

  async function remove(id: number, actor: string): Promise<{ removed: true }> {
    const bot = need(id);
    await halt(id);
    if (bot.mode === 'webhook') await forgetWebhook(bot);
    deleteBot(db, bot, clock.now());
    states.delete(id);
    webhookHealth.delete(id);
    deps.audit({ actor, action: 'bots.remove', target: `bot:${id}`, details: { username: bot.username } });
    events.emit({ type: 'bots.removed', payload: { id } });
    deps.domainEvents.emit('connection.removed', { kind: 'bot', id });
    return { removed: true };
  }

  /** So Telegram stops posting to a route that no longer has a bot behind it; best effort. */
  async function forgetWebhook(bot: BotRecord): Promise<void> {
    try {
      await createBotApi(deps.secrets.decrypt(bot.tokenEnc), apiRootOf(bot.id)).deleteWebhook();
    } catch (error) {
      // The classified reason, not the error: grammY's network errors wrap a message that holds the token.
      log.warn({ botId: bot.id, failure: classifyBotApiError(error) }, 'could not delete the webhook of a bot leaving webhook mode');
    }
  }

  /** Refuses webhook mode while Telegram could not reach the desk (no public address, intake off). */
  function requireWebhookTarget(): void {
    const target = webhookTarget(0);
    if ('unavailable' in target) throw new DeskError('unavailable', target.unavailable);
  }

  async function add(input: { token: string; mode: BotMode; apiServer?: string | null }, actor: string): Promise<BotView> {
    // Everything is checked before anything is stored; getMe goes through the bot's server, which proves it works.
    if (input.mode === 'webhook') requireWebhookTarget();
    const ownServer = input.apiServer ?? null;
    // Named as the server's fault, not the token's, when the server is what is wrong.
    if (ownServer !== null) await checkApiServerAnswers(ownServer);
    const checked = await checkBotToken(input.token, ownServer ?? readAppApiServer(db) ?? deps.telegram.botApiRoot, clock);
    if (findBotByTelegramId(db, checked.telegramBotId)) throw new DeskError('conflict', `@${checked.username} is already added.`);
    const bot = insertBot(db, { ...checked, tokenEnc: deps.secrets.encrypt(input.token), mode: input.mode, apiServer: ownServer }, clock.now());
    deps.audit({ actor, action: 'bots.add', target: `bot:${bot.id}`, details: { username: bot.username, mode: bot.mode } });
    log.info({ botId: bot.id, username: bot.username, mode: bot.mode }, 'bot added');
    setState(bot.id, { status: 'stopped' });
    return start(bot.id, null);
  }

  function handleWebhook(botId: number, secretHeader: string | null | undefined, body: string | Buffer): WebhookResponse {
    const runner = runners.get(botId);
    if (!(runner instanceof WebhookRegistration) || !runner.accepting) return NOT_ACCEPTING;
    if (!secretMatches(runner.secret, secretHeader)) return { status: 401, body: { error: 'The X-Telegram-Bot-Api-Secret-Token header is missing or wrong.' } };
    const parsed = parseWebhookBody(body);
    if ('error' in parsed) return { status: 400, body: { error: parsed.error } };
    const bot = need(botId);
    try {
      const afterCommit = storeUpdates(db, pipeline, bot, [parsed.update], clock.now());
      runner.delivered();
      afterCommit();
      return { status: 200, body: { ok: true } };
    } catch (error) {
      log.error({ err: error, botId }, 'storing a webhook update failed');
      return { status: 500, body: { error: 'The update could not be stored; Telegram will deliver it again.' } };
    }
  }

  /** Starts a running bot again so a new mode or server takes effect. */
  async function relaunch(id: number): Promise<void> {
    if (!runners.has(id)) return;
    await halt(id);
    launch(need(id));
  }

  async function configure(input: { id: number; mode?: BotMode; apiServer?: string | null }, actor: string): Promise<BotView> {
    const bot = need(input.id);
    const mode = input.mode ?? bot.mode;
    if (mode === 'webhook' && bot.mode !== 'webhook') requireWebhookTarget();
    if (input.apiServer) await checkApiServerWithBot(input.apiServer, deps.secrets.decrypt(bot.tokenEnc), bot.username);
    deps.audit({ actor, action: 'bots.configure', target: `bot:${bot.id}`, details: { mode, ownApiServer: input.apiServer !== undefined ? input.apiServer !== null : null } });
    const running = runners.has(bot.id);
    await halt(bot.id);
    // Polling is refused while a webhook is set, so leaving webhook mode deletes it first.
    if (bot.mode === 'webhook' && mode === 'polling') await forgetWebhook(bot);
    db.transaction(() => {
      setBotMode(db, bot.id, mode, clock.now());
      if (input.apiServer !== undefined) setBotApiServer(db, bot.id, input.apiServer, clock.now());
    })();
    webhookHealth.delete(bot.id);
    if (running) launch(need(bot.id));
    else announceBot(bot.id);
    return view(need(bot.id));
  }

  async function setEndpoints(input: { webhookBaseUrl?: string | null; apiServer?: string | null }, actor: string): Promise<BotEndpoints> {
    const before = endpoints();
    const bots = listBots(db);
    if (input.webhookBaseUrl === null) {
      const webhookBots = bots.filter((b) => b.mode === 'webhook').map((b) => `@${b.username}`);
      if (webhookBots.length > 0) {
        throw new DeskError('conflict', `webhookBaseUrl: ${webhookBots.join(', ')} use webhook mode and need the address; switch them to polling first.`);
      }
    }
    const onAppServer = bots.filter((b) => b.apiServer === null);
    if (input.apiServer) {
      // Every bot that would use the new server must be able to reach Telegram through it.
      for (const bot of onAppServer) await checkApiServerWithBot(input.apiServer, deps.secrets.decrypt(bot.tokenEnc), bot.username);
      if (onAppServer.length === 0) await checkApiServerAnswers(input.apiServer);
    }
    db.transaction(() => {
      if (input.webhookBaseUrl !== undefined) writeWebhookBase(db, input.webhookBaseUrl);
      if (input.apiServer !== undefined) writeAppApiServer(db, input.apiServer);
    })();
    const after = endpoints();
    deps.audit({ actor, action: 'bots.setEndpoints', target: null, details: { webhookBaseUrl: after.webhookBaseUrl, apiServer: after.apiServer } });
    events.emit({ type: 'bots.endpointsChanged', payload: after });
    const baseChanged = after.webhookBaseUrl !== before.webhookBaseUrl;
    const serverChanged = after.apiServer !== before.apiServer;
    for (const bot of bots) {
      if ((baseChanged && bot.mode === 'webhook') || (serverChanged && onAppServer.includes(bot))) await relaunch(bot.id);
      else if (serverChanged) announceBot(bot.id);
    }
    return after;
  }

  async function stopAll(): Promise<void> {
    const ids = [...runners.keys()];
    await Promise.all(ids.map(halt));
  }

  async function startAll(): Promise<void> {
    for (const bot of listBots(db)) if (bot.enabled && !runners.has(bot.id)) launch(bot);
  }

  return {
    handlers: {
      'bots.list': () => ({ bots: listBots(db).map(view) }),
      'bots.add': (input, ctx) => add(input, ctx.actor),
      'bots.start': (input, ctx) => start(input.id, ctx.actor),
      'bots.stop': (input, ctx) => stop(input.id, ctx.actor),
      'bots.remove': (input, ctx) => remove(input.id, ctx.actor),
      'bots.configure': (input, ctx) => configure(input, ctx.actor),
      'bots.endpoints': () => endpoints(),
      'bots.setEndpoints': (input, ctx) => setEndpoints(input, ctx.actor),
    },
    startAll,
    stopAll,
    async restartAll() {
      await stopAll();
      const enabled = listBots(db).filter((b) => b.enabled);
      for (const bot of enabled) launch(bot);
      return enabled.length;
    },
    retryNow() {
      for (const runner of runners.values()) runner.retryNow();
    },
    health: () => listBots(db).map((bot) => botHealth(bot, stateOf(bot.id))),
    handleWebhook,
    serverOf,
    api: (botId) => (stateOf(botId).status === 'online' ? (apis.get(botId) ?? null) : null),
  };
}
