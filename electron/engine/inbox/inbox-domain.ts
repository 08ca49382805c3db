import type { DomainFactory } from '../domains/domain-module';
import { createInboxService } from './inbox-service';
import { inboxConsumer } from './ingest/inbox-consumer';

/** The unified inbox: every chat of every account and bot, with its workflow and its replies. */
export const inboxDomain: DomainFactory = (ctx) => {
  const inbox = createInboxService(
    {
      db: ctx.db,
      clock: ctx.clock,
      logger: ctx.logger,
      events: ctx.events,
      domainEvents: ctx.domainEvents,
      outbox: ctx.outbox,
      dataDir: ctx.dataDir,
      secrets: ctx.secrets,
      telegram: ctx.telegram.environment,
      connection: (id) => ctx.telegram.account(id),
      botServer: (id) => ctx.telegram.botServer(id),
      audit: ctx.audit,
      presence: ctx.presence,
    },
    { scheduler: ctx.scheduler },
  );
  return {
    name: 'inbox',
    handlers: inbox.handlers,
    consumers: [inboxConsumer({ events: ctx.events, domainEvents: ctx.domainEvents, logger: ctx.logger })],
    start: () => inbox.start(),
    stop: () => inbox.stop(),
  };
};
