import { create } from 'zustand';
import type { BotEndpoints } from '../../../../shared/domain/bot-endpoints';
import { errorMessage, type DeskClient } from '../../client/desk-client';

export type BotEndpointField = 'webhookBaseUrl' | 'apiServer';

export interface BotEndpointsState {
  value: BotEndpoints | null;
  loadError: string | null;
  saving: boolean;
  /** The engine's refusal, with the field it named ("apiServer: …") when it named one. */
  saveError: { field: BotEndpointField | null; message: string } | null;
  savedCount: number;
  load(): Promise<void>;
  save(patch: Partial<Record<BotEndpointField, string | null>>): Promise<boolean>;
  applyRemote(value: BotEndpoints): void;
}

/** The public webhook address and the app-wide Bot API server of the running workspace. */
export function createBotEndpointsStore(client: DeskClient) {
  return create<BotEndpointsState>()((set) => ({
    value: null,
    loadError: null,
    saving: false,
    saveError: null,
    savedCount: 0,
    async load() {
      try {
        set({ value: await client.call('bots.endpoints', {}), loadError: null });
      } catch (error) {
        set({ loadError: errorMessage(error) });
      }
    },
    async save(patch) {
      set({ saving: true, saveError: null });
      try {
        const value = await client.call('bots.setEndpoints', patch);
        set((s) => ({ value, saving: false, savedCount: s.savedCount + 1 }));
        return true;
      } catch (error) {
        const message = errorMessage(error);
        const named = /^(webhookBaseUrl|apiServer):\s*([\s\S]+)$/.exec(message);
        set({ saving: false, saveError: named ? { field: named[1] as BotEndpointField, message: named[2]! } : { field: null, message } });
        return false;
      }
    },
    applyRemote(value) {
      set({ value });
    },
  }));
}
