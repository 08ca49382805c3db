import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../../shared/contract/result';
import type { AccountView, BotView, SignInStep } from '../../../../shared/domain/connections';
import { createFakeClient } from '../../test/fake-client';
import { handleConnections, handleShell, testAccount, testBot } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function openPage(lists: { accounts?: AccountView[]; bots?: BotView[] } = {}) {
  const fake = createFakeClient();
  handleShell(fake);
  handleConnections(fake, lists);
  const view = renderApp(fake, { area: 'accounts' });
  await screen.findByTestId(lists.accounts?.length ? 'account-list' : 'accounts-empty');
  return { fake, ...view };
}

const row = (testId: 'account-row' | 'bot-row', id: number) =>
  screen.getAllByTestId(testId).find((el) => el.getAttribute('data-id') === String(id))!;

describe('accounts & bots page', () => {
  it('says how to add the first account and bot', async () => {
    await openPage();
    expect(screen.getByTestId('accounts-empty').textContent).toContain('Add account');
    expect((await screen.findByTestId('bots-empty')).textContent).toContain('@BotFather');
    expect(screen.getByTestId('page-title').textContent).toBe('Accounts & bots');
  });

  it('shows every connection state, with live countdowns', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(new Date(2025, 0, 2, 12, 0, 0));
    const now = Date.now();
    const until = now + 10 * 60_000;
    const states: AccountView['state'][] = [
      { status: 'connecting' },
      { status: 'online' },
      { status: 'reconnecting', attempt: 3, nextTryAt: now + 12_000, reason: 'network unreachable' },
      { status: 'flood_wait', until },
      { status: 'needs_sign_in', reason: 'Telegram ended the session' },
      { status: 'stopped' },
      { status: 'error', reason: 'AUTH_KEY_DUPLICATED' },
    ];
    await openPage({ accounts: states.map((state, i) => testAccount({ id: i + 1, state, createdAt: i })) });
    const text = (id: number) => within(row('account-row', id)).getByTestId('account-state').textContent;

    expect(screen.getAllByTestId('account-row').map((el) => el.getAttribute('data-state'))).toEqual(states.map((s) => s.status));
    expect(text(1)).toBe('Connecting…');
    expect(text(2)).toBe('Online');
    expect(text(3)).toBe('ReconnectingAttempt 3, next try in 0:12network unreachable');
    const hhmmss = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(until);
    expect(text(4)).toBe(`Flood waitTelegram asked to wait until ${hhmmss}`);
    expect(text(5)).toBe('Needs sign-inTelegram ended the session');
    expect(text(6)).toBe('Stopped');
    expect(text(7)).toBe('ErrorAUTH_KEY_DUPLICATED');

    act(() => vi.advanceTimersByTime(5000));
    expect(text(3)).toContain('next try in 0:07');
    act(() => vi.advanceTimersByTime(8000));
    expect(text(3)).toContain('Attempt 3, trying now');

    // Running states offer Stop, idle ones Start, a revoked session "Sign in again".
    const buttons = (id: number) => within(row('account-row', id)).queryAllByRole('button').map((b) => b.getAttribute('data-testid'));
    expect(buttons(2)).toEqual(['account-stop', 'account-remove']);
    expect(buttons(4)).toEqual(['account-stop', 'account-remove']);
    expect(buttons(5)).toEqual(['account-resignin', 'account-remove']);
    expect(buttons(6)).toEqual(['account-start', 'account-remove']);
    expect(buttons(7)).toEqual(['account-start', 'account-remove']);
  });

  it('lists bots with their mode and state, and follows live events', async () => {
    const { fake } = await openPage({
      accounts: [testAccount()],
      bots: [testBot(), testBot({ id: 2, username: 'hook_bot', mode: 'webhook', state: { status: 'stopped' }, createdAt: 5 })],
    });
    await screen.findByTestId('bot-list');
    expect(row('bot-row', 1).textContent).toContain('@desk_bot');
    expect(row('bot-row', 1).textContent).toContain('Long polling');
    expect(row('bot-row', 2).textContent).toContain('Webhook');
    expect(within(row('bot-row', 2)).getByTestId('bot-state').textContent).toBe('Stopped');

    act(() => fake.emit('bots.changed', testBot({ id: 2, username: 'hook_bot', mode: 'webhook', state: { status: 'online' }, createdAt: 5 })));
    expect(row('bot-row', 2).getAttribute('data-state')).toBe('online');
    act(() => fake.emit('accounts.changed', testAccount({ state: { status: 'needs_sign_in', reason: 'revoked' } })));
    expect(row('account-row', 1).getAttribute('data-state')).toBe('needs_sign_in');
    act(() => fake.emit('accounts.removed', { id: 1 }));
    expect(screen.getByTestId('accounts-empty')).toBeTruthy();
    act(() => fake.emit('bots.removed', { id: 1 }));
    expect(screen.getAllByTestId('bot-row').map((el) => el.getAttribute('data-id'))).toEqual(['2']);
  });

  it('starts, stops and, after an inline confirmation, removes', async () => {
    const user = userEvent.setup();
    const { fake } = await openPage({ accounts: [testAccount(), testAccount({ id: 2, state: { status: 'stopped' }, createdAt: 9 })] });
    fake.handle('accounts.stop', ({ id }) => testAccount({ id, state: { status: 'stopped' } }));
    fake.handle('accounts.start', ({ id }) => testAccount({ id, state: { status: 'connecting' }, createdAt: 9 }));
    fake.handle('accounts.remove', () => ({ removed: true as const }));

    await user.click(within(row('account-row', 1)).getByTestId('account-stop'));
    await waitFor(() => expect(row('account-row', 1).getAttribute('data-state')).toBe('stopped'));
    await user.click(within(row('account-row', 2)).getByTestId('account-start'));
    await waitFor(() => expect(row('account-row', 2).getAttribute('data-state')).toBe('connecting'));

    await user.click(within(row('account-row', 1)).getByTestId('account-remove'));
    expect(row('account-row', 1).textContent).toContain('Remove Desk Account?');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('account-remove-cancel');
    await user.keyboard('{Escape}');
    expect(fake.callsOf('accounts.remove')).toEqual([]);
    await user.click(within(row('account-row', 1)).getByTestId('account-remove'));
    await user.click(within(row('account-row', 1)).getByTestId('account-remove-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('account-row').map((el) => el.getAttribute('data-id'))).toEqual(['2']));
    expect(fake.callsOf('accounts.stop')).toEqual([{ id: 1 }]);
    expect(fake.callsOf('accounts.start')).toEqual([{ id: 2 }]);
    expect(fake.callsOf('accounts.remove')).toEqual([{ id: 1, confirm: true }]);
  });

  it('shows a refused action on its row in the window’s language', async () => {
    const user = userEvent.setup();
    const { fake } = await openPage({ accounts: [testAccount({ state: { status: 'stopped' } })] });
    fake.handle('accounts.start', () => {
      throw new DeskError('session_revoked', 'AUTH_KEY_UNREGISTERED');
    });
    await user.click(screen.getByTestId('account-start'));
    expect((await screen.findByTestId('account-row-error')).textContent).toBe('Telegram ended this account’s session. Sign in again.');
  });

  it('signs in again at the code step for a revoked session', async () => {
    const user = userEvent.setup();
    const { fake } = await openPage({ accounts: [testAccount({ state: { status: 'needs_sign_in', reason: 'Session revoked' } })] });
    fake.handle('accounts.reSignIn', (): SignInStep => ({
      step: 'code',
      flowId: 'f-re',
      phone: '+79990000001',
      sentVia: 'app',
      nextVia: 'sms',
      codeLength: 5,
      resendAfterSeconds: 60,
    }));
    expect(within(row('account-row', 1)).getByTestId('account-state').textContent).toContain('Session revoked');
    await user.click(screen.getByTestId('account-resignin'));
    const wizard = await screen.findByTestId('signin-wizard');
    expect(wizard.getAttribute('data-step')).toBe('code');
    expect(wizard.textContent).toContain('The code was sent to the Telegram app');
    expect(document.activeElement).toBe(screen.getByTestId('signin-code'));
    expect(fake.callsOf('accounts.reSignIn')).toEqual([{ id: 1 }]);
  });

  it('restarts every client and says how many', async () => {
    const user = userEvent.setup();
    const { fake } = await openPage({ accounts: [testAccount()] });
    fake.handle('accounts.restartAll', () => ({ accounts: 2, bots: 1 }));
    await user.click(screen.getByTestId('restart-all'));
    await waitFor(() => expect(screen.getByTestId('restart-all-result').textContent).toBe('Restarted 2 accounts and 1 bot.'));
  });

  it('adds a bot, and explains a refused token', async () => {
    const user = userEvent.setup();
    const { fake } = await openPage();
    let answer: () => BotView = () => {
      throw new DeskError('bot_token_invalid', '401 Unauthorized');
    };
    fake.handle('bots.add', () => answer());
    await screen.findByTestId('bots-empty');

    await user.type(screen.getByTestId('bot-token'), '123:bad-token-from-nowhere-at-all');
    await user.click(screen.getByTestId('bot-add'));
    expect((await screen.findByTestId('bot-error')).textContent).toBe('Telegram does not know this token. Copy it again from @BotFather.');
    expect(screen.getByTestId<HTMLInputElement>('bot-token').value).toBe('123:bad-token-from-nowhere-at-all');

    answer = () => {
      throw new DeskError('conflict', 'bot 7001 is already added');
    };
    await user.click(screen.getByTestId('bot-add'));
    await waitFor(() => expect(screen.getByTestId('bot-error').textContent).toBe('This bot is already in the desk.'));

    answer = () => {
      throw new DeskError('invalid_input', 'token: does not look like a bot token (digits, a colon, then letters)');
    };
    await user.click(screen.getByTestId('bot-add'));
    await waitFor(() =>
      expect(screen.getByTestId('bot-error').textContent).toBe('Check the token: does not look like a bot token (digits, a colon, then letters)'),
    );

    answer = () => testBot({ id: 3, username: 'fresh_bot', mode: 'webhook', state: { status: 'connecting' } });
    await user.clear(screen.getByTestId('bot-token'));
    await user.type(screen.getByTestId('bot-token'), '123456:AAHgoodtokengoodtokengood');
    await user.selectOptions(screen.getByTestId('bot-mode'), 'webhook');
    await user.click(screen.getByTestId('bot-add'));
    await waitFor(() => expect(row('bot-row', 3).textContent).toContain('@fresh_bot'));
    expect(screen.queryByTestId('bot-error')).toBeNull();
    expect(screen.getByTestId<HTMLInputElement>('bot-token').value).toBe('');
    expect(fake.callsOf('bots.add').at(-1)).toEqual({ token: '123456:AAHgoodtokengoodtokengood', mode: 'webhook' });
  });

  it('reloads both lists after the engine connection comes back', async () => {
    const { fake } = await openPage({ accounts: [testAccount()] });
    await screen.findByTestId('bots-empty');
    act(() => fake.setConnection({ status: 'reconnecting', attempt: 1 }));
    act(() => fake.setConnection({ status: 'connected' }));
    await waitFor(() => expect(fake.callsOf('accounts.list')).toHaveLength(2));
    expect(fake.callsOf('bots.list')).toHaveLength(2);
  });
});
