import type { Api } from 'grammy';
import { DeskError } from '../../../shared/contract/result';
import type { BotView, ConnectionState } from '../../../shared/domain/connections';
import { announceIngest } from '../inbox/ingest/announce';
import type { IngestResult } from '../inbox/ingest/store-incoming';
import type { BotsService, ConnectionDeps } from '../telegram/connection-service';
import { classifyBotApiError, createBotApi } from '../telegram/bots/bot-api';
import { checkBotToken } from './add-bot';
import { botHealth, botView } from './bot-view';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './polling/backoff';
import { BotPoller } from './polling/bot-poller';
import { deleteBot, findBot, findBotByTelegramId, insertBot, listBots, setBotEnabled, type BotRecord } from './store/bot-repo';
import { storeUpdates } from './store/store-updates';
import { NOT_ACCEPTING, parseWebhookBody, type WebhookResponse } from './webhook/handle-webhook';
import { secretMatches, webhookSecret } from './webhook/webhook-secret';
import { WebhookRegistration } from './webhook/webhook-registration';

export interface BotsServiceOptions {
  /** How long one getUpdates may be held; tests pass a second or two. */
  pollTimeoutSeconds?: number;
  backoff?: BackoffPolicy;
  /** The least time between two empty polls (see PollerOptions); a second unless a test says otherwise. */
  emptyPollGapMs?: number;
  /**
   * Where Telegram should deliver one bot's updates in webhook mode (the local HTTP server's
   * route that calls `handleWebhook`); null while that server is not listening.
   */
  webhookUrl?: (botId: number) => string | null;
}

export interface BotsServiceWithWebhook extends BotsService {
  /** For the local HTTP server: one POST from Telegram to a bot's webhook route. */
  handleWebhook(botId: number, secretHeader: string | null | undefined, body: string | Buffer): WebhookResponse;
  /** The Bot API client of an online bot (the outbox sends through it); null otherwise. */
  api(botId: number): Api | null;
}

const DEFAULT_EMPTY_POLL_GAP_MS = 1_000;

type Runner = BotPoller | WebhookRegistration;

const NO_WEBHOOK_URL = 'Webhook mode needs the local HTTP server to be on (Settings → HTTP intake); use polling mode otherwise.';

export function createBotsService(deps: ConnectionDeps, options: BotsServiceOptions = {}): BotsServiceWithWebhook {
  const { db, clock, events } = deps;
  const log = deps.logger.child({ scope: 'bots' });
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const runners = new Map<number, Runner>();
  const apis = new Map<number, Api>();
  const states = new Map<number, ConnectionState>();

  const stateOf = (id: number): ConnectionState => states.get(id) ?? { status: 'stopped' };
  const need = (id: number): BotRecord => {
    const bot = findBot(db, id);
    if (!bot) throw new DeskError('not_found', `There is no bot ${id}; it may have been removed.`);
    return bot;
  };
  const view = (bot: BotRecord): BotView => botView(bot, stateOf(bot.id));

  function setState(id: number, state: ConnectionState): void {
    states.set(id, state);
    const bot = findBot(db, id);
    if (bot) events.emit({ type: 'bots.changed', payload: botView(bot, state) });
  }

  const announce = (result: IngestResult) => {
    if (result.messages.length > 0) events.emit({ type: 'messages.received', payload: { messages: result.messages } });
    announceIngest(events, db, result);
  };

  function launch(bot: BotRecord): void {
    const token = deps.secrets.decrypt(bot.tokenEnc);
    const api: Api = createBotApi(token, deps.telegram.botApiRoot);
    const onState = (state: ConnectionState) => {
      if (runners.get(bot.id) === runner) setState(bot.id, state);
    };
    let runner: Runner;
    if (bot.mode === 'polling') {
      runner = new BotPoller({
        api,
        bot,
        db,
        clock,
        log,
        timeoutSeconds: options.pollTimeoutSeconds ?? 25,
        backoff,
        emptyPollGapMs: options.emptyPollGapMs ?? DEFAULT_EMPTY_POLL_GAP_MS,
        onState,
        onStored: announce,
      });
    } else {
      const url = options.webhookUrl?.(bot.id) ?? null;
      if (url === null) return setState(bot.id, { status: 'error', reason: NO_WEBHOOK_URL });
      runner = new WebhookRegistration({ api, botId: bot.id, url, secret: webhookSecret(token), clock, log, backoff, onState });
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
    deleteBot(db, id);
    states.delete(id);
    deps.audit({ actor, action: 'bots.remove', target: `bot:${id}`, details: { username: bot.username } });
    events.emit({ type: 'bots.removed', payload: { id } });
    return { removed: true };
  }

  /** So Telegram stops posting to a route that no longer has a bot behind it; best effort. */
  async function forgetWebhook(bot: BotRecord): Promise<void> {
    try {
      await createBotApi(deps.secrets.decrypt(bot.tokenEnc), deps.telegram.botApiRoot).deleteWebhook();
    } catch (error) {
      // The classified reason, not the error: grammY's network errors wrap a message that holds the token.
      log.warn({ botId: bot.id, failure: classifyBotApiError(error) }, 'could not delete the webhook of a removed bot');
    }
  }

  async function add(input: { token: string; mode: 'polling' | 'webhook' }, actor: string): Promise<BotView> {
    // Everything is checked before anything is stored.
    const checked = await checkBotToken(input.token, deps.telegram.botApiRoot, clock);
    if (findBotByTelegramId(db, checked.telegramBotId)) throw new DeskError('conflict', `@${checked.username} is already added.`);
    if (input.mode === 'webhook' && !options.webhookUrl) throw new DeskError('unavailable', NO_WEBHOOK_URL);
    const bot = insertBot(db, { ...checked, tokenEnc: deps.secrets.encrypt(input.token), mode: input.mode }, clock.now());
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
      const stored = storeUpdates(db, bot, [parsed.update], clock.now());
      announce(stored);
      return { status: 200, body: { ok: true } };
    } catch (error) {
      log.error({ err: error, botId }, 'storing a webhook update failed');
      return { status: 500, body: { error: 'The update could not be stored; Telegram will deliver it again.' } };
    }
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
    },
    startAll,
    stopAll,
    async restartAll() {
      await stopAll();
      const enabled = listBots(db).filter((b) => b.enabled);
      for (const bot of enabled) launch(bot);
      return enabled.length;
    },
    health: () => listBots(db).map((bot) => botHealth(bot, stateOf(bot.id))),
    handleWebhook,
    api: (botId) => (stateOf(botId).status === 'online' ? (apis.get(botId) ?? null) : null),
  };
}
