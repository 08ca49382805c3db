import type { DeskApi } from '../../../shared/contract/index';
import { createEventFanout } from '../../../shared/contract/event-fanout';
import type { CallResult } from '../../../shared/contract/result';
import {
  WS_PATH,
  type WsCallMessage,
  type WsServerMessage,
} from '../../../shared/contract/transport';
import type { ConnectionSource, ConnectionState } from './connection';

/** The part of the browser's WebSocket this transport uses, so tests can inject a fake. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface WsDeskOptions {
  url: string;
  WebSocket?: WebSocketConstructor;
  /** First reconnect delay; doubles per failed attempt up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** After this many failed attempts in a row the state reads `offline` (retries go on). */
  offlineAfterAttempts?: number;
  /** How long a call made while disconnected waits in the queue before failing. */
  queueTimeoutMs?: number;
}

export interface WsDesk extends DeskApi {
  readonly connection: ConnectionSource;
  /** Stops reconnecting and fails everything pending; for tests and page teardown. */
  close(): void;
}

const OPEN = 1;

interface Pending {
  resolve(result: CallResult<unknown>): void;
  timer: ReturnType<typeof setTimeout> | null;
  message: WsCallMessage;
}

function unavailable(message: string): CallResult<never> {
  return { ok: false, error: { code: 'unavailable', message } };
}

/** `ws(s)://<this page's host>/desk`: headless mode serves the page and the socket together. */
export function defaultWsUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${WS_PATH}`;
}

/**
 * The contract over a WebSocket, for headless mode. The browser's cookie authenticates the
 * socket, so no token passes through here.
 *
 * Queueing policy: a call made while the socket is down waits in a queue and is sent once
 * the socket opens; if that takes longer than `queueTimeoutMs` it answers `unavailable`.
 * A call already sent when the socket drops answers `unavailable` at once and is never
 * resent: the engine may have run it, and resending could do the work twice.
 */
export function createWsDesk(options: WsDeskOptions): WsDesk {
  const Ctor = options.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketConstructor);
  const initialDelay = options.initialDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 10_000;
  const offlineAfter = options.offlineAfterAttempts ?? 5;
  const queueTimeout = options.queueTimeoutMs ?? 15_000;

  const fanout = createEventFanout();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const queued: Pending[] = [];
  const inFlight = new Map<number, Pending>();
  let state: ConnectionState = { status: 'reconnecting', attempt: 0 };
  let socket: WebSocketLike | null = null;
  let failures = 0;
  let nextId = 1;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  function setState(next: ConnectionState): void {
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  }

  function send(pending: Pending): void {
    inFlight.set(pending.message.id, pending);
    socket!.send(JSON.stringify(pending.message));
  }

  function flushQueue(): void {
    for (const pending of queued.splice(0)) {
      if (pending.timer) clearTimeout(pending.timer);
      pending.timer = null;
      send(pending);
    }
  }

  function failInFlight(reason: string): void {
    for (const pending of inFlight.values()) pending.resolve(unavailable(reason));
    inFlight.clear();
  }

  function scheduleReconnect(): void {
    if (closed) return;
    failures += 1;
    setState(failures > offlineAfter ? { status: 'offline' } : { status: 'reconnecting', attempt: failures });
    const delay = Math.min(maxDelay, initialDelay * 2 ** (failures - 1));
    retryTimer = setTimeout(connect, delay);
  }

  function handleMessage(raw: unknown): void {
    let message: WsServerMessage;
    try {
      message = JSON.parse(String(raw)) as WsServerMessage;
    } catch {
      console.error('desk socket: unreadable message');
      return;
    }
    if (message.kind === 'events') {
      fanout.deliver(message.events);
    } else if (message.kind === 'result') {
      if (message.id === null) {
        // The server could not read one of our messages at all: a bug, not a user error.
        console.error('desk socket: server rejected a message', message.result);
        return;
      }
      const pending = inFlight.get(message.id);
      if (!pending) return;
      inFlight.delete(message.id);
      pending.resolve(message.result);
    }
  }

  function connect(): void {
    retryTimer = null;
    if (closed) return;
    let ws: WebSocketLike;
    try {
      ws = new Ctor(options.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      failures = 0;
      setState({ status: 'connected' });
      flushQueue();
    };
    ws.onmessage = (event) => {
      if (socket === ws) handleMessage(event.data);
    };
    ws.onerror = () => {
      // Browsers always follow an error with close; reconnecting happens there.
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failInFlight('The connection to the engine was lost.');
      scheduleReconnect();
    };
  }

  connect();

  return {
    connection: {
      getState: () => state,
      subscribe(listener) {
        stateListeners.add(listener);
        return () => stateListeners.delete(listener);
      },
    },
    on: (type, listener) => fanout.on(type, listener),
    call(method, input) {
      return new Promise((resolve) => {
        if (closed) {
          resolve(unavailable('The connection to the engine is closed.'));
          return;
        }
        const message: WsCallMessage = { kind: 'call', id: nextId++, method, input };
        const pending: Pending = {
          resolve: resolve as (result: CallResult<unknown>) => void,
          timer: null,
          message,
        };
        if (socket && socket.readyState === OPEN) {
          send(pending);
          return;
        }
        pending.timer = setTimeout(() => {
          const index = queued.indexOf(pending);
          if (index >= 0) queued.splice(index, 1);
          resolve(unavailable('The engine is not reachable.'));
        }, queueTimeout);
        queued.push(pending);
      });
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = socket;
      socket = null;
      current?.close();
      failInFlight('The connection to the engine is closed.');
      for (const pending of queued.splice(0)) {
        if (pending.timer) clearTimeout(pending.timer);
        pending.resolve(unavailable('The connection to the engine is closed.'));
      }
      setState({ status: 'offline' });
    },
  };
}
