import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import pino from 'pino';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import type { CallResult } from '../../../../shared/contract/result';
import type { DeskEvent } from '../../../../shared/contract/index';
import { WS_PATH, type WsServerMessage } from '../../../../shared/contract/transport';
import { DEFAULT_TEAM_SETTINGS, type TeamSettings } from '../../../../shared/domain/operators';
import type { CallContext } from '../../contract/dispatcher';
import { openDatabase } from '../../db/open-database';
import type { ContractPort } from '../../headless/ws-transport';
import { Redactor } from '../../logging/redact';
import type { TeamHub } from '../../operators/team-ports';
import { manualClock } from '../../platform/clock';
import { createSecretBox } from '../../secrets/secret-box';
import { fakeHubSessions } from '../../test-support/fake-hub-sessions';
import { useTempDirs } from '../../test-support/temp-dir';
import { createTeamHub } from '../team-hub';

export const SHARED_ON_LOOPBACK: TeamSettings = { ...DEFAULT_TEAM_SETTINGS, shared: true, host: '127.0.0.1', port: 0 };

/** The engine's two doors as the hub uses them, recording who called and who watches. */
function recordingContract() {
  const calls: { method: unknown; input: unknown; ctx: CallContext | undefined }[] = [];
  const watchers = new Set<{ listener: (events: DeskEvent[]) => void; viewer: CallContext | undefined }>();
  /** What a handler does besides answering (e.g. ends the caller's session, as operators.signOut does). */
  const handlerEffects: ((method: unknown) => void)[] = [];
  const contract: ContractPort = {
    dispatch: async (method, input, ctx) => {
      calls.push({ method, input, ctx });
      for (const effect of handlerEffects) effect(method);
      return { ok: true, value: { echoed: method } };
    },
    subscribe(listener, viewer) {
      const watcher = { listener, viewer };
      watchers.add(watcher);
      return () => watchers.delete(watcher);
    },
  };
  return { contract, calls, watchers, handlerEffects };
}

/** Hubs on real SQLite files with a fake operators service; each is stopped after its test. */
export function useHubs() {
  const tempDir = useTempDirs();
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A desk's data: its database and secret key, which a "restart" opens again. */
  function desk() {
    const dir = tempDir();
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk window</title>');
    return { dir, rendererDir, key: randomBytes(32) };
  }

  function start(data = desk()) {
    const db: Database = openDatabase({ path: join(data.dir, 'desk.sqlite'), backupsDir: join(data.dir, 'backups'), now: () => 0, keepBackups: 1 }).db;
    const clock = manualClock(Date.UTC(2026, 10, 21, 9));
    const fake = fakeHubSessions(clock);
    const recorded = recordingContract();
    const teamChanges: unknown[] = [];
    const hub: TeamHub = createTeamHub({
      db,
      secrets: createSecretBox(data.key, new Redactor()),
      clock,
      logger: pino({ level: 'silent' }),
      events: { emit: (event) => void (event.type === 'operators.teamChanged' && teamChanges.push(event.payload)) },
      contract: recorded.contract,
      sessions: () => fake.sessions,
      rendererDir: data.rendererDir,
    });
    cleanups.push(
      () => hub.stop(),
      () => void db.close(),
    );
    return { hub, db, data, clock, fake, teamChanges, ...recorded };
  }

  return { desk, start };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTPS request trusting only the hub's own certificate (so its names must match too). */
export function fetchHub(
  base: string,
  path: string,
  ca: string,
  options: { method?: string; headers?: Record<string, string>; form?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : options.body;
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      new URL(path, base),
      {
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        ca,
        headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }), ...options.headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The cookie a sign-in answer set, as a browser would send it back. */
export function cookieFrom(answer: Answer): string {
  const set = answer.headers['set-cookie']?.[0];
  if (!set) throw new Error(`no cookie was set (status ${answer.status}): ${answer.body.slice(0, 300)}`);
  return set.split(';')[0]!;
}

/** A window's socket: every message it got, and calls that answer by id. */
export function openWindow(base: string, ca: string, headers: Record<string, string>) {
  const socket = new WebSocket(`${base.replace(/^https/, 'wss')}${WS_PATH}`, { ca, headers });
  const messages: WsServerMessage[] = [];
  const waiting = new Map<number, (result: CallResult<unknown>) => void>();
  let nextId = 1;
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as WsServerMessage;
    messages.push(message);
    if (message.kind === 'result' && message.id !== null) waiting.get(message.id)?.(message.result);
  });
  const opened = new Promise<'open' | number>((resolve) => {
    socket.once('open', () => resolve('open'));
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', () => resolve(0));
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  return {
    socket,
    messages,
    opened,
    closed,
    call(method: string, input: unknown = {}): Promise<CallResult<unknown>> {
      const id = nextId++;
      socket.send(JSON.stringify({ kind: 'call', id, method, input }));
      return new Promise((resolve) => waiting.set(id, resolve));
    },
  };
}

/** A port nobody listens on now (for settings that need a real one). */
export function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }),
  );
}
