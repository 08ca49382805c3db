import { create } from 'zustand';
import type { DeskErrorShape } from '../../../../shared/contract/result';
import type { AccountView, SignInStep } from '../../../../shared/domain/connections';
import type { BenchView } from '../../../../shared/domain/outbox';
import { errorMessage, errorShape, type DeskClient } from '../../client/desk-client';
import { liveList, runRowAction, type LiveList } from '../live-list';

export interface ApiDefaults {
  apiId: number | null;
  hasApiHash: boolean;
}

export interface AccountsState extends LiveList<AccountView> {
  /** The app-wide api_id/api_hash (the hash itself never reaches the window). */
  defaults: ApiDefaults | null;
  savingDefaults: boolean;
  defaultsError: DeskErrorShape | null;
  restarting: boolean;
  restarted: { accounts: number; bots: number } | null;
  restartError: string | null;
  setDefaultApi(apiId: number, apiHash: string): Promise<boolean>;
  /** Asks Telegram for a new code for an account whose session ended, and opens the wizard there. */
  reSignIn(id: number): Promise<void>;
  restartAll(): Promise<void>;
  /** Accounts Telegram benched with PEER_FLOOD, by account id. */
  benches: Record<number, BenchView>;
  /** Accounts Telegram limited again right after the operator resumed them: the notice says so. */
  benchedAgain: Record<number, true>;
  benchesError: string | null;
  loadBenches(): Promise<void>;
  /** Lifts a bench before its cool-down ends (the engine audits it). */
  unbench(id: number): Promise<void>;
  /** The engine's `outbox.benchChanged`. */
  applyBench(accountId: number, bench: BenchView | null): void;
}

/** A bench that begins this close to a resume is Telegram's answer to it. */
const AGAIN_WINDOW_MS = 60_000;

export function createAccountsStore(client: DeskClient, openSignIn: (step: SignInStep) => void) {
  // When the operator last resumed each account: a bench that begins soon after is Telegram refusing again.
  const resumedAt = new Map<number, number>();
  return create<AccountsState>()((set, get) => ({
    ...liveList<AccountView>(set, get, {
      async list() {
        const { accounts, defaults } = await client.call('accounts.list', {});
        set({ defaults });
        // Loaded with the list (and again after a reconnect), so a bench is never shown stale.
        void get().loadBenches();
        return accounts;
      },
      start: (id) => client.call('accounts.start', { id }),
      stop: (id) => client.call('accounts.stop', { id }),
      remove: (id) => client.call('accounts.remove', { id, confirm: true }),
    }),
    defaults: null,
    savingDefaults: false,
    defaultsError: null,
    restarting: false,
    restarted: null,
    restartError: null,
    async setDefaultApi(apiId, apiHash) {
      set({ savingDefaults: true, defaultsError: null });
      try {
        const defaults = await client.call('accounts.setDefaultApi', { apiId, apiHash });
        set({ defaults, savingDefaults: false });
        return true;
      } catch (error) {
        set({ savingDefaults: false, defaultsError: errorShape(error) });
        return false;
      }
    },
    async reSignIn(id) {
      await runRowAction(set, id, async () => openSignIn(await client.call('accounts.reSignIn', { id })));
    },
    benches: {},
    benchedAgain: {},
    benchesError: null,
    async loadBenches() {
      try {
        const { benches } = await client.call('outbox.benches', {});
        set({ benches: Object.fromEntries(benches.map((b) => [b.accountId, b])), benchesError: null });
      } catch (error) {
        set({ benchesError: errorMessage(error) });
      }
    },
    async unbench(id) {
      await runRowAction(set, id, async () => {
        resumedAt.set(id, Date.now());
        const { lifted } = await client.call('outbox.unbench', { accountId: id });
        // Telegram may limit the account again before this answer arrives: that newer bench stays.
        if (get().benches[id]?.since === lifted.since) get().applyBench(id, null);
      });
    },
    applyBench(accountId, bench) {
      const resumed = resumedAt.get(accountId);
      const again = bench !== null && resumed !== undefined && bench.since >= resumed - AGAIN_WINDOW_MS && bench.since <= resumed + AGAIN_WINDOW_MS;
      if (bench) resumedAt.delete(accountId);
      set((s) => {
        const { [accountId]: _lifted, ...rest } = s.benches;
        const { [accountId]: _again, ...others } = s.benchedAgain;
        return { benches: bench ? { ...rest, [accountId]: bench } : rest, benchedAgain: again ? { ...others, [accountId]: true } : others };
      });
    },
    async restartAll() {
      set({ restarting: true, restarted: null, restartError: null });
      try {
        const restarted = await client.call('accounts.restartAll', {});
        set({ restarting: false, restarted });
      } catch (error) {
        set({ restarting: false, restartError: errorShape(error).message });
      }
    },
  }));
}
