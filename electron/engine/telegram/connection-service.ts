import type { Database } from 'better-sqlite3';
import type { DomainHandlers } from '../../../shared/contract/index';
import type { ConnectionState } from '../../../shared/domain/connections';
import type { AuditRecord } from '../audit/audit-repo';
import type { CallContext } from '../contract/dispatcher';
import type { EventBus } from '../contract/event-bus';
import type { InboundConsumer } from '../inbound/inbound';
import type { Logger } from '../logging/logger';
import type { DiskGuard } from '../platform/disk-guard';
import type { DomainEventBus } from '../platform/domain-events';
import type { Clock } from '../platform/clock';
import type { SecretBox } from '../secrets/secret-box';
import type { TelegramEnvironment } from './environment';
import type { MtprotoTransport } from './mtproto/transport';

/** What the accounts and bots services are given by the engine. */
export interface ConnectionDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  secrets: SecretBox;
  telegram: TelegramEnvironment;
  /** For `accounts.changed` / `bots.changed` / `messages.received` (emit after the transaction commits). */
  events: EventBus;
  audit(record: AuditRecord): void;
  /** Between domains inside the engine: `connection.online` and `connection.removed` go here. */
  domainEvents: DomainEventBus;
  /** Where translated updates go, in order, inside the transaction that moves the pts or offset (the inbox among them). */
  consumers(): readonly InboundConsumer[];
}

/** An account or a bot, as the engine's own events name it. */
export interface ConnectionRef {
  kind: 'account' | 'bot';
  id: number;
}

declare module '../platform/domain-events' {
  interface DomainEvents {
    /** The account or bot is online (again): work waiting for it can go now. */
    'connection.online': ConnectionRef;
    /** The account or bot was removed from the desk. */
    'connection.removed': ConnectionRef;
  }
}

/** One line of `/api/health` and of the Accounts & bots page. */
export interface HealthEntry {
  kind: 'account' | 'bot';
  id: number;
  name: string;
  state: ConnectionState;
}

/** The lifecycle every connection service shares, so the engine and "restart all" treat them alike. */
export interface ConnectionLifecycle {
  /** Starts every enabled connection found in the database (at engine start). */
  startAll(): Promise<void>;
  /** Stops every connection and clears every timer (at engine stop). */
  stopAll(): Promise<void>;
  /** Reconnects every enabled connection; returns how many. */
  restartAll(): Promise<number>;
  /** Connections waiting to try again after a failure try now (the disk has room again). */
  retryNow(): void;
  health(): HealthEntry[];
}

export interface AccountsService extends ConnectionLifecycle {
  /** The live transport of an online account (the outbox sends through it); null otherwise. */
  connection(accountId: number): MtprotoTransport | null;
  handlers: Omit<DomainHandlers<'accounts', CallContext>, 'accounts.restartAll'>;
}

export interface BotsService extends ConnectionLifecycle {
  handlers: DomainHandlers<'bots', CallContext>;
}

/**
 * A write that failed on a full disk is tried again as soon as the disk has room, not at the end
 * of a backoff that may have grown to minutes meanwhile. Returns the unsubscribe.
 */
export function retryWhenDiskHasRoom(disk: Pick<DiskGuard, 'subscribe'>, services: readonly ConnectionLifecycle[]): () => void {
  return disk.subscribe((state) => {
    if (!state.full) for (const service of services) service.retryNow();
  });
}
