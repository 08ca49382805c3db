import { create } from 'zustand';
import type { DeskErrorShape } from '../../../../shared/contract/result';
import type { BotView } from '../../../../shared/domain/connections';
import { errorShape, type DeskClient } from '../../client/desk-client';
import { liveList, runRowAction, type LiveList } from '../live-list';

export type BotMode = BotView['mode'];

export interface BotsState extends LiveList<BotView> {
  adding: boolean;
  addError: DeskErrorShape | null;
  /** The bot when it was added, so the form can clear the token and say so; null when refused. */
  add(token: string, mode: BotMode, apiServer?: string | null): Promise<BotView | null>;
  /** Switches the mode or sets the bot's own Bot API server (null: the app-wide one); true when done. */
  configure(id: number, change: { mode?: BotMode; apiServer?: string | null }): Promise<boolean>;
}

export function createBotsStore(client: DeskClient) {
  return create<BotsState>()((set, get) => ({
    ...liveList<BotView>(set, get, {
      list: async () => (await client.call('bots.list', {})).bots,
      start: (id) => client.call('bots.start', { id }),
      stop: (id) => client.call('bots.stop', { id }),
      remove: (id) => client.call('bots.remove', { id, confirm: true }),
    }),
    adding: false,
    addError: null,
    async add(token, mode, apiServer) {
      set({ adding: true, addError: null });
      try {
        const bot = await client.call('bots.add', { token, mode, ...(apiServer ? { apiServer } : {}) });
        get().applyChanged(bot);
        set({ adding: false });
        return bot;
      } catch (error) {
        set({ adding: false, addError: errorShape(error) });
        return null;
      }
    },
    configure(id, change) {
      return runRowAction(set, id, async () => get().applyChanged(await client.call('bots.configure', { id, ...change })));
    },
  }));
}
