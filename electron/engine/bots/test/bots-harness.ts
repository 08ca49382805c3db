import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Database } from 'better-sqlite3';
import pino from 'pino';
import type { DeskEvent } from '../../../../shared/contract/index';
import type { ConnectionState } from '../../../../shared/domain/connections';
import type { AuditRecord } from '../../audit/audit-repo';
import { createEventBus, type EventBus } from '../../contract/event-bus';
import { openDatabase } from '../../db/open-database';
import type { InboundConsumer } from '../../inbound/inbound';
import { inboxConsumer } from '../../inbox/ingest/inbox-consumer';
import { createDomainEventBus, type DomainEventBus } from '../../platform/domain-events';
import { manualClock } from '../../platform/clock';
import { decryptSecret, encryptSecret } from '../../secrets/cipher';
import type { SecretBox } from '../../secrets/secret-box';
import { createBotApiServer, type BotApiServerOptions } from '../../telegram/sandbox/bot-api/index';
import { SandboxWorld } from '../../telegram/sandbox/world/world';
import { createBotsService, type BotsServiceOptions } from '../bots-service';
import { adminCall } from '../../test-support/call-context';

export { waitFor } from '../../telegram/sandbox/bot-api/test/harness';

/**
 * A sandbox world with one person and two bots behind a real Bot API server, a real SQLite file,
 * and everything the bots service emits or logs captured. The logger does NOT redact, so a test
 * that finds no token in the log proves the service never wrote one.
 */
export async function startBotsWorld(dir: string, serverOptions: Omit<BotApiServerOptions, 'world'> = {}) {
  const clock = manualClock(Date.UTC(2026, 10, 21, 9, 0, 0));
  const world = new SandboxWorld({ clock, seed: 11 });
  const alice = world.addUser({ firstName: 'Alice', lastName: 'Doe', username: 'alice' });
  const deskBot = world.addBot({ username: 'desk_bot', firstName: 'Desk' });
  const otherBot = world.addBot({ username: 'other_bot', firstName: 'Other' });
  const server = await createBotApiServer({ world, onInternalError: () => undefined, ...serverOptions });
  const key = randomBytes(32);
  const secrets: SecretBox = { encrypt: (plain) => encryptSecret(key, plain), decrypt: (stored) => decryptSecret(key, stored) };
  const dbPath = join(dir, 'desk.db');
  const openDb = () => openDatabase({ path: dbPath, backupsDir: join(dir, 'backups'), now: () => clock.now(), keepBackups: 1 }).db;

  const logLines: string[] = [];
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _enc, done) => (logLines.push(chunk.toString()), done()) }));
  const events: DeskEvent[] = [];
  const audits: AuditRecord[] = [];

  /** A service as the engine would make it; call again over the same database for "a restart". */
  function service(db: Database, options: BotsServiceOptions & { apiRoot?: string; bus?: EventBus; domainEvents?: DomainEventBus; consumers?: InboundConsumer[] } = {}) {
    const bus = options.bus ?? createEventBus();
    const domainEvents = options.domainEvents ?? createDomainEventBus((name, error) => logger.error({ event: name, err: error }, 'domain event listener failed'));
    bus.subscribe((batch) => events.push(...batch));
    return createBotsService(
      {
        db,
        clock,
        logger,
        secrets,
        events: bus,
        domainEvents,
        audit: (record) => audits.push(record),
        // A test's own consumers run before the inbox, as domains do in the engine.
        consumers: () => [...(options.consumers ?? []), inboxConsumer({ events: bus, domainEvents, logger })],
        telegram: {
          kind: 'sandbox',
          botApiRoot: options.apiRoot ?? server.url,
          needsApiCredentials: false,
          mtproto: () => {
            throw new Error('not used by bots');
          },
        },
      },
      { pollTimeoutSeconds: 1, backoff: { baseMs: 20, maxMs: 100 }, ...options },
    );
  }

  const writes = (bot: { id: number }, text: string) =>
    world.sendMessage({ senderId: alice.id, conversation: world.privateConversation(alice.id, bot.id), text });
  /** Every state one bot went through, in order, as announced. */
  const statesOf = (id: number): ConnectionState['status'][] =>
    events.flatMap((e) => (e.type === 'bots.changed' && e.payload.id === id ? [e.payload.state.status] : []));
  const lastState = (id: number): ConnectionState | undefined =>
    events.findLast((e): e is Extract<DeskEvent, { type: 'bots.changed' }> => e.type === 'bots.changed' && e.payload.id === id)?.payload.state;
  const received = () => events.flatMap((e) => (e.type === 'messages.received' ? e.payload.messages : []));

  return { clock, world, alice, deskBot, otherBot, server, openDb, service, secrets, logLines, events, audits, writes, statesOf, lastState, received };
}

export type BotsWorld = Awaited<ReturnType<typeof startBotsWorld>>;

export const OPERATOR = adminCall('operator:test');
