import { fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Api as BotApi } from 'grammy';
import pino from 'pino';
import { Api } from 'telegram';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { systemClock } from '../platform/clock';
import { useTempDirs } from '../test-support/temp-dir';
import { createBotApiServer, scaleLimits, TELEGRAM_BOT_LIMITS } from '../telegram/sandbox/bot-api/index';
import { SandboxMtproto } from '../telegram/sandbox/mtproto';
import { signedIn } from '../telegram/sandbox/mtproto/test-support';
import { SandboxWorld } from '../telegram/sandbox/world/world';
import { TELEGRAM_KINDS } from './kinds/index';
import { createOutbox } from './outbox';
import type { OutboxPayload } from './outbox-port';
import type { OutboxRow } from './outbox-repo';
import { ACCOUNT, BOT, rememberPeople, until } from './test/harness';
import { CRASH_OPTIONS, type CrashDeskConfig } from './test/options';
import { serveOverIpc } from './test/ipc-transport';

const tempDir = useTempDirs();
const DESK = fileURLToPath(new URL('./test/crash-desk.ts', import.meta.url));
const silent = pino({ level: 'silent' });

describe('outbox crash', () => {
  it('after a SIGKILL in the middle of 500 replies, a restart delivers every MTProto reply exactly once and marks in-flight Bot API sends uncertain', async () => {
    // The sandbox lives in this process and survives the kill; the desk side runs in a child.
    const world = new SandboxWorld({ clock: systemClock, seed: 9 });
    const alice = world.addUser({ firstName: 'Alice', phone: '9996670001' });
    const people = [1, 2, 3, 4, 5].map((i) => world.addUser({ firstName: `Client ${i}`, phone: `999668000${i}` }));
    const botUser = world.addBot({ username: 'crash_bot', firstName: 'Crash' });
    for (const person of people) {
      world.startBot(person.id, botUser.id);
      // Contacts, so 250 messages in a day do not run into the stranger quota (PEER_FLOOD).
      world.addContact(alice.id, person.id);
    }
    const mtproto = new SandboxMtproto({ world });
    // A little latency keeps Bot API sends in flight, so the kill finds some.
    const server = await createBotApiServer({ world, limits: scaleLimits(TELEGRAM_BOT_LIMITS, 100), faults: { latencyMs: 10 }, onInternalError: () => undefined });
    const transport = await signedIn(mtproto, alice);
    const dir = tempDir();
    const config: CrashDeskConfig = { dbPath: join(dir, 'desk.sqlite'), backupsDir: join(dir, 'backups'), botToken: botUser.token, apiRoot: server.url };
    const open = () => openDatabase({ path: config.dbPath, backupsDir: config.backupsDir, now: () => Date.now(), keepBackups: 1 }).db;

    let db = open();
    rememberPeople(db, people, Date.now());
    const enqueuer = createOutbox({ db, clock: systemClock, logger: silent, senders: { account: () => null, bot: () => null }, kinds: TELEGRAM_KINDS });
    for (let i = 0; i < 500; i++) {
      const to = people[i % people.length]!;
      enqueuer.enqueue({ sender: i % 2 === 0 ? ACCOUNT : BOT, conversationId: null, priority: 'operator', payload: { kind: 'text', chatKey: `user:${to.id}`, text: `reply ${i}` } });
    }
    db.close();

    const child = fork(DESK, [JSON.stringify(config)], { execArgv: ['--import', 'jiti/register'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const exited = once(child, 'exit');
    // The 50th MTProto send takes effect but its answer is held; the next bot message Telegram
    // makes kills the desk, so both an MTProto and a Bot API send are in flight at the kill.
    let sends = 0;
    let armed = false;
    serveOverIpc(child, transport, (request) => {
      if (!(request instanceof Api.messages.SendMessage) || ++sends !== 50) return false;
      armed = true;
      return true;
    });
    const unsubscribe = world.subscribe((event) => {
      if (armed && event.type === 'message.new' && event.message.senderId === botUser.id && child.exitCode === null) child.kill('SIGKILL');
    });
    const [, signal] = (await Promise.race([exited, new Promise((_, reject) => setTimeout(() => reject(new Error(`the desk was never killed (mtproto sends ${sends}, bot messages ${world.allMessages().filter((m) => m.senderId === botUser.id).length}, child exit ${child.exitCode})`)), 30_000))])) as [number | null, string];
    unsubscribe();
    expect(signal).toBe('SIGKILL');

    db = open();
    const rows = () => db.prepare('SELECT * FROM outbox ORDER BY id').all() as OutboxRow[];
    const atKill = rows();
    const inFlight = (kind: string) => atKill.filter((r) => r.sender_kind === kind && r.state === 'sending');
    expect(inFlight('account').length).toBe(1);
    expect(inFlight('bot').length).toBeGreaterThanOrEqual(1);
    expect(atKill.filter((r) => r.state === 'queued').length).toBeGreaterThan(0);

    // Restart in this process, on the same database and the same Telegram.
    server.setFaults({});
    const outbox = createOutbox({ db, clock: systemClock, logger: silent, senders: { account: () => transport, bot: () => new BotApi(botUser.token, { apiRoot: server.url }) }, kinds: TELEGRAM_KINDS }, CRASH_OPTIONS);
    await outbox.start();
    await until(() => rows().every((r) => r.state === 'sent' || r.state === 'uncertain'), 'every reply to settle', 30_000);
    // An uncertain send is never resent on its own: no row has a timer, and stopping leaves every
    // row as it settled (a resend would have started an attempt: the row 'sending', one more try).
    const settled = rows();
    await outbox.stop();
    expect(rows()).toEqual(settled);

    const final = rows();
    const text = (row: OutboxRow) => (JSON.parse(row.payload) as OutboxPayload & { kind: 'text' }).text;
    const fromAlice = world.allMessages().filter((m) => m.senderId === alice.id);
    const fromBot = world.allMessages().filter((m) => m.senderId === botUser.id);
    const accountRows = final.filter((r) => r.sender_kind === 'account');
    expect(accountRows.every((r) => r.state === 'sent')).toBe(true);
    for (const row of accountRows) {
      const copies = fromAlice.filter((m) => m.randomId === BigInt(row.random_id!));
      expect(copies.map((m) => m.text)).toEqual([text(row)]);
    }
    expect(fromAlice).toHaveLength(250);
    expect(people.reduce((n, p) => n + world.receivedBy(p.id).filter((m) => m.senderId === alice.id).length, 0)).toBe(250);

    const botRows = final.filter((r) => r.sender_kind === 'bot');
    const uncertain = botRows.filter((r) => r.state === 'uncertain');
    expect(uncertain.map((r) => r.id)).toEqual(inFlight('bot').map((r) => r.id));
    for (const row of botRows) {
      const copies = fromBot.filter((m) => m.text === text(row)).length;
      if (row.state === 'sent') expect(copies).toBe(1);
      else expect(copies).toBeLessThanOrEqual(1);
    }
    // The send whose creation triggered the kill did reach Telegram, and was not sent again.
    expect(uncertain.some((row) => fromBot.filter((m) => m.text === text(row)).length === 1)).toBe(true);

    db.close();
    await server.close();
    mtproto.dispose();
  }, 60_000);
});
