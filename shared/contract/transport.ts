import type { CallResult } from './result';
import type { DeskEvent } from './index';

/**
 * Two generic channels carry the whole contract (the method name travels as data),
 * so no per-method channel string exists anywhere.
 */
export const IPC_CALL_CHANNEL = 'desk:call';
export const IPC_EVENTS_CHANNEL = 'desk:events';

/** Headless mode's WebSocket messages. */
export interface WsCallMessage {
  kind: 'call';
  id: number;
  method: string;
  input: unknown;
}

export type WsServerMessage =
  | { kind: 'result'; id: number | null; result: CallResult<unknown> }
  | { kind: 'events'; events: DeskEvent[] };

export const WS_PATH = '/desk';
