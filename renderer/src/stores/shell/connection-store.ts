import { create } from 'zustand';
import type { ConnectionState } from '../../client/connection';
import type { DeskClient } from '../../client/desk-client';

export interface ConnectionStoreState {
  state: ConnectionState;
}

/** Mirrors the transport's connection state; the transport is the source of truth. */
export function createConnectionStore(client: DeskClient) {
  const store = create<ConnectionStoreState>()(() => ({ state: client.connection.getState() }));
  client.connection.subscribe((state) => store.setState({ state }));
  return store;
}
