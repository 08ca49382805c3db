import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { fail, type CallResult } from '../../shared/contract/index';
import type { Workspace } from '../../shared/domain/settings';
import { LOCAL_OPERATOR_ID } from '../../shared/domain/operators';
import type { RunMode, SystemStatus } from '../../shared/domain/system';
import { guardTeamCalls } from './access/call-scopes';
import { createEventCutter } from './access/event-visibility';
import { recordAudit, type AuditRecord } from './audit/audit-repo';
import { createDispatcher, type CallContext, type EngineHandlers } from './contract/dispatcher';
import { createEventBus, type EventListener } from './contract/event-bus';
import { openStore, storeFile } from './db/open-store';
import type { EngineContext } from './engine-context';
import { logsHandlers } from './logging/handlers';
import { createLogging, type Logger } from './logging/logger';
import type { Clock } from './platform/clock';
import { DataDirError, ensureWritableDataDir } from './platform/data-dir';
import { createDiskGuard, diskFullAtStartMessage, isDiskFull } from './platform/disk-guard';
import { createDomainEventBus } from './platform/domain-events';
import type { Notifier } from './platform/notifier';
import { createAccountsService } from './accounts/accounts-service';
import { createBotsService } from './bots/bots-service';
import { createOperatorsService } from './operators/operators-service';
import { readTeamSettings } from './operators/team-settings-repo';
import { WEBHOOK_ROUTE } from './bots/webhook/handle-webhook';
import { createHttpApi } from './http/http-api';
import { createTeamHub } from './hub/team-hub';
import { composeDomains, unhandledMethods } from './domains/compose';
import type { DomainContext, DomainFactory } from './domains/domain-module';
import { DOMAINS } from './domains/index';
import type { InboundConsumer } from './inbound/inbound';
import { followSenders } from './outbox/follow-senders';
import { TELEGRAM_KINDS } from './outbox/kinds/index';
import { createOutbox } from './outbox/outbox';
import { announceBenches, outboxHandlers } from './outbox/outbox-handlers';
import { realScheduler } from './platform/scheduler';
import { healthRoute } from './http/health-route';
import { messagesHandlers } from './messages/handlers';
import { sandboxHandlers } from './sandbox-workspace/handlers';
import { botFlowsHandlers } from './bot-flows/handlers';
import { outboxBotActions } from './bot-flows/outbox-bot-actions';
import { createBotFlowRouter } from './bot-flows/router';
import { createSecretBox } from './secrets/secret-box';
import { retryWhenDiskHasRoom, type ConnectionDeps } from './telegram/connection-service';
import { gramjsEnvironment } from './telegram/mtproto/gramjs-environment';
import { startSandboxWorkspace } from './sandbox-workspace/sandbox-workspace';
import { recordKeyCheck, unlockSecretKey } from './secrets/key-check';
import type { SecretKeyProvider } from './secrets/secret-key';
import { settingsHandlers } from './settings/handlers';
import { createSettingsService } from './settings/settings-service';
import type { SettingsStore } from './settings/settings-store';
import { systemHandlers } from './system/handlers';

export interface EngineOptions {
  dataDir: string;
  secretKeys: SecretKeyProvider;
  clock: Clock;
  notifier: Notifier;
  settingsStore: SettingsStore;
  mode: RunMode;
  version: string;
  /** Echo log lines to the terminal (headless mode). */
  logToConsole?: boolean;
  logLevel?: string;
  keepBackups?: number;
  keepLogEntries?: number;
  /** How often a full disk is looked at again for room (5 s unless a test says otherwise). */
  diskRecheckMs?: number;
  /** Domains a test adds before the desk's own (a throwaway domain that proves the mechanisms). */
  extraDomains?: readonly DomainFactory[];
  /** The built window, served by the team hub to operators' browsers and desktop apps. */
  rendererDir?: string;
}

