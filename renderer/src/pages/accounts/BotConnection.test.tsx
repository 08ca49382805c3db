import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../../shared/contract/result';
import { OWN_SERVER_BOT_FILE_LIMITS } from '../../../../shared/domain/bot-endpoints';
import type { BotView } from '../../../../shared/domain/connections';
import { createFakeClient } from '../../test/fake-client';
import { handleConnections, handleShell, testBot } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

afterEach(cleanup);

async function openPage(bots: BotView[]) {
  const fake = createFakeClient();
  handleShell(fake);
  handleConnections(fake, { bots });
  renderApp(fake, { area: 'accounts' });
  await screen.findByTestId('bot-list');
  return { fake, user: userEvent.setup() };
}

describe('accounts page: a bot\'s connection to Telegram', () => {
  it('shows a webhook bot\'s pending updates and Telegram\'s last delivery error', async () => {
    const lastErrorAt = Date.UTC(2025, 0, 2, 9, 30, 0);
    await openPage([
      testBot({
        mode: 'webhook',
        state: { status: 'reconnecting', attempt: 2, nextTryAt: Date.now() + 30_000, reason: 'Telegram cannot deliver updates: Connection refused' },
        webhook: { url: 'https://desk.example.org/telegram/bots/1/webhook', pendingUpdateCount: 3, lastErrorAt, lastErrorMessage: 'Connection refused', checkedAt: lastErrorAt },
      }),
    ]);
    expect(screen.getByTestId('bot-webhook-pending').textContent).toContain('3 updates waiting at Telegram');
    const when = new Intl.DateTimeFormat('en', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(lastErrorAt);
    expect(screen.getByTestId('bot-webhook-error').textContent).toBe(`Last delivery error ${when}: Connection refused`);
    expect(screen.getByTestId('bot-server').textContent).toBe('Bot API: Telegram’s own · files up to 50 MB out, 20 MB in');
  });

  it('switches the mode, and shows why the engine refused webhook mode', async () => {
    const { fake, user } = await openPage([testBot()]);
    fake.handle('bots.configure', () => {
      throw new DeskError('unavailable', 'Webhook mode needs a public HTTPS address that forwards to this desk (Settings → Bots and Telegram).');
    });
    await user.click(screen.getByTestId('bot-switch-mode'));
    expect((await screen.findByTestId('bot-row-error')).textContent).toContain('needs a public HTTPS address');
    expect(fake.callsOf('bots.configure')).toEqual([{ id: 1, mode: 'webhook' }]);

    fake.handle('bots.configure', ({ id, mode }) => testBot({ id, mode }));
    await user.click(screen.getByTestId('bot-switch-mode'));
    await waitFor(() => expect(screen.getByTestId('bot-switch-mode').textContent).toBe('Switch to polling'));
    expect(screen.queryByTestId('bot-row-error')).toBeNull();
  });

  it('sets the bot\'s own Bot API server, and shows its file limits', async () => {
    const { fake, user } = await openPage([testBot()]);
    fake.handle('bots.configure', ({ id, apiServer }) => testBot({ id, apiServer: apiServer ?? null, fileLimits: OWN_SERVER_BOT_FILE_LIMITS }));
    await user.click(screen.getByTestId('bot-change-server'));
    await user.type(screen.getByTestId('bot-server-input'), 'http://127.0.0.1:8081');
    await user.click(screen.getByTestId('bot-server-save'));
    await waitFor(() => expect(screen.queryByTestId('bot-server-input')).toBeNull());
    expect(fake.callsOf('bots.configure')).toEqual([{ id: 1, apiServer: 'http://127.0.0.1:8081' }]);
    expect(within(screen.getByTestId('bot-row')).getByTestId('bot-server').textContent).toBe('Bot API: http://127.0.0.1:8081 · files up to 2 GB out, any size in');
  });
});
