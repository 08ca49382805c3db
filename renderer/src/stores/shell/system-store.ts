import { create } from 'zustand';
import type { DiskState, SystemStatus } from '../../../../shared/domain/system';
import { errorMessage, type DeskClient } from '../../client/desk-client';

export interface SystemState {
  status: SystemStatus | null;
  /** The disk holding the data folder, as last heard (status, then `system.disk` events). */
  disk: DiskState | null;
  error: string | null;
  load(): Promise<void>;
  applyDisk(disk: DiskState): void;
}

export function createSystemStore(client: DeskClient) {
  return create<SystemState>()((set) => ({
    status: null,
    disk: null,
    error: null,
    async load() {
      try {
        const status = await client.call('system.status', {});
        set({ status, disk: status.disk, error: null });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
    applyDisk(disk) {
      set({ disk });
    },
  }));
}