export interface Engine {
  start(): Promise<void>;
  stop(): Promise<void>;
  dispatch(method: unknown, input: unknown, ctx?: CallContext): Promise<CallResult<unknown>>;
  /**
   * Event batches for a window. With an operator who is not an admin, each batch is cut to what
   * they may see (their conversations and queues); events not declared visible to the team are
   * never sent to them.
   */
  subscribe(listener: EventListener, viewer?: CallContext): () => void;
  readonly running: boolean;
  /** The engine's logger; it outlives restarts (valid before start and after stop too). */
  readonly logger: Logger;
  /** Valid while running. */
  readonly secretKey: Buffer;
  /** Valid while running. */
  readonly db: Database;
  /** Which workspace this run serves; valid while running. */
  readonly workspace: Workspace;
}

export const LOCAL_OPERATOR: CallContext = { actor: LOCAL_OPERATOR_ID, role: 'admin', sessionId: null };

/** Everything one run of the engine holds; dropped whole on stop so a restart starts clean. */
interface Running {
  workspace: Workspace;
  db: Database;
  key: Buffer;
  dispatch: ReturnType<typeof createDispatcher>;
  teardown: (() => void | Promise<void>)[];
}

/** The sandbox's data lives in its own folder so it never mixes with real accounts' data. */
export function workspaceRoot(dataDir: string, workspace: Workspace): string {
  return workspace === 'sandbox' ? join(dataDir, 'sandbox') : dataDir;
}

/**
 * The composition root. It is handed its data folder, key provider, clock and notifier by
 * whoever starts it (the Electron shell or headless mode) and imports nothing of Electron.
 */
