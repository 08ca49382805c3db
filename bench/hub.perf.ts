import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult, DeskEvent } from '../shared/contract/index';
import { WS_PATH } from '../shared/contract/transport';
import type { AccountView } from '../shared/domain/connections';
import type { ConversationView } from '../shared/domain/inbox';
import type { TeamSharingState } from '../shared/domain/operators';
import { createEngine, type Engine } from '../electron/engine/engine';
import { cookieFrom, fetchHub, freePort } from '../electron/engine/hub/test/hub-harness';
import { systemClock } from '../electron/engine/platform/clock';
import { silentNotifier } from '../electron/engine/platform/notifier';
import { fileSecretKeyProvider, HEADLESS_KEY_FILE } from '../electron/engine/secrets/secret-key';
import { jsonFileSettingsStore } from '../electron/engine/settings/json-file-settings';
import { until } from '../electron/engine/test-support/until';
import { percentile, table } from './corpus';
import type { openDeskSocket } from './support/desk-socket';
import { driveLoad, signInSandboxAccount, type LoadResult } from './support/load-driver';

const OPERATORS = Number(process.env.BENCH_HUB_OPERATORS ?? 20);
const RATE = Number(process.env.BENCH_HUB_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_HUB_SECONDS ?? 20);
/** The people writing, one conversation each, spread evenly over the operators. */
const CONVERSATIONS = Number(process.env.BENCH_HUB_CONVERSATIONS ?? 1000);
const LOAD_TICK_MS = 50;
const TARGET_P95_MS = 200;
const WARM_UP_SECONDS = 3;

const dataDir = mkdtempSync(join(tmpdir(), 'desk-hub-bench-'));
writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ workspace: 'sandbox' }));
// The desk runs in this process (its thread is the one measured); the windows run in a worker thread.
const engine: Engine = createEngine({
  dataDir,
  secretKeys: fileSecretKeyProvider(join(dataDir, HEADLESS_KEY_FILE)),
  clock: systemClock,
  notifier: silentNotifier,
  settingsStore: jsonFileSettingsStore(join(dataDir, 'settings.json')),
  mode: 'headless',
  version: 'bench',
  logLevel: 'warn',
});

async function value<T>(result: Promise<CallResult<unknown>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}

/** The desk's own admin, as the load driver and the setup use it. */
const admin = { call: <T>(method: string, input: unknown) => value<T>(engine.dispatch(method, input)), close: () => undefined } as Awaited<ReturnType<typeof openDeskSocket>>;

