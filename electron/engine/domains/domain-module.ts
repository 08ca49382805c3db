import type { Database } from 'better-sqlite3';
import type { Api as BotApi } from 'grammy';
import type { Handlers } from '../../../shared/contract/index';
import type { AuditRecord } from '../audit/audit-repo';
import type { BotFlow } from '../bot-flows/bot-flow';
import type { CallContext } from '../contract/dispatcher';
import type { EventBus } from '../contract/event-bus';
import type { InboundConsumer } from '../inbound/inbound';
import type { Logger } from '../logging/logger';
import type { ActionKind } from '../outbox/action-kind';
import type { TeamPresence } from '../operators/team-ports';
import type { Outbox } from '../outbox/outbox-port';
import type { Clock } from '../platform/clock';
import type { DomainEventBus } from '../platform/domain-events';
import type { Scheduler } from '../platform/scheduler';
import type { SecretBox } from '../secrets/secret-box';
import type { BotServer } from '../telegram/bots/bot-server';
import type { TelegramEnvironment } from '../telegram/environment';
import type { MtprotoTransport } from '../telegram/mtproto/transport';

/** What a domain is given: the engine's services, never the engine itself nor another domain. */
export interface DomainContext {
  db: Database;
  clock: Clock;
  logger: Logger;
  scheduler: Scheduler;
  /** To the window (declared in the domain's contract file). */
  events: EventBus;
  /** Between domains inside the engine. */
  domainEvents: DomainEventBus;
  outbox: Outbox;
  audit(record: AuditRecord): void;
  /** The workspace's data folder (media, exports). */
  dataDir: string;
  /** Decrypts what is stored encrypted (a bot's token to fetch its files). */
  secrets: SecretBox;
  /** Who of the team is working now (assignment, notifications). */
  presence: TeamPresence;
  /** Live connections, for reads (a member list, a file); everything that leaves goes through the outbox. */
  telegram: {
    environment: TelegramEnvironment;
    account(accountId: number): MtprotoTransport | null;
    bot(botId: number): BotApi | null;
    /** A bot's Bot API server and its file limits. */
    botServer(botId: number): BotServer;
  };
}

/**
 * One domain (inbox, campaigns, invites, rewards, team tasks, ...): one folder exporting one
 * factory. The engine iterates the list in `domains/index.ts`; adding a domain adds one line there.
 */
export interface DomainModule {
  name: string;
  /** This domain's calls from its contract file (`DomainHandlers<'name', CallContext>`). */
  handlers?: Partial<Handlers<CallContext>>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own payload type
  actionKinds?: ActionKind<any>[];
  /** Run in the order of the domain list, inside the update's transaction; the inbox comes last and gets what is left. */
  consumers?: InboundConsumer[];
  botFlows?: BotFlow[];
  /** After every domain is built and the connections have started. */
  start?(): void | Promise<void>;
  /** In reverse order of the list. */
  stop?(): void | Promise<void>;
}

export type DomainFactory = (ctx: DomainContext) => DomainModule;
