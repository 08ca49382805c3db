import { create } from 'zustand';
import type { SystemStatus } from '../../../shared/domain/system';
import { errorMessage, type DeskClient } from '../client/desk-client';

export interface SystemState {
  status: SystemStatus | null;
  error: string | null;
  load(): Promise<void>;
}

export function createSystemStore(client: DeskClient) {
  return create<SystemState>()((set) => ({
    status: null,
    error: null,
    async load() {
      try {
        set({ status: await client.call('system.status', {}), error: null });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
  }));
}
