import type { WebSocket } from 'ws';
import { fail, type DeskEvent } from '../../../shared/contract/index';
import type { WsServerMessage } from '../../../shared/contract/transport';
import type { Engine } from '../engine';
import type { Logger } from '../logging/logger';

import type { FairCalls } from './fair-calls';

/**
 * What may wait in memory for one window that does not read its socket (a frozen tab, a
 * stalled network). Past it the window is dropped: it reconnects and reloads what it shows,
 * instead of the engine holding every event it missed.
 */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** Calls one window may have waiting for their turn; more are refused rather than held in memory. */
export const MAX_WAITING_CALLS = 256;

/**
 * The contract over one WebSocket: calls in, results and event batches out. A malformed
 * message is answered with an error and the connection stays open. Calls take their turn
 * in `calls`, shared by all windows.
 */
export function serveContract(socket: WebSocket, engine: Engine, logger: Logger, calls: FairCalls): void {
  const sendText = (text: string) => {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(text);
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      logger.warn({ scope: 'headless', bufferedBytes: socket.bufferedAmount }, 'a window stopped reading; dropped it so it reconnects');
      socket.terminate();
    }
  };
  const send = (message: WsServerMessage) => sendText(JSON.stringify(message));
  const unsubscribe = engine.subscribe((events) => sendText(eventsFrame(events)));
  socket.on('close', () => {
    unsubscribe();
    calls.forget(socket);
  });
  socket.on('error', (error) => logger.warn({ scope: 'headless', err: error }, 'window connection error'));

  socket.on('message', async (data, isBinary) => {
    let message: unknown;
    try {
      message = JSON.parse(isBinary ? '' : data.toString());
    } catch {
      return send({ kind: 'result', id: null, result: fail('invalid_input', 'Message is not valid JSON.') });
    }
    if (!isCall(message)) {
      const id = typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : null;
      return send({
        kind: 'result',
        id,
        result: fail('invalid_input', 'Message must be {"kind":"call","id":<number>,"method":<string>,"input":<object>}.'),
      });
    }
    const { id, method, input } = message;
    const turn = calls.run(socket, () => engine.dispatch(method, input));
    send({
      kind: 'result',
      id,
      result: turn ? await turn : fail('unavailable', `Too many calls from this window are waiting (${MAX_WAITING_CALLS}); try again when earlier ones have answered.`),
    });
  });
}

// Every window's socket is handed the same batch: it is serialized once, not once per window.
const framesByBatch = new WeakMap<DeskEvent[], string>();

function eventsFrame(events: DeskEvent[]): string {
  let frame = framesByBatch.get(events);
  if (frame === undefined) {
    frame = JSON.stringify({ kind: 'events', events } satisfies WsServerMessage);
    framesByBatch.set(events, frame);
  }
  return frame;
}

function isCall(message: unknown): message is { kind: 'call'; id: number; method: string; input: unknown } {
  const m = message as Record<string, unknown> | null;
  return (
    typeof m === 'object' && m !== null && m.kind === 'call' && Number.isSafeInteger(m.id) && typeof m.method === 'string'
  );
}
