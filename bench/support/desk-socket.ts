import WebSocket from 'ws';
import type { BrowserContext } from 'playwright-core';
import { WS_PATH, type WsServerMessage } from '../../shared/contract/transport';

/**
 * A contract connection from the benchmark process to a desk running in its own process,
 * signed in with the browser's session cookie. It drives the load; the window under test
 * stays untouched by it. Event batches (which every connection receives) are skipped unread.
 */
export async function openDeskSocket(origin: string, context: BrowserContext) {
  const cookie = (await context.cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ');
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}${WS_PATH}`, { headers: { Cookie: cookie, Origin: origin } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  socket.on('message', (data) => {
    const text = data.toString();
    if (!text.startsWith('{"kind":"result"')) return;
    const message = JSON.parse(text) as Extract<WsServerMessage, { kind: 'result' }>;
    const waiter = message.id === null ? undefined : waiting.get(message.id);
    if (!waiter) return;
    waiting.delete(message.id!);
    if (message.result.ok) waiter.resolve(message.result.value);
    else waiter.reject(new Error(`${message.result.error.code}: ${message.result.error.message}`));
  });
  return {
    call<T>(method: string, input: unknown): Promise<T> {
      const id = nextId++;
      socket.send(JSON.stringify({ kind: 'call', id, method, input }));
      return new Promise<T>((resolve, reject) => waiting.set(id, { resolve: resolve as (value: unknown) => void, reject }));
    },
    close: () => socket.close(),
  };
}
