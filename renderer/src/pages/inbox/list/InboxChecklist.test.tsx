import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClient } from '../../../test/fake-client';
import { handleShell, testAccount, testBot, testSandboxStatus, testSettings, testStatus } from '../../../test/fixtures';
import { handleInbox } from '../../../test/inbox-fixtures';
import { renderApp } from '../../../test/render-app';

afterEach(cleanup);

const step = (name: string) => within(screen.getByTestId('inbox-checklist')).getByTestId(`checklist-${name}`);
const done = (name: string) => step(name).getAttribute('data-done');

function setup({ accounts = 0, bots = 0, workspace = 'sandbox' as 'sandbox' | 'telegram' } = {}) {
  const fake = createFakeClient();
  handleShell(fake, testSettings({ workspace }));
  fake.handle('system.status', () => testStatus({ workspace }));
  fake.handle('sandbox.status', () => testSandboxStatus());
  handleInbox(fake);
  fake.handle('accounts.list', () => ({ accounts: Array.from({ length: accounts }, (_, i) => testAccount({ id: i + 1 })), defaults: { apiId: 1, hasApiHash: true } }));
  fake.handle('bots.list', () => ({ bots: Array.from({ length: bots }, (_, i) => testBot({ id: i + 1 })) }));
  renderApp(fake);
  return fake;
}

describe('the empty inbox as a first-run checklist', () => {
  it('lists the three steps of the sandbox, none done, and each opens where it is done', async () => {
    const user = userEvent.setup();
    setup();
    await screen.findByTestId('inbox-checklist');
    await waitFor(() => expect(step('people').textContent).toContain('Sandbox console'));
    expect([done('account'), done('bot'), done('people')]).toEqual(['false', 'false', 'false']);
    expect(step('account').textContent).toContain('Sign in the sandbox account');
    expect(step('bot').textContent).toContain('Add the sandbox bot');
    // Nothing to choose on the right while the list is empty.
    expect(screen.getByTestId('chat-empty').textContent).toBe('');

    await user.click(within(step('account')).getByRole('button'));
    expect(screen.getByTestId('page-title').textContent).toBe('Accounts & bots');
    await user.click(screen.getByTestId('nav-inbox'));
    await user.click(within(await screen.findByTestId('checklist-bot')).getByRole('button'));
    expect(screen.getByTestId('page-title').textContent).toBe('Accounts & bots');
    await user.click(screen.getByTestId('nav-inbox'));
    await user.click(within(await screen.findByTestId('checklist-people')).getByRole('button'));
    expect(screen.getByTestId('page-title').textContent).toBe('Sandbox console');
  });

  it('ticks what is already done', async () => {
    setup({ accounts: 1 });
    await screen.findByTestId('inbox-checklist');
    await waitFor(() => expect(done('account')).toBe('true'));
    expect(done('bot')).toBe('false');
    expect(within(step('account')).getByText('Done')).toBeTruthy();
  });

  it('speaks of Telegram itself outside the sandbox, with no console to open', async () => {
    setup({ bots: 1, workspace: 'telegram' });
    await screen.findByTestId('inbox-checklist');
    await waitFor(() => expect(done('bot')).toBe('true'));
    expect(step('account').textContent).toContain('Sign in a Telegram account');
    expect(step('people').textContent).not.toContain('Sandbox console');
    expect(within(step('people')).queryByRole('button')).toBeNull();
  });

  it('speaks Russian', async () => {
    const fake = createFakeClient();
    handleShell(fake, testSettings({ language: 'ru' }));
    handleInbox(fake);
    renderApp(fake);
    await waitFor(() => expect(step('account').textContent).toContain('Войдите в аккаунт песочницы'));
  });
});