/** The heap still in use after a full collection: what the desk holds, not garbage waiting. */
function retainedHeapMb(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const epochNow = () => performance.timeOrigin + performance.now();

/** When each incoming message was stored (announced by the engine), and in which conversation. */
const stored = new Map<number, { at: number; conversationId: number }>();
engine.subscribe((events: DeskEvent[]) => {
  const at = epochNow();
  for (const event of events) {
    if (event.type !== 'inbox.messagesChanged') continue;
    for (const m of event.payload.messages) if (!m.outgoing && !stored.has(m.id)) stored.set(m.id, { at, conversationId: m.conversationId });
  }
});

interface WindowSeen {
  ids: number[];
  conversations: number[];
  at: number[];
  frames: number;
  bytes: number;
}

interface HubWindow {
  name: string;
  cookie: string;
  /** The conversations it may see; null: all (an admin). */
  conversations: Set<number> | null;
}

let team: TeamSharingState;
let ca: string;
let targetId: number;
const operatorWindows: HubWindow[] = [];
let adminWindow: HubWindow;

/** Opens the windows in a worker; resolves once every socket is open. */
async function openWindows(windows: HubWindow[]) {
  const worker = new Worker(new URL('./support/hub-windows.worker.mjs', import.meta.url), {
    workerData: { base: team.url, ca, wsPath: WS_PATH, windows: windows.map(({ name, cookie }) => ({ name, cookie })) },
  });
  const next = (kind: string) =>
    new Promise<{ kind: string; seen?: WindowSeen[]; message?: string }>((resolve) => {
      const listener = (message: { kind: string; seen?: WindowSeen[]; message?: string }) => {
        if (message.kind !== kind && message.kind !== 'failed') return;
        worker.off('message', listener);
        resolve(message);
      };
      worker.on('message', listener);
    });
  const opened = await next('open');
  if (opened.kind === 'failed') throw new Error(opened.message);
  return {
    report: async (): Promise<WindowSeen[]> => {
      const answer = next('report');
      worker.postMessage('report');
      return (await answer).seen!;
    },
    close: async () => {
      const closed = next('closed');
      worker.postMessage('close');
      await closed;
      await worker.terminate();
    },
  };
}

interface PhaseFigures {
  name: string;
  load: LoadResult;
  cpuSeconds: number;
  wallSeconds: number;
  rssMb: number;
  heapMb: number;
  heapGrowthMb: number;
  told: number;
  latencies: number[];
  frames: number;
  bytes: number;
}

/** Drives the load for SECONDS with `windows` open, and measures the desk's thread until every window was told. */
async function phase(name: string, windows: HubWindow[]): Promise<PhaseFigures> {
  const opened = windows.length > 0 ? await openWindows(windows) : null;
  stored.clear();
  const heapBeforeMb = retainedHeapMb();
  const cpuBefore = process.threadCpuUsage();
  const started = performance.now();
  const load = await driveLoad(admin, { targetId, rate: RATE, seconds: SECONDS, senders: CONVERSATIONS, tickMs: LOAD_TICK_MS });
  await until(() => stored.size, (n) => n >= load.sent, `${load.sent} messages to be stored`, 120_000);
  // An admin is told every message once; each operator the messages of their own conversations.
  const seen = opened ? await until(opened.report, (s) => s.reduce((n, w) => n + w.ids.length, 0) >= stored.size, 'every window to be told', 120_000) : [];
  const cpu = process.threadCpuUsage(cpuBefore);
  const wallSeconds = (performance.now() - started) / 1000;
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const heapMb = retainedHeapMb();
  await opened?.close();

  const latencies: number[] = [];
  seen.forEach((window, index) => {
    const allowed = windows[index]!.conversations;
    for (let i = 0; i < window.ids.length; i++) {
      // A window is told only of its own conversations, each message once.
      if (allowed) expect(allowed.has(window.conversations[i]!), `${windows[index]!.name} was told of conversation ${window.conversations[i]}`).toBe(true);
      latencies.push(window.at[i]! - stored.get(window.ids[i]!)!.at);
    }
    if (allowed) expect(window.ids.length).toBe([...stored.values()].filter((m) => allowed.has(m.conversationId)).length);
  });
  return {
    name,
    load,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    wallSeconds,
    rssMb,
    heapMb,
    heapGrowthMb: heapMb - heapBeforeMb,
    told: latencies.length,
    latencies: latencies.sort((a, b) => a - b),
    frames: seen.reduce((n, w) => n + w.frames, 0),
    bytes: seen.reduce((n, w) => n + w.bytes, 0),
  };
}

/** The operator chooses a password on their invite link; the cookie is their window's session. */
async function signInByInvite(inviteUrl: string): Promise<string> {
  const token = new URL(inviteUrl).searchParams.get('token')!;
  const password = `bench password ${token.slice(0, 8)}`;
  return cookieFrom(await fetchHub(team.url!, '/invite', ca, { form: { token, password, repeat: password }, headers: { Origin: team.url! } }));
}

beforeAll(async () => {
  await engine.start();
  targetId = (await signInSandboxAccount(admin)).id;
  const accountId = (await admin.call<{ accounts: AccountView[] }>('accounts.list', {})).accounts[0]!.id;
  // Every person writes once, so each has a conversation to hand to an operator before the load.
  await admin.call('sandbox.crowdWrite', { targetId, count: CONVERSATIONS, senders: CONVERSATIONS, text: 'hello' });
  await until(() => stored.size, (n) => n >= CONVERSATIONS, 'the first message of every person to be stored', 120_000);
  const conversations: ConversationView[] = [];
  for (let offset = 0; offset < CONVERSATIONS; offset += 500) {
    conversations.push(...(await admin.call<{ conversations: ConversationView[] }>('inbox.conversations', { filter: {}, limit: 500, offset })).conversations);
  }

  team = await admin.call<TeamSharingState>('operators.saveTeam', { shared: true, host: '127.0.0.1', port: await freePort(), sessionHours: 12, returnAfterMinutes: 24 * 60, operatorsMayReassign: false });
  if (team.error) throw new Error(team.error);
  ca = engine.db.prepare('SELECT certificate FROM hub_certificate').pluck().get() as string;

  for (let i = 0; i < OPERATORS; i++) {
    const { operator, invite } = await admin.call<{ operator: { id: string }; invite: { url: string } }>('operators.invite', {
      name: `Operator ${i + 1}`,
      role: 'operator',
      capacity: 1000,
      autoAssign: false,
      senders: [{ kind: 'account', id: accountId }],
    });
    const mine = conversations.filter((_, k) => k % OPERATORS === i);
    for (const conversation of mine) await admin.call('inbox.assign', { conversationId: conversation.id, operatorId: operator.id });
    operatorWindows.push({ name: `Operator ${i + 1}`, cookie: await signInByInvite(invite.url), conversations: new Set(mine.map((c) => c.id)) });
  }
  const { invite } = await admin.call<{ invite: { url: string } }>('operators.invite', { name: 'Admin', role: 'admin', capacity: null, autoAssign: false, senders: [] });
  adminWindow = { name: 'Admin', cookie: await signInByInvite(invite.url), conversations: null };
  // Unmeasured: the first seconds of load also warm up the JIT and the database's caches.
  await driveLoad(admin, { targetId, rate: RATE, seconds: WARM_UP_SECONDS, senders: CONVERSATIONS, tickMs: LOAD_TICK_MS });
}, 600_000);

afterAll(async () => {
  await engine.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('team hub', () => {
  it(`${OPERATORS} operator windows over TLS under ${RATE} incoming messages a second, against one admin window`, async () => {
    const none = await phase('no window open', []);
    const one = await phase('one admin window (everything)', [adminWindow]);
    const operators = await phase(`${OPERATORS} operator windows (each its own)`, operatorWindows);

    const cpuShare = (p: PhaseFigures) => p.cpuSeconds / p.wallSeconds;
    // Per message, since the rate each phase reached differs a little on a busy machine.
    const cpuMsPerThousand = (p: PhaseFigures) => (p.cpuSeconds * 1e6) / p.load.sent;
    const row = (p: PhaseFigures): [string, string] => {
      const rate = Math.round(p.load.sent / p.load.seconds);
      const latency = p.told ? `p50 ${percentile(p.latencies, 50).toFixed(0)} ms, p95 ${percentile(p.latencies, 95).toFixed(0)} ms, max ${p.latencies.at(-1)!.toFixed(0)} ms` : '-';
      return [
        p.name,
        `${rate}/s stored; desk thread ${(cpuShare(p) * 100).toFixed(0)}% of a core (${cpuMsPerThousand(p).toFixed(0)} ms per 1,000 messages); RSS ${p.rssMb.toFixed(0)} MB, heap retained ${p.heapMb.toFixed(0)} MB (${p.heapGrowthMb >= 0 ? '+' : ''}${p.heapGrowthMb.toFixed(0)} over the phase); told ${p.told.toLocaleString('en')} in ${p.frames.toLocaleString('en')} frames (${(p.bytes / 2 ** 20).toFixed(1)} MB); stored → told ${latency}`,
      ];
    };
    const deliveryCost = (p: PhaseFigures) => cpuMsPerThousand(p) - cpuMsPerThousand(none);
    table(`Team hub: ${RATE}/s incoming messages over ${CONVERSATIONS} conversations for ${SECONDS} s (sandbox → account → store → per-operator cut → TLS WebSocket)`, [
      row(none),
      row(one),
      row(operators),
      [
        'delivery CPU per 1,000 messages (above no window)',
        `admin ${deliveryCost(one).toFixed(0)} ms, operators ${deliveryCost(operators).toFixed(0)} ms${deliveryCost(one) > 0 ? ` (${(deliveryCost(operators) / deliveryCost(one)).toFixed(1)}×)` : ' (the admin’s is within the noise of a busy machine)'}`,
      ],
      ['desk thread CPU per message: operators / admin', `${(cpuMsPerThousand(operators) / cpuMsPerThousand(one)).toFixed(2)}×`],
      ['bytes sent: operators / admin', `${(operators.bytes / one.bytes).toFixed(2)}× (${(operators.frames / one.frames).toFixed(1)}× the frames)`],
      [`p95 stored → told, target < ${TARGET_P95_MS} ms`, `operators ${percentile(operators.latencies, 95).toFixed(0)} ms, admin ${percentile(one.latencies, 95).toFixed(0)} ms`],
      ['machine load average (1 min) at the end', `${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`],
      ['note', 'RSS is the whole process (the windows’ thread included); the heap is the desk’s thread, which also holds the simulated Telegram and its messages'],
    ]);
    expect(one.told).toBe(one.load.sent);
    expect(operators.told).toBe(operators.load.sent);
  }, 900_000);
});
