import type { WebSocket } from 'ws';
import { fail, type DeskEvent } from '../../../shared/contract/index';
import type { WsServerMessage } from '../../../shared/contract/transport';
import type { CallContext } from '../contract/dispatcher';
import type { Engine } from '../engine';
import type { Logger } from '../logging/logger';
import type { ResolvedSession, SessionEndReason } from '../operators/team-ports';
import type { FairCalls } from './fair-calls';

/** What a window's socket uses of the engine: calls in, event batches (cut to the viewer) out. */
export type ContractPort = Pick<Engine, 'dispatch' | 'subscribe'>;

/** Who is behind a socket. */
export interface SocketCaller {
  /** Whose cut of the events the window gets. */
  viewer: CallContext;
  /** Who makes the call now; asked on every call, since a hub session may have ended meanwhile. */
  resolve(): ResolvedSession;
}

/** Close code for a socket whose session ended: the window shows the sign-in page rather than reconnecting. */
export const SESSION_ENDED_CLOSE = 4401;

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
export function serveContract(socket: WebSocket, engine: ContractPort, logger: Logger, calls: FairCalls, caller: SocketCaller): void {
  const sendText = (text: string) => {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(text);
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      logger.warn({ scope: 'headless', bufferedBytes: socket.bufferedAmount }, 'a window stopped reading; dropped it so it reconnects');
      socket.terminate();
    }
  };
  const send = (message: WsServerMessage) => sendText(JSON.stringify(message));
  const unsubscribe = engine.subscribe((events) => sendText(eventsFrame(events)), caller.viewer);
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
    const who = caller.resolve();
    if (!who.ok) {
      send({ kind: 'result', id, result: fail('forbidden', who.message) });
      return endSession(socket, who.reason === 'unknown' ? 'revoked' : who.reason);
    }
    const turn = calls.run(socket, () => engine.dispatch(method, input, who.ctx));
    send({
      kind: 'result',
      id,
      result: turn ? await turn : fail('unavailable', `Too many calls from this window are waiting (${MAX_WAITING_CALLS}); try again when earlier ones have answered.`),
    });
  });
}

/** Tells the window its session ended, then closes its socket. */
export function endSession(socket: WebSocket, reason: SessionEndReason): void {
  if (socket.readyState !== socket.OPEN) return;
  socket.send(JSON.stringify({ kind: 'events', events: [{ type: 'operators.sessionEnded', payload: { reason } }] } satisfies WsServerMessage));
  socket.close(SESSION_ENDED_CLOSE, 'session ended');
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
