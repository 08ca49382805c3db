import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CallResult } from '../../../shared/contract/result';
import type { DeskEvent } from '../../../shared/contract/index';
import type { Engine } from '../engine';
import { useTempDirs } from '../test-support/temp-dir';
import { startHeadlessServer, type HeadlessServer } from './server';
import { createStaticFiles } from './static-files';
import { MAX_BUFFERED_BYTES, MAX_WAITING_CALLS } from './ws-transport';

const tempDir = useTempDirs();
const servers: HeadlessServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** Just the two things the server uses of an engine: calls in, event batches out. */
function fakeEngine(handlers: Record<string, () => unknown> = {}) {
  const listeners = new Set<(events: DeskEvent[]) => void>();
  const engine = {
    dispatch: async (method: unknown): Promise<CallResult<unknown>> => ({ ok: true, value: (await handlers[method as string]?.()) ?? null }),
    subscribe(listener: (events: DeskEvent[]) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { engine: engine as unknown as Engine, listeners, emit: (events: DeskEvent[]) => [...listeners].forEach((l) => l(events)) };
}

function recordingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { logger, lines };
}

async function start(engine = fakeEngine().engine, logger = recordingLogger().logger) {
  const root = tempDir();
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(root, 'secret.txt'), 'SECRET OUTSIDE THE WINDOW FOLDER');
  writeFileSync(join(root, 'renderer-private.txt'), 'SECRET NEXT TO THE WINDOW FOLDER');
  const server = await startHeadlessServer({ engine, logger, rendererDir, host: '127.0.0.1', port: 0, allowRemote: false });
  servers.push(server);
  const cookie = await signIn(server);
  return { server, cookie, port: Number(new URL(server.origin).port) };
}

/** A raw request: the path is sent byte for byte, as an attacker would, not normalised. */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function signIn(server: HeadlessServer): Promise<string> {
  const link = new URL(server.issueLoginUrl());
  const answer = await get(Number(link.port), `${link.pathname}${link.search}`);
  expect(answer.status).toBe(303);
  return String((answer.headers['set-cookie'] as string[])[0]).split(';')[0]!;
}

function openSocket(port: number, cookie: string, origin = `http://127.0.0.1:${port}`, host = `127.0.0.1:${port}`) {
  return new WebSocket(`ws://127.0.0.1:${port}/desk`, { headers: { cookie, origin, host } });
}

function outcome(ws: WebSocket): Promise<'open' | number> {
  return new Promise((resolve) => {
    ws.once('open', () => resolve('open'));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode!));
    ws.once('error', () => resolve(0));
  });
}

