import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { AccountView } from '../../../shared/domain/connections';
import { createFakeClient } from '../test/fake-client';
import { testAccount } from '../test/fixtures';
import { composeStores } from './create-stores';
import { storeModule } from './store-module';

/** A throwaway domain, as a new one would be written: a store, one event, a reload. */
const seen = storeModule({
  create: () => ({ useSeenStore: create<{ names: string[]; reloads: number }>()(() => ({ names: [], reloads: 0 })) }),
  events: (own) => ({
    'accounts.changed': (account: AccountView) => own.useSeenStore.setState((s) => ({ names: [...s.names, account.firstName] })),
  }),
  reload: (own) => own.useSeenStore.setState((s) => ({ reloads: s.reloads + 1 })),
});

type SeenStore = ReturnType<typeof seen.create>['useSeenStore'];

/** A second one that reads the first through its peers, declared after it on the list. */
const reader = storeModule({
  create: (_context, peers: () => { useSeenStore: SeenStore }) => ({
    lastSeen: () => peers().useSeenStore.getState().names.at(-1) ?? null,
  }),
});

describe('composeStores', () => {
  it('gives every module its events from start until stop, and reloads it after a reconnect', () => {
    const fake = createFakeClient();
    const stores = composeStores([seen, reader], fake.client, { reloadWindow: () => {} });
    fake.emit('accounts.changed', testAccount({ firstName: 'before start' }));
    const stop = stores.start();
    fake.emit('accounts.changed', testAccount({ firstName: 'Anna' }));
    expect(stores.useSeenStore.getState().names).toEqual(['Anna']);
    expect(stores.lastSeen()).toBe('Anna');

    fake.setConnection({ status: 'reconnecting', attempt: 1 });
    fake.setConnection({ status: 'connected' });
    expect(stores.useSeenStore.getState().reloads).toBe(1);

    stop();
    fake.emit('accounts.changed', testAccount({ firstName: 'after stop' }));
    fake.setConnection({ status: 'reconnecting', attempt: 1 });
    fake.setConnection({ status: 'connected' });
    expect(stores.useSeenStore.getState()).toEqual({ names: ['Anna'], reloads: 1 });
  });
});
