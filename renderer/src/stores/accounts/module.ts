import { storeModule } from '../store-module';
import { createAccountsStore } from './accounts-store';
import { createBotEndpointsStore } from './bot-endpoints-store';
import { createBotsStore } from './bots-store';
import { createDailyCapsStore } from './daily-caps-store';
import { createSignInStore } from './sign-in-store';

/** Personal accounts, their sign-in and benches, and bots with their connection. */
export const accountsStores = storeModule({
  create: ({ client }) => {
    // A finished sign-in lands in the list at once, without waiting for the engine's event.
    const useSignInStore = createSignInStore(client, (account) => useAccountsStore.getState().applyChanged(account));
    const useAccountsStore = createAccountsStore(client, (step) => useSignInStore.getState().resume(step));
    return {
      useAccountsStore,
      useSignInStore,
      useDailyCapsStore: createDailyCapsStore(client),
      useBotsStore: createBotsStore(client),
      useBotEndpointsStore: createBotEndpointsStore(client),
    };
  },
  events: (own) => ({
    'accounts.changed': (account) => own.useAccountsStore.getState().applyChanged(account),
    'accounts.removed': ({ id }) => own.useAccountsStore.getState().applyRemoved(id),
    'outbox.benchChanged': ({ accountId, bench }) => own.useAccountsStore.getState().applyBench(accountId, bench),
    'bots.changed': (bot) => own.useBotsStore.getState().applyChanged(bot),
    'bots.removed': ({ id }) => own.useBotsStore.getState().applyRemoved(id),
    'bots.endpointsChanged': (value) => own.useBotEndpointsStore.getState().applyRemote(value),
  }),
  reload: (own) => {
    if (own.useAccountsStore.getState().loaded) void own.useAccountsStore.getState().load();
    if (own.useBotsStore.getState().loaded) void own.useBotsStore.getState().load();
    if (own.useBotEndpointsStore.getState().value) void own.useBotEndpointsStore.getState().load();
  },
});
