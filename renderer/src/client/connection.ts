/** How reachable the engine is, as the window sees it. */
export type ConnectionState =
  | { status: 'connected' }
  | { status: 'reconnecting'; attempt: number }
  | { status: 'offline' };

export type ConnectionStatus = ConnectionState['status'];

/** Anything that can report connection changes (the WebSocket transport; IPC is always up). */
export interface ConnectionSource {
  getState(): ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

/** IPC to the preload cannot drop while the window lives, so it is always connected. */
export const alwaysConnected: ConnectionSource = {
  getState: () => ({ status: 'connected' }),
  subscribe: () => () => {},
};