describe('headless server: who may talk to it', () => {
  it('answers only requests addressed to its own host name (DNS rebinding)', async () => {
    const { port, cookie } = await start();
    expect((await get(port, '/', { cookie })).status).toBe(200);
    expect((await get(port, '/', { cookie, host: `localhost:${port}` })).status).toBe(200);
    const rebound = await get(port, '/', { cookie, host: `evil.example:${port}` });
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain('<title>desk</title>');
    expect((await get(port, '/', { cookie, host: `127.0.0.1:${port + 1}` })).status).toBe(421);
  });

  it('opens the socket only for its own signed-in pages', async () => {
    const { port, cookie } = await start();
    const own = openSocket(port, cookie);
    expect(await outcome(own)).toBe('open');
    own.close();
    expect(await outcome(openSocket(port, cookie, 'http://evil.example'))).toBe(401);
    expect(await outcome(openSocket(port, cookie, `http://127.0.0.1:${port}`, `evil.example:${port}`))).toBe(401);
    expect(await outcome(openSocket(port, 'desk_session=forged'))).toBe(401);
  });

  it('never serves a file outside the window folder, however the path is spelled', async () => {
    const { port, cookie } = await start();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/assets/../../secret.txt', '/../renderer-private.txt', '/%2e%2e/renderer-private.txt']) {
      const answer = await get(port, path, { cookie });
      expect(answer.body, path).not.toContain('SECRET');
    }
  });

  it('keeps a path that climbs out of the window folder out, even without a leading slash', () => {
    const root = tempDir();
    mkdirSync(join(root, 'renderer'));
    writeFileSync(join(root, 'renderer', 'index.html'), 'index');
    writeFileSync(join(root, 'secret.txt'), 'SECRET');
    const files = createStaticFiles(join(root, 'renderer'));
    for (const path of ['../secret.txt', 'assets/../../secret.txt', '..\\..\\secret.txt']) {
      expect(files.get(path)?.body.toString() ?? '', path).not.toContain('SECRET');
    }
  });

  it('answers malformed percent-encoding with 400 and logs no error', async () => {
    const { lines, logger } = recordingLogger();
    const { port, cookie } = await start(undefined, logger);
    const answer = await get(port, '/%E0%A4%A', { cookie });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('malformed');
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('headless server: one window cannot hurt the others', () => {
  it('drops a window that stops reading once its buffer passes the cap; a reading window stays', async () => {
    const fake = fakeEngine();
    const { port, cookie } = await start(fake.engine);
    const stalled = openSocket(port, cookie);
    const reading = openSocket(port, cookie);
    expect(await outcome(stalled)).toBe('open');
    expect(await outcome(reading)).toBe('open');
    let received = 0;
    reading.on('message', (data: Buffer) => (received += data.length));
    (stalled as unknown as { _socket: { pause(): void } })._socket.pause();

    const batch = [{ type: 'logs.appended', payload: { filler: 'x'.repeat(64 * 1024) } }] as unknown as DeskEvent[];
    let sent = 0;
    // Far more than the cap, so without one the server would buffer it all for the stalled window.
    while (fake.listeners.size === 2 && sent < (MAX_BUFFERED_BYTES * 8) / (64 * 1024)) {
      fake.emit(batch);
      sent += 1;
      await new Promise((r) => setImmediate(r));
    }
    expect(fake.listeners.size).toBe(1);
    expect(sent * 64 * 1024).toBeLessThan(MAX_BUFFERED_BYTES * 4);

    const closed = new Promise<void>((resolve) => stalled.once('close', () => resolve()));
    (stalled as unknown as { _socket: { resume(): void } })._socket.resume();
    await closed;
    expect(reading.readyState).toBe(WebSocket.OPEN);
    await new Promise<void>((resolve) => {
      const check = () => (received >= sent * 64 * 1024 ? resolve() : reading.once('message', check));
      check();
    });
    reading.close();
  });

  it('answers another window while one window has many heavy calls waiting', async () => {
    let heavyDone = 0;
    let heavyStarted: () => void = () => {};
    const firstHeavy = new Promise<void>((resolve) => (heavyStarted = resolve));
    const fake = fakeEngine({
      'test.heavy': () => {
        heavyStarted();
        // Synchronous work, as a big SQLite query is: nothing else runs meanwhile.
        const until = performance.now() + 150;
        while (performance.now() < until);
        heavyDone += 1;
        return 'heavy';
      },
      'test.light': () => 'light',
    });
    const { port, cookie } = await start(fake.engine);
    const busy = openSocket(port, cookie);
    const other = openSocket(port, cookie);
    expect(await outcome(busy)).toBe('open');
    expect(await outcome(other)).toBe('open');

    const allHeavy = new Promise<void>((resolve) => {
      let answers = 0;
      busy.on('message', () => (++answers === 10 ? resolve() : undefined));
    });
    for (let id = 1; id <= 10; id++) busy.send(JSON.stringify({ kind: 'call', id, method: 'test.heavy', input: {} }));
    await firstHeavy;
    const lightAnswered = new Promise<number>((resolve) => other.once('message', () => resolve(heavyDone)));
    other.send(JSON.stringify({ kind: 'call', id: 1, method: 'test.light', input: {} }));
    expect(await lightAnswered).toBeLessThanOrEqual(2);
    await allHeavy;
    busy.close();
    other.close();
  });

  it('refuses calls past a bound instead of queueing without end, and answers the window', async () => {
    let started = 0;
    const fake = fakeEngine({ 'test.hang': () => (started++, new Promise(() => {})) });
    const { port, cookie } = await start(fake.engine);
    const flood = openSocket(port, cookie);
    expect(await outcome(flood)).toBe('open');
    const refused = new Promise<{ id: number; result: CallResult<unknown> }>((resolve) =>
      flood.on('message', (data: Buffer) => resolve(JSON.parse(data.toString()) as { id: number; result: CallResult<unknown> })),
    );
    const total = MAX_WAITING_CALLS + 10;
    for (let id = 1; id <= total; id++) flood.send(JSON.stringify({ kind: 'call', id, method: 'test.hang', input: {} }));
    const answer = await refused;
    expect(answer.id).toBeGreaterThan(MAX_WAITING_CALLS);
    expect(answer.result).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('Too many calls') } });
    expect(started).toBeLessThan(10);
    flood.close();
  });
});
