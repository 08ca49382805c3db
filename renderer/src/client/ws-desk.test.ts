import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WsCallMessage } from '../../../shared/contract/transport';
import type { ConnectionState } from './connection';
import { createDeskClient } from './desk-client';
import { createWsDesk, defaultWsUrl, type WebSocketLike } from './ws-desk';

class FakeSocket implements WebSocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: WsCallMessage[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(JSON.parse(data) as WsCallMessage);
  }
  close() {
    this.readyState = 3;
  }
  // Test controls:
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onerror?.({});
    this.onclose?.({});
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

const latest = () => FakeSocket.all[FakeSocket.all.length - 1]!;

function makeDesk(overrides: Partial<Parameters<typeof createWsDesk>[0]> = {}) {
  const desk = createWsDesk({
    url: 'ws://127.0.0.1:5000/desk',
    WebSocket: FakeSocket,
    initialDelayMs: 100,
    maxDelayMs: 800,
    offlineAfterAttempts: 3,
    queueTimeoutMs: 5000,
    ...overrides,
  });
  const states: ConnectionState[] = [];
  desk.connection.subscribe((s) => states.push(s));
  return { desk, states };
}

describe('ws-desk', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('builds the socket URL from the page location', () => {
    expect(defaultWsUrl({ protocol: 'http:', host: '127.0.0.1:4010' })).toBe('ws://127.0.0.1:4010/desk');
    expect(defaultWsUrl({ protocol: 'https:', host: 'desk.local' })).toBe('wss://desk.local/desk');
  });

  it('matches results to calls by id, whatever order they come back in', async () => {
    const { desk } = makeDesk();
    latest().open();
    const first = desk.call('settings.get', {});
    const second = desk.call('system.status', {});
    const [m1, m2] = latest().sent;
    expect(m1).toEqual({ kind: 'call', id: m1!.id, method: 'settings.get', input: {} });
    expect(m2!.method).toBe('system.status');
    expect(m1!.id).not.toBe(m2!.id);

    latest().receive({ kind: 'result', id: m2!.id, result: { ok: true, value: 'status' } });
    latest().receive({ kind: 'result', id: m1!.id, result: { ok: false, error: { code: 'not_found', message: 'gone' } } });

    await expect(second).resolves.toEqual({ ok: true, value: 'status' });
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'not_found', message: 'gone' } });
  });

  it('turns error results into thrown DeskErrors through the client', async () => {
    const { desk } = makeDesk();
    latest().open();
    const client = createDeskClient(desk, desk.connection);
    const pending = client.call('settings.update', { httpIntake: { port: 80 } });
    const sent = latest().sent[0]!;
    expect(sent.input).toEqual({ httpIntake: { port: 80 } });
    latest().receive({
      kind: 'result',
      id: sent.id,
      result: { ok: false, error: { code: 'invalid_input', message: 'httpIntake.port: must be 1024 or higher' } },
    });
    await expect(pending).rejects.toMatchObject({ name: 'DeskError', code: 'invalid_input' });
  });

  it('delivers event batches to listeners by type', () => {
    const { desk } = makeDesk();
    latest().open();
    const notices: unknown[] = [];
    const changed: unknown[] = [];
    desk.on('system.notice', (p) => notices.push(p));
    const off = desk.on('settings.changed', (p) => changed.push(p));
    latest().receive({
      kind: 'events',
      events: [
        { type: 'system.notice', payload: { level: 'warn', message: 'a' } },
        { type: 'system.notice', payload: { level: 'info', message: 'b' } },
        { type: 'settings.changed', payload: { language: 'ru' } },
      ],
    });
    off();
    latest().receive({ kind: 'events', events: [{ type: 'settings.changed', payload: { language: 'en' } }] });
    expect(notices).toEqual([
      { level: 'warn', message: 'a' },
      { level: 'info', message: 'b' },
    ]);
    expect(changed).toEqual([{ language: 'ru' }]);
  });

  it('queues calls made before the socket opens and sends them on open', async () => {
    const { desk } = makeDesk();
    const pending = desk.call('settings.get', {});
    expect(latest().sent).toHaveLength(0);
    latest().open();
    expect(latest().sent.map((m) => m.method)).toEqual(['settings.get']);
    latest().receive({ kind: 'result', id: latest().sent[0]!.id, result: { ok: true, value: 1 } });
    await expect(pending).resolves.toEqual({ ok: true, value: 1 });
  });

  it('fails a queued call with unavailable after the queue timeout', async () => {
    const { desk } = makeDesk({ queueTimeoutMs: 1000 });
    const pending = desk.call('settings.get', {});
    vi.advanceTimersByTime(1000);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    latest().open();
    expect(latest().sent).toHaveLength(0);
  });

  it('fails in-flight calls when the socket drops and does not resend them', async () => {
    const { desk } = makeDesk();
    latest().open();
    const pending = desk.call('settings.update', { theme: 'dark' });
    const firstSocket = latest();
    firstSocket.drop();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    vi.advanceTimersByTime(100);
    latest().open();
    expect(latest()).not.toBe(firstSocket);
    expect(latest().sent).toHaveLength(0);
  });

  it('reconnects with capped exponential backoff and reports the state', () => {
    const { desk, states } = makeDesk();
    expect(desk.connection.getState()).toEqual({ status: 'reconnecting', attempt: 0 });
    latest().open();
    expect(desk.connection.getState()).toEqual({ status: 'connected' });

    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = FakeSocket.all.length;
      latest().drop();
      let waited = 0;
      while (FakeSocket.all.length === before) {
        vi.advanceTimersByTime(50);
        waited += 50;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([100, 200, 400, 800, 800]);
    expect(states).toEqual([
      { status: 'connected' },
      { status: 'reconnecting', attempt: 1 },
      { status: 'reconnecting', attempt: 2 },
      { status: 'reconnecting', attempt: 3 },
      { status: 'offline' },
      { status: 'offline' },
    ]);

    latest().open();
    expect(desk.connection.getState()).toEqual({ status: 'connected' });
    // A success resets the backoff.
    const before = FakeSocket.all.length;
    latest().drop();
    vi.advanceTimersByTime(100);
    expect(FakeSocket.all.length).toBe(before + 1);
  });

  it('sends queued calls made while reconnecting once the new socket opens', async () => {
    const { desk } = makeDesk();
    latest().open();
    latest().drop();
    const pending = desk.call('system.status', {});
    vi.advanceTimersByTime(100);
    latest().open();
    const sent = latest().sent[0]!;
    expect(sent.method).toBe('system.status');
    latest().receive({ kind: 'result', id: sent.id, result: { ok: true, value: 'ok' } });
    await expect(pending).resolves.toEqual({ ok: true, value: 'ok' });
  });

  it('stops for good on close()', async () => {
    const { desk } = makeDesk();
    const queued = desk.call('settings.get', {});
    desk.close();
    await expect(queued).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const count = FakeSocket.all.length;
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.all.length).toBe(count);
    expect(desk.connection.getState()).toEqual({ status: 'offline' });
  });
});
