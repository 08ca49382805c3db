import { adminCall } from '../../test-support/call-context';
import type { CallContext } from '../../contract/dispatcher';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Database } from 'better-sqlite3';
import pino from 'pino';
import type { DeskEvent } from '../../../../shared/contract/index';
import { manualScheduler } from '../../accounts/test/harness';
import type { AuditRecord } from '../../audit/audit-repo';
import { createEventBus, type EventBus } from '../../contract/event-bus';
import { openDatabase } from '../../db/open-database';
import { manualClock } from '../../platform/clock';
import { createDomainEventBus, type DomainEventBus } from '../../platform/domain-events';
import type { SecretBox } from '../../secrets/secret-box';
import type { TelegramEnvironment } from '../../telegram/environment';
import type { MtprotoTransport } from '../../telegram/mtproto/transport';
import type { TeamPresence } from '../../operators/team-ports';
import { createInboxService, type InboxDeps, type InboxOptions } from '../inbox-service';
import { fakeOutbox } from './fake-outbox';

type ManualClock = ReturnType<typeof manualClock>;

const NOBODY_ACTIVE: TeamPresence = { presenceOf: () => 'offline', inactiveSince: () => 0 };

const LOG_LEVELS = { debug: 20, info: 30, warn: 40, error: 50 } as const;

export function openInboxDb(dir: string, clock: ManualClock = manualClock()): Database {
  return openDatabase({ path: join(dir, 'desk.sqlite'), backupsDir: join(dir, 'backups'), now: clock.now, keepBackups: 1 }).db;
}

/** An inbox service over `db` with a fake outbox, a manual clock and scheduler, and its events captured. */
export function inboxHarness(input: {
  dir: string;
  db: Database;
  clock?: ManualClock;
  connection?: (accountId: number) => MtprotoTransport | null;
  secrets?: SecretBox;
  telegram?: Partial<TelegramEnvironment>;
  botServer?: InboxDeps['botServer'];
  options?: Partial<Omit<InboxOptions, 'scheduler'>>;
  /** The bus the accounts or bots under test announce on, so the inbox hears them. */
  bus?: EventBus;
  /** The engine's own bus the accounts, bots and inbox consumer under test speak on (connections online, messages stored). */
  domainEvents?: DomainEventBus;
  /** Who of the team is active (nobody, unless a test says so). */
  presence?: TeamPresence;
}) {
  const clock = input.clock ?? manualClock();
  const timers = manualScheduler(clock);
  const bus = input.bus ?? createEventBus();
  const events: DeskEvent[] = [];
  bus.subscribe((batch) => events.push(...batch));
  const fake = fakeOutbox();
  const logLines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _enc, done) => (logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>), done()) }));
  /** What the service logged at one level, as pino wrote it. */
  const logged = (level: keyof typeof LOG_LEVELS) => logLines.filter((line) => line.level === LOG_LEVELS[level]);
  const audits: AuditRecord[] = [];
  const domainEvents = input.domainEvents ?? createDomainEventBus((name, error) => logger.error({ event: name, err: error }, 'domain event listener failed'));
  const service = createInboxService(
    {
      db: input.db,
      clock,
      logger,
      events: bus,
      domainEvents,
      outbox: fake.outbox,
      dataDir: input.dir,
      secrets: input.secrets ?? { encrypt: (s) => s, decrypt: (s) => s },
      telegram: { kind: 'sandbox', needsApiCredentials: false, botApiRoot: undefined, mtproto: () => { throw new Error('not used'); }, ...input.telegram },
      connection: input.connection ?? (() => null),
      botServer: input.botServer,
      audit: (record) => audits.push(record),
      presence: input.presence ?? NOBODY_ACTIVE,
    },
    { scheduler: timers.scheduler, ...input.options },
  );
  const call = <M extends keyof typeof service.handlers>(method: M, args: Parameters<(typeof service.handlers)[M]>[0], actor = 'operator:local') =>
    // A handler that throws at once still answers with a rejected promise, as the dispatcher sees it.
    new Promise<unknown>((resolve) => resolve((service.handlers[method] as (i: unknown, c: CallContext) => unknown)(args, adminCall(actor)))) as Promise<
      Awaited<ReturnType<(typeof service.handlers)[M]>>
    >;
  const ofType = <T extends DeskEvent['type']>(type: T) => events.filter((e): e is Extract<DeskEvent, { type: T }> => e.type === type);
  return { service, call, events, ofType, bus, domainEvents, clock, timers, logger, logged, audits, ...fake };
}
