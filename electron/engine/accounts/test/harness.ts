import type { CallContext } from '../../contract/dispatcher';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pino from 'pino';
import type { DeskEvent } from '../../../../shared/contract/index';
import { recordAudit } from '../../audit/audit-repo';
import type { InboundConsumer } from '../../inbound/inbound';
import { inboxConsumer } from '../../inbox/ingest/inbox-consumer';
import { createDomainEventBus, type DomainEventBus } from '../../platform/domain-events';
import { createEventBus, type EventBus } from '../../contract/event-bus';
import { openDatabase } from '../../db/open-database';
import { manualClock } from '../../platform/clock';
import { Redactor } from '../../logging/redact';
import { createSecretBox } from '../../secrets/secret-box';
import type { TelegramEnvironment } from '../../telegram/environment';
import type { MtprotoTransport } from '../../telegram/mtproto/transport';
import { SandboxMtproto } from '../../telegram/sandbox/mtproto';
import type { OptionsOverride } from '../../telegram/sandbox/mtproto';
import { SandboxWorld } from '../../telegram/sandbox/world/world';
import { createAccountsService, type AccountsOptions } from '../accounts-service';
import type { Scheduler } from '../../platform/scheduler';
import { adminCall } from '../../test-support/call-context';

type ManualClock = ReturnType<typeof manualClock>;

/**
 * The same people in the same order on every build, so a rebuilt world of the same seed
 * has the same ids and accepts the sessions the previous one exported.
 */
export function sandboxWorld(options?: OptionsOverride, clock: ManualClock = manualClock()) {
  const world = new SandboxWorld({ clock, seed: 11 });
  const alice = world.addUser({ firstName: 'Alice', lastName: 'Desk', username: 'alice_desk', phone: '9996610001' });
  const bob = world.addUser({ firstName: 'Bob', phone: '9996610002', twoFactor: { password: 'correct horse', hint: 'the horse' } });
  const people = [1, 2, 3].map((i) => world.addUser({ firstName: `Writer ${i}`, phone: `999662000${i}` }));
  const banned = world.addUser({ firstName: 'Banned', phone: '9996610009' });
  banned.banned = true;
  const sandbox = new SandboxMtproto({ world, options });
  return { clock, world, sandbox, alice, bob, people, banned };
}

export function sandboxEnvironment(sandbox: SandboxMtproto): TelegramEnvironment {
  return {
    kind: 'sandbox',
    needsApiCredentials: false,
    botApiRoot: undefined,
    mtproto: ({ session }) => sandbox.transport({ sessionKey: session ?? undefined }),
  };
}

function environment(sandbox: SandboxMtproto, input: { realTelegram?: boolean; wrapTransport?: (t: MtprotoTransport) => MtprotoTransport }): TelegramEnvironment {
  const base = sandboxEnvironment(sandbox);
  const wrap = input.wrapTransport ?? ((t) => t);
  return {
    ...base,
    ...(input.realTelegram ? { kind: 'telegram', needsApiCredentials: true } : {}),
    mtproto: (args) => wrap(base.mtproto(args)),
  };
}

/** Timers on the manual clock: `advance` moves the clock and runs what fell due, in order. */
export function manualScheduler(clock: ManualClock) {
  let seq = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const scheduler: Scheduler = {
    after(ms, run) {
      const id = ++seq;
      timers.set(id, { at: clock.now() + ms, run });
      return () => void timers.delete(id);
    },
  };
  return {
    scheduler,
    pending: () => timers.size,
    async advance(ms: number) {
      const end = clock.now() + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        clock.set(Math.max(clock.now(), due[1].at));
        due[1].run();
        await settle();
      }
      clock.set(end);
      await settle();
    },
  };
}

/** Lets queued promise work, microtask deliveries and the event bus run. */
/** A transport whose update stream loses its `lost`-th update (1-based), as a dropped packet would; `delivered()` counts what came. */
export function losingUpdate(lost: number) {
  let seen = 0;
  const wrap = (t: MtprotoTransport): MtprotoTransport => ({
    connect: () => t.connect(),
    disconnect: () => t.disconnect(),
    get connected() {
      return t.connected;
    },
    invoke: (request) => t.invoke(request),
    exportSession: () => t.exportSession(),
    onUpdate: (listener) => t.onUpdate((u) => void (++seen !== lost && listener(u))),
  });
  return { wrap, delivered: () => seen };
}

export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Polls (without timers of its own) until `check` holds. */
export async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/**
 * An accounts service over a real SQLite file in `dir`, against a sandbox world, with every
 * event and log line captured. The log goes through no redactor: a test must see what the
 * code itself wrote.
 */
export function accountsHarness(input: {
  dir: string;
  world: ReturnType<typeof sandboxWorld>;
  key?: Buffer;
  options?: AccountsOptions;
  /** Answer as real Telegram would about api_id/api_hash (needed, and no test numbers). */
  realTelegram?: boolean;
  /** Lets a test stand between the account and the sandbox (e.g. lose an update). */
  wrapTransport?: (transport: MtprotoTransport) => MtprotoTransport;
  /** A bus shared with another service under test (the inbox listens to it). */
  bus?: EventBus;
  /** Inbound consumers that run before the inbox (a test's own domain). */
  consumers?: InboundConsumer[];
  /** The engine's own bus, shared with another service under test (the inbox hears accounts come online on it). */
  domainEvents?: DomainEventBus;
}) {
  const { clock, sandbox } = input.world;
  const opened = openDatabase({ path: join(input.dir, 'desk.sqlite'), backupsDir: join(input.dir, 'backups'), now: clock.now, keepBackups: 1 });
  const db = opened.db;
  const key = input.key ?? randomBytes(32);
  const logLines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
  const events: DeskEvent[] = [];
  const bus = input.bus ?? createEventBus();
  bus.subscribe((batch) => events.push(...batch));
  const timers = manualScheduler(clock);
  const domainEvents = input.domainEvents ?? createDomainEventBus((name, error) => logger.error({ event: name, err: error }, 'domain event listener failed'));
  const service = createAccountsService(
    {
      db,
      clock,
      logger,
      secrets: createSecretBox(key, new Redactor()),
      telegram: environment(sandbox, input),
      events: bus,
      domainEvents,
      audit: (record) => void recordAudit(db, clock.now(), record),
      consumers: () => [...(input.consumers ?? []), inboxConsumer({ events: bus, domainEvents, logger })],
    },
    { scheduler: timers.scheduler, random: () => 0.5, backoff: { baseMs: 1_000, maxMs: 30_000 }, ...input.options },
  );
  const call = <M extends keyof typeof service.handlers>(method: M, args: Parameters<(typeof service.handlers)[M]>[0]) =>
    (service.handlers[method] as (i: unknown, c: CallContext) => unknown)(args, adminCall('operator:test')) as Promise<Awaited<ReturnType<(typeof service.handlers)[M]>>>;
  return { db, key, service, call, events, logLines, timers, clock, flush: () => bus.flush() };
}
