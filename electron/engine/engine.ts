import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { fail, type CallResult } from '../../shared/contract/index';
import type { RunMode, SystemStatus } from '../../shared/domain/system';
import { recordAudit, type AuditRecord } from './audit/audit-repo';
import { createDispatcher, type CallContext, type EngineHandlers } from './contract/dispatcher';
import { createEventBus, type EventListener } from './contract/event-bus';
import { createBackupSchedule } from './db/backup-schedule';
import { openDatabase } from './db/open-database';
import type { EngineContext } from './engine-context';
import { createDatabaseLogSink } from './logging/database-log-sink';
import { logsHandlers } from './logging/handlers';
import { pruneLogEntries } from './logging/log-repo';
import { createLogging, type DeskLogging, type Logger } from './logging/logger';
import type { Clock } from './platform/clock';
import { ensureWritableDataDir } from './platform/data-dir';
import type { Notifier } from './platform/notifier';
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
}

export interface Engine {
  start(): Promise<void>;
  stop(): Promise<void>;
  dispatch(method: unknown, input: unknown, ctx?: CallContext): Promise<CallResult<unknown>>;
  subscribe(listener: EventListener): () => void;
  readonly running: boolean;
  /** Valid while running. */
  readonly logger: Logger;
  /** Valid while running. */
  readonly secretKey: Buffer;
  /** Valid while running. */
  readonly db: Database;
}

export const LOCAL_OPERATOR: CallContext = { actor: 'operator:local' };

/** Everything one run of the engine holds; dropped whole on stop so a restart starts clean. */
interface Running {
  logging: DeskLogging;
  db: Database;
  key: Buffer;
  dispatch: ReturnType<typeof createDispatcher>;
  teardown: (() => void)[];
}

/**
 * The composition root. It is handed its data folder, key provider, clock and notifier by
 * whoever starts it (the Electron shell or headless mode) and imports nothing of Electron.
 */
export function createEngine(options: EngineOptions): Engine {
  const events = createEventBus();
  let running: Running | null = null;

  const need = (): Running => {
    if (!running) throw new Error('The engine is not running.');
    return running;
  };

  async function start(): Promise<void> {
    if (running) return;
    ensureWritableDataDir(options.dataDir);
    const logging = createLogging({
      logDir: join(options.dataDir, 'logs'),
      console: options.logToConsole,
      level: options.logLevel,
    });
    const teardown: (() => void)[] = [];
    try {
      const key = await options.secretKeys.getKey();
      const logSink = createDatabaseLogSink((entries) => events.emit({ type: 'logs.appended', payload: { entries } }));
      teardown.push(logging.addSink(logSink.sink));

      const backupsDir = join(options.dataDir, 'backups');
      const keepBackups = options.keepBackups ?? 7;
      const opened = openDatabase({
        path: join(options.dataDir, 'desk.sqlite'),
        backupsDir,
        now: options.clock.now,
        keepBackups,
      });
      const db = opened.db;
      teardown.push(() => db.close());
      logSink.attach(db);
      teardown.push(() => logSink.detach());
      if (opened.backupFile) {
        logging.logger.info({ scope: 'db', file: opened.backupFile, from: opened.previousVersion }, 'backup taken before migrating');
      }
      logging.logger.info({ scope: 'db', schema: opened.schemaVersion }, 'database ready');

      const backups = createBackupSchedule({
        db,
        dir: backupsDir,
        keep: keepBackups,
        clock: options.clock,
        logger: logging.logger,
        afterBackup: () => pruneLogEntries(db, options.keepLogEntries ?? 100_000),
      });
      backups.start();
      teardown.push(() => backups.stop());

      const startedAt = options.clock.now();
      const settings = createSettingsService(options.settingsStore, options.dataDir);
      const ctx: EngineContext = {
        db: () => db,
        clock: options.clock,
        logger: logging.logger,
        events,
        notifier: options.notifier,
        settings,
        audit: (record: AuditRecord) => {
          const entry = recordAudit(db, options.clock.now(), record);
          events.emit({ type: 'logs.auditAppended', payload: { entries: [entry] } });
        },
        status: (): SystemStatus => ({
          version: options.version,
          mode: options.mode,
          startedAt,
          dataDir: options.dataDir,
          database: { path: db.name, schemaVersion: opened.schemaVersion, lastBackupAt: backups.lastBackupAt() },
        }),
      };
      const handlers: EngineHandlers = { ...systemHandlers(ctx), ...settingsHandlers(ctx), ...logsHandlers(ctx) };
      running = { logging, db, key, dispatch: createDispatcher(handlers, logging.logger), teardown };
      logging.logger.info({ scope: 'engine', mode: options.mode, dataDir: options.dataDir }, 'engine started');
    } catch (error) {
      runTeardown(teardown);
      await logging.close();
      throw error;
    }
  }

  async function stop(): Promise<void> {
    const current = running;
    if (!current) return;
    running = null;
    current.logging.logger.info({ scope: 'engine' }, 'engine stopping');
    events.flush();
    runTeardown(current.teardown);
    await current.logging.close();
  }

  return {
    start,
    stop,
    async dispatch(method, input, ctx = LOCAL_OPERATOR) {
      if (!running) return fail('unavailable', 'The engine is not running.');
      return running.dispatch(method, input, ctx);
    },
    subscribe: events.subscribe,
    get running() {
      return running !== null;
    },
    get logger() {
      return need().logging.logger;
    },
    get secretKey() {
      return need().key;
    },
    get db() {
      return need().db;
    },
  };
}

/** Undo in reverse order of setup; one failing step must not leave the others open. */
function runTeardown(steps: (() => void)[]): void {
  for (const step of steps.reverse()) {
    try {
      step();
    } catch (error) {
      process.stderr.write(`shutdown step failed: ${(error as Error).message}\n`);
    }
  }
}
