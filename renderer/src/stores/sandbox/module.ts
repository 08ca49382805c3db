import { storeModule } from '../store-module';
import { createSandboxStore } from './sandbox-store';

export const sandboxStores = storeModule({
  create: ({ client }) => ({ useSandboxStore: createSandboxStore(client) }),
  events: (own) => ({
    'sandbox.activity': ({ items }) => own.useSandboxStore.getState().append(items),
  }),
  reload: (own) => {
    if (own.useSandboxStore.getState().loaded) void own.useSandboxStore.getState().load();
  },
});
