import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { Api as BotApi } from 'grammy';
import pino from 'pino';
import { afterEach, expect } from 'vitest';
import { manualScheduler } from '../../accounts/test/harness';
import { upsertAccountEntities } from '../../telegram/entities/account-entities';
import { openDatabase } from '../../db/open-database';
import { manualClock } from '../../platform/clock';
import { createBotApiServer, scaleLimits, TELEGRAM_BOT_LIMITS } from '../../telegram/sandbox/bot-api/index';
import { SandboxMtproto } from '../../telegram/sandbox/mtproto';
import { signedIn } from '../../telegram/sandbox/mtproto/test-support';
import type { SandboxUser } from '../../telegram/sandbox/world/types';
import { SandboxWorld } from '../../telegram/sandbox/world/world';
import type { AnyActionKind } from '../kind-registry';
import { TELEGRAM_KINDS } from '../kinds/index';
import { createOutbox, type OutboxOptions } from '../outbox';
import type { Outbox, OutboxItem, OutboxPayload, OutboxSender } from '../outbox-port';
import { NO_PACING } from './options';
import { until as sharedUntil } from '../../test-support/until';

export const ACCOUNT: OutboxSender = { kind: 'account', id: 1 };
export const BOT: OutboxSender = { kind: 'bot', id: 1 };

/** The account's own rows in telegram_entities for `people`, as its update stream would have stored them. */
export function rememberPeople(db: Database, people: SandboxUser[], now: number): void {
  upsertAccountEntities(
    db,
    ACCOUNT.id,
    people.map((p) => ({ peerType: 'user', peerId: p.id, accessHash: p.accessHash.toString(), username: null, phone: null, firstName: p.firstName, lastName: null, title: null, isBot: false })),
    now,
  );
}

/**
 * A sandbox world on a manual clock with both front doors, an account (Alice) signed in over
 * MTProto, a bot behind the real Bot API server, people who started the bot and whom the account
 * knows, and outboxes over a real SQLite file in `dir` ("a restart" is `outbox()` again).
 */
export async function outboxWorld(dir: string) {
  const clock = manualClock(Date.UTC(2026, 2, 2, 10, 0, 0));
  const world = new SandboxWorld({ clock, seed: 5 });
  const alice = world.addUser({ firstName: 'Alice', phone: '9996630001' });
  const people = [1, 2, 3, 4].map((i) => world.addUser({ firstName: `Client ${i}`, phone: `999664000${i}` }));
  const botUser = world.addBot({ username: 'outbox_bot', firstName: 'Outbox' });
  for (const person of people) world.startBot(person.id, botUser.id);
  const mtproto = new SandboxMtproto({ world });
  const server = await createBotApiServer({ world, limits: scaleLimits(TELEGRAM_BOT_LIMITS, 10), onInternalError: () => undefined });
  const transport = await signedIn(mtproto, alice);
  const api = new BotApi(botUser.token, { apiRoot: server.url });
  const online = { account: true, bot: true };
  const db = openDatabase({ path: join(dir, 'desk.sqlite'), backupsDir: join(dir, 'backups'), now: clock.now, keepBackups: 1 }).db;
  rememberPeople(db, people, clock.now());
  const timers = manualScheduler(clock);
  const changes: OutboxItem[] = [];
  /** What the outboxes logged at warn and above, parsed. */
  const logged: Record<string, unknown>[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) });

  /** `kinds`: a test's own action kinds beside the outbox's. */
  function outbox(options: OutboxOptions = {}, kinds: AnyActionKind[] = []) {
    const created = createOutbox(
      {
        db,
        clock,
        logger,
        scheduler: timers.scheduler,
        senders: { account: () => (online.account ? transport : null), bot: () => (online.bot ? api : null) },
        kinds: [...TELEGRAM_KINDS, ...kinds],
      },
      { accountPacing: NO_PACING, random: () => 0.5, ...options },
    );
    created.onChange((item) => changes.push(item));
    return created;
  }

  const text = (to: SandboxUser, body: string): OutboxPayload => ({ kind: 'text', chatKey: `user:${to.id}`, text: body });
  /** What a person got, as the sandbox itself records it. */
  const received = (person: SandboxUser, body?: string) => world.receivedBy(person.id).filter((m) => body === undefined || m.text === body);

  async function close(): Promise<void> {
    db.close();
    await server.close();
    mtproto.dispose();
  }

  return { clock, world, mtproto, server, alice, people, botUser, db, timers, online, changes, logged, outbox, text, received, close };
}

/** Waits in real time (Bot API sends are real HTTP) until `check` holds. */
export async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  await sharedUntil(check, Boolean, what, ms);
}

export type OutboxWorld = Awaited<ReturnType<typeof outboxWorld>>;

/**
 * The outboxes a test starts are stopped after it; then no timer they set may be left, and the
 * test's world closes. `started` is the test's to edit (a simulated crash forgets an outbox).
 */
export function useStartedOutboxes<O extends Outbox = Outbox>(world: () => OutboxWorld) {
  const started: O[] = [];
  afterEach(async () => {
    for (const outbox of started.splice(0)) await outbox.stop();
    expect(world().timers.pending()).toBe(0);
    await world().close();
  });
  return {
    started,
    async start<T extends O>(outbox: T): Promise<T> {
      started.push(outbox);
      await outbox.start();
      return outbox;
    },
  };
}
