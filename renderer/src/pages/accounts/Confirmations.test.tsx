import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Workspace } from '../../../../shared/domain/settings';
import { createFakeClient } from '../../test/fake-client';
import { handleConnections, handleShell, testAccount, testBot, testStatus } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { CONFIRMATION_MS } from '../../ui/use-dismiss-after';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function openPage({ apiId = 12345 as number | null, workspace = 'telegram' as Workspace } = {}) {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  const fake = createFakeClient();
  handleShell(fake);
  handleConnections(fake, { apiId });
  fake.handle('system.status', () => testStatus({ workspace }));
  renderApp(fake, { area: 'accounts' });
  await screen.findByTestId('accounts-empty');
  return { fake, user };
}

describe('confirmations', () => {
  it('“bot added” goes away after a few seconds, or at once when the next token is typed', async () => {
    const { fake, user } = await openPage();
    fake.handle('bots.add', () => testBot({ id: 3, username: 'fresh_bot' }));
    await user.type(screen.getByTestId('bot-token'), '123456:AAHgoodtokengoodtokengood');
    await user.click(screen.getByTestId('bot-add'));
    expect((await screen.findByTestId('bot-added')).textContent).toBe('Bot @fresh_bot added.');
    act(() => vi.advanceTimersByTime(CONFIRMATION_MS));
    expect(screen.queryByTestId('bot-added')).toBeNull();

    await user.type(screen.getByTestId('bot-token'), '654321:AAHgoodtokengoodtokengood');
    await user.click(screen.getByTestId('bot-add'));
    await screen.findByTestId('bot-added');
    await user.type(screen.getByTestId('bot-token'), '1');
    expect(screen.queryByTestId('bot-added')).toBeNull();
  });

  it('“signed in” closes by itself after a few seconds', async () => {
    const { fake, user } = await openPage();
    fake.handle('accounts.startSignIn', () => ({ step: 'code' as const, flowId: 'f', phone: '+79990000001', sentVia: 'app' as const, nextVia: null, codeLength: 5, resendAfterSeconds: null }));
    fake.handle('accounts.submitCode', () => ({ step: 'done' as const, account: testAccount({ id: 8, firstName: 'Ann', lastName: '' }) }));
    fake.handle('accounts.cancelSignIn', () => ({ cancelled: true }));
    await user.click(screen.getByTestId('account-add'));
    await user.type(screen.getByTestId('signin-phone'), '+79990000001');
    await user.click(screen.getByTestId('signin-next'));
    await user.type(await screen.findByTestId('signin-code'), '12345');
    await user.click(screen.getByTestId('signin-submit-code'));
    await screen.findByTestId('signin-done');
    act(() => vi.advanceTimersByTime(CONFIRMATION_MS));
    expect(screen.queryByTestId('signin-wizard')).toBeNull();
  });
});

describe('signing in with no api pair', () => {
  it('says an api pair must be set first, and where, instead of saying Telegram refused it', async () => {
    const { fake, user } = await openPage({ apiId: null });
    await user.click(screen.getByTestId('account-add'));
    await user.type(screen.getByTestId('signin-phone'), '+79990000001');
    await user.click(screen.getByTestId('signin-next'));
    const problem = await screen.findByTestId('signin-api-missing');
    expect(problem.textContent).toContain('Set an api_id and api_hash first');
    expect(screen.getByTestId('signin-wizard').textContent).not.toContain('did not accept');
    expect(fake.callsOf('accounts.startSignIn')).toEqual([]);
    // The way to set the app-wide pair is right there.
    expect(screen.getByTestId('default-api-id')).toBeTruthy();
  });
});
