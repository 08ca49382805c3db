import { create } from 'zustand';
import { errorMessage, type DeskClient } from '../../client/desk-client';

export interface HttpApiInfo {
  enabled: boolean;
  url: string | null;
  token: string;
  error: string | null;
}

export interface HttpApiState {
  info: HttpApiInfo | null;
  error: string | null;
  renewing: boolean;
  load(): Promise<void>;
  renewToken(): Promise<void>;
}

/** The local API other systems call (/api/health), and the token they must present. */
export function createHttpApiStore(client: DeskClient) {
  return create<HttpApiState>()((set) => ({
    info: null,
    error: null,
    renewing: false,
    async load() {
      try {
        set({ info: await client.call('system.httpApi', {}), error: null });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
    async renewToken() {
      set({ renewing: true });
      try {
        set({ info: await client.call('system.renewHttpToken', {}), error: null, renewing: false });
      } catch (error) {
        set({ error: errorMessage(error), renewing: false });
      }
    },
  }));
}