export function createEngine(options: EngineOptions): Engine {
  const events = createEventBus();
  const logging = createLogging({ console: options.logToConsole, level: options.logLevel });
  const disk = createDiskGuard({ folder: options.dataDir, recheckMs: options.diskRecheckMs });
  disk.subscribe((state) => {
    events.emit({ type: 'system.disk', payload: state });
    if (state.full) logging.logger.error({ scope: 'disk', folder: state.folder }, 'the disk holding the data folder is full; writes fail until there is room');
    else logging.logger.info({ scope: 'disk', folder: state.folder }, 'the disk has room again; writes resume');
  });
  let running: Running | null = null;
  const cutEvents = createEventCutter(
    () => running?.db ?? null,
    (error, viewer) => logging.logger.error({ scope: 'engine', err: error, operator: viewer.actor }, 'could not tell which events an operator may see; withheld them'),
  );

  const need = (): Running => {
    if (!running) throw new Error('The engine is not running.');
    return running;
  };

  async function start(): Promise<void> {
    if (running) return;
    try {
      await startRunning();
    } catch (error) {
      throw isDiskFull(error) ? new DataDirError(diskFullAtStartMessage(options.dataDir)) : error;
    }
  }

  async function startRunning(): Promise<void> {
    ensureWritableDataDir(options.dataDir);
    const settings = createSettingsService(options.settingsStore, options.dataDir);
    const workspace: Workspace = settings.get().workspace ?? 'sandbox';
    const root = workspaceRoot(options.dataDir, workspace);
    ensureWritableDataDir(root);
    // Before the log file or the database is touched: a wrong or missing key changes nothing.
    const key = await unlockSecretKey(options.secretKeys, options.dataDir, [storeFile(options.dataDir), storeFile(workspaceRoot(options.dataDir, 'sandbox'))]);
    const teardown: (() => void | Promise<void>)[] = [logging.openFile(join(root, 'logs'), disk), () => disk.stop()];
    try {
      const store = openStore({
        root,
        clock: options.clock,
        logging,
        events,
        disk,
        keepBackups: options.keepBackups ?? 7,
        keepLogEntries: options.keepLogEntries ?? 100_000,
        teardown,
      });
      const db = store.db;
      recordKeyCheck(db, key, options.secretKeys.holder);

      const sandbox =
        workspace === 'sandbox'
          ? await startSandboxWorkspace({
              clock: options.clock,
              logger: logging.logger,
              onActivity: (items) => events.emit({ type: 'sandbox.activity', payload: { items } }),
              dir: root,
            })
          : null;
      if (sandbox) teardown.push(() => sandbox.stop());

      const startedAt = options.clock.now();
      const audit = (record: AuditRecord) => {
        const entry = recordAudit(db, options.clock.now(), record);
        events.emit({ type: 'logs.auditAppended', payload: { entries: [entry] } });
      };
      const secrets = createSecretBox(key, logging.redactor);
      // Domains hear each other here, never on the window's events; one per run, so a restart starts with no listeners.
      const domainEvents = createDomainEventBus((name, error) => logging.logger.error({ scope: 'engine', event: name, err: error }, 'a domain event listener failed'));
      // Filled from the domains once they are built; nothing arrives before the connections start.
      let consumers: readonly InboundConsumer[] = [];
      const deps: ConnectionDeps = {
        db,
        clock: options.clock,
        logger: logging.logger,
        secrets,
        telegram: sandbox ? sandbox.telegram() : gramjsEnvironment({ appVersion: options.version }),
        events,
        domainEvents,
        audit,
        consumers: () => consumers,
      };
      const accounts = createAccountsService(deps);
      const bots = createBotsService(deps, {
        // Deliveries reach the local API through the operator's public HTTPS address; the
        // secret header, not the API token, proves they come from Telegram.
        localWebhookBase: () => httpApi.status().url,
        // The sandbox workspace plays the operator's reverse proxy: Telegram (the sandbox)
        // reaches the public address by delivering to the local API.
        forwardPublicAddress: sandbox ? (publicBase, localBase) => sandbox.forwardWebhooks(publicBase, localBase) : undefined,
      });
      teardown.push(() => accounts.stopAll(), () => bots.stopAll(), retryWhenDiskHasRoom(disk, [accounts, bots]));
      const httpApi = createHttpApi({
        db,
        secrets,
        logger: logging.logger,
        routes: [
          healthRoute(() => ({ workspace, startedAt, entries: [...accounts.health(), ...bots.health()] })),
          {
            method: 'POST',
            path: WEBHOOK_ROUTE,
            checksItsOwnCaller: true,
            handle: ({ params, headers, body }) =>
              bots.handleWebhook(Number(params[0]), headers['x-telegram-bot-api-secret-token'] as string | undefined, body),
          },
        ],
      });
      teardown.push(() => httpApi.stop());

      const outbox = createOutbox({
        db,
        clock: options.clock,
        logger: logging.logger,
        senders: { account: (id) => accounts.connection(id), bot: (id) => bots.api(id) },
        kinds: TELEGRAM_KINDS,
        botUploadLimit: (id) => bots.serverOf(id).limits.uploadBytes,
      });
      // The hub is made last (it stops first); the operators service reaches it only once calls arrive.
      const operators = createOperatorsService({ db, clock: options.clock, logger: logging.logger, scheduler: realScheduler, events, domainEvents, audit, hub: () => teamHub });
      teardown.push(() => operators.stop());
      const domainContext: DomainContext = {
        db,
        clock: options.clock,
        logger: logging.logger,
        scheduler: realScheduler,
        events,
        domainEvents,
        outbox,
        audit,
        dataDir: root,
        secrets,
        presence: operators.presence,
        telegram: {
          environment: deps.telegram,
          account: (id) => accounts.connection(id),
          bot: (id) => bots.api(id),
          botServer: (id) => bots.serverOf(id),
        },
      };
      const domains = composeDomains([...(options.extraDomains ?? []), ...DOMAINS], domainContext);
      outbox.registerKinds(domains.actionKinds);
      // Bot flows take their commands, buttons and claimed messages first; the inbox, last in the list, gets the rest.
      consumers = [createBotFlowRouter({ flows: domains.botFlows, actions: outboxBotActions(outbox), logger: logging.logger }), ...domains.consumers];
      teardown.push(() => outbox.stop(), () => domains.stop((name, error) => logging.logger.error({ err: error, domain: name }, 'a domain failed to stop')), announceBenches(outbox, events), followSenders(outbox, domainEvents));

      const ctx: EngineContext = {
        db: () => db,
        clock: options.clock,
        logger: logging.logger,
        events,
        notifier: options.notifier,
        settings,
        audit,
        httpApi,
        status: (): SystemStatus => ({
          version: options.version,
          mode: options.mode,
          startedAt,
          dataDir: options.dataDir,
          workspace,
          database: { path: db.name, schemaVersion: store.schemaVersion, lastBackupAt: store.lastBackupAt() },
          disk: disk.state(),
        }),
        requestRestart: (restart) => setImmediate(() => void restartEngine(restart?.wipeSandbox ?? false)),
      };
      const platformHandlers: Partial<EngineHandlers> = {
        ...systemHandlers(ctx),
        // The hub is made below; a pin is probed only once calls arrive.
        ...settingsHandlers(ctx, { probeHub: (url, fingerprint) => teamHub.probe(url, fingerprint) }),
        ...logsHandlers(ctx),
        ...sandboxHandlers(ctx, sandbox),
        ...accounts.handlers,
        ...bots.handlers,
        ...operators.handlers,
        ...messagesHandlers(ctx),
        ...outboxHandlers({ db, outbox, audit }),
        ...botFlowsHandlers({ db, flows: domains.botFlows, now: () => options.clock.now(), audit, emit: (event) => events.emit(event) }),
        'accounts.restartAll': async (_input, call) => {
          audit({ actor: call.actor, action: 'accounts.restartAll', target: null });
          return { accounts: await accounts.restartAll(), bots: await bots.restartAll() };
        },
      };
      const clashing = Object.keys(domains.handlers).filter((method) => method in platformHandlers);
      if (clashing.length > 0) throw new Error(`A domain claims methods the engine itself handles: ${clashing.join(', ')}.`);
      const handlers = { ...platformHandlers, ...domains.handlers } as EngineHandlers;
      const missing = unhandledMethods(handlers);
      if (missing.length > 0) throw new Error(`No domain handles ${missing.join(', ')}.`);
      // Stopped first (set up last), so no operator's call reaches a stopping engine.
      const teamHub = createTeamHub({ db, secrets, clock: options.clock, logger: logging.logger, events, contract: engine, sessions: () => operators.sessions, rendererDir: options.rendererDir });
      teardown.push(() => teamHub.stop());
      running = { workspace, db, key, dispatch: createDispatcher(guardTeamCalls(handlers, db), logging.logger, disk), teardown };
      operators.start();
      await accounts.startAll();
      await bots.startAll();
      await domains.start();
      await outbox.start();
      await httpApi.apply(settings.get().httpIntake);
      await teamHub.apply(readTeamSettings(db));
      logging.logger.info({ scope: 'engine', mode: options.mode, dataDir: options.dataDir }, 'engine started');
    } catch (error) {
      await runTeardown(teardown);
      throw error;
    }
  }

  /** Stops and starts on the data the settings now name; the window reloads on the event. */
  async function restartEngine(wipeSandbox: boolean): Promise<void> {
    await stop();
    if (wipeSandbox) rmSync(workspaceRoot(options.dataDir, 'sandbox'), { recursive: true, force: true });
    try {
      await start();
      events.emit({ type: 'system.restarted', payload: { workspace: running!.workspace } });
    } catch (error) {
      process.stderr.write(`The engine could not restart: ${(error as Error).message}\n`);
    }
  }

  async function stop(): Promise<void> {
    const current = running;
    if (!current) return;
    running = null;
    logging.logger.info({ scope: 'engine' }, 'engine stopping');
    events.flush();
    await runTeardown(current.teardown);
  }

  const engine: Engine = {
    start,
    stop,
    async dispatch(method, input, ctx = LOCAL_OPERATOR) {
      if (!running) return fail('unavailable', 'The engine is not running.');
      return running.dispatch(method, input, ctx);
    },
    subscribe(listener, viewer) {
      if (!viewer) return events.subscribe(listener);
      return events.subscribe((batch) => {
        const visible = cutEvents(batch, viewer);
        if (visible.length > 0) listener(visible);
      });
    },
    get running() {
      return running !== null;
    },
    get logger() {
      return logging.logger;
    },
    get secretKey() {
      return need().key;
    },
    get db() {
      return need().db;
    },
    get workspace() {
      return need().workspace;
    },
  };
  return engine;
}

/** Undo in reverse order of setup; one failing step must not leave the others open. */
async function runTeardown(steps: (() => void | Promise<void>)[]): Promise<void> {
  for (const step of steps.reverse()) {
    try {
      await step();
    } catch (error) {
      process.stderr.write(`shutdown step failed: ${(error as Error).message}\n`);
    }
  }
}
