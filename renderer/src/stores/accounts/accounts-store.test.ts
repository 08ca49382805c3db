import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../shared/contract/result';
import type { AccountView } from '../../../../shared/domain/connections';
import { createFakeClient } from '../../test/fake-client';
import { handleShell, testAccount } from '../../test/fixtures';
import { createStores } from '../create-stores';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('accounts store', () => {
  it('replays events that arrive while the list is loading over its answer', async () => {
    const fake = createFakeClient();
    handleShell(fake);
    let answer: (accounts: AccountView[]) => void = () => {};
    fake.handle('accounts.list', () => new Promise((resolve) => (answer = (accounts) => resolve({ accounts, defaults: { apiId: 1, hasApiHash: true } }))));
    const stores = createStores(fake.client);
    const stop = stores.start();
    const loading = stores.useAccountsStore.getState().load();
    await flush();

    // Sent while the snapshot was being read: the snapshot below is older than these.
    fake.emit('accounts.changed', testAccount({ id: 1, state: { status: 'stopped' } }));
    fake.emit('accounts.removed', { id: 2 });
    fake.emit('accounts.changed', testAccount({ id: 3, createdAt: 0 }));
    answer([testAccount({ id: 1 }), testAccount({ id: 2, createdAt: 1 })]);
    await loading;

    const { items, defaults } = stores.useAccountsStore.getState();
    expect(items.map((a) => [a.id, a.state.status])).toEqual([
      [3, 'online'],
      [1, 'stopped'],
    ]);
    expect(defaults).toEqual({ apiId: 1, hasApiHash: true });
    stop();
  });

  it('ignores events before the page has loaded the list', () => {
    const fake = createFakeClient();
    const stores = createStores(fake.client);
    const stop = stores.start();
    fake.emit('accounts.changed', testAccount());
    expect(stores.useAccountsStore.getState().items).toEqual([]);
    stop();
  });

  it('keeps a refused re-sign-in on the row and leaves the wizard closed', async () => {
    const fake = createFakeClient();
    fake.handle('accounts.reSignIn', () => {
      throw new DeskError('flood_wait', 'wait', { until: 5 });
    });
    const stores = createStores(fake.client);
    await stores.useAccountsStore.getState().reSignIn(4);
    expect(stores.useAccountsStore.getState().rowErrors[4]).toEqual({ code: 'flood_wait', message: 'wait', details: { until: 5 } });
    expect(stores.useAccountsStore.getState().busy).toEqual({});
    expect(stores.useSignInStore.getState().phase).toEqual({ step: 'closed' });
  });
});
