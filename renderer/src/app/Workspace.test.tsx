import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeClient } from '../test/fake-client';
import { handleShell, testSandboxStatus, testSettings, testStatus } from '../test/fixtures';
import { renderApp } from '../test/render-app';

afterEach(cleanup);

describe('the sandbox workspace in the shell', () => {
  it('marks every screen while the engine runs the sandbox and opens the console from the banner', async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    fake.handle('sandbox.status', () => testSandboxStatus());
    renderApp(fake, { area: 'logs' });
    const banner = await screen.findByTestId('sandbox-banner');
    expect(banner.textContent).toContain('Nothing here reaches real Telegram.');
    await user.click(screen.getByTestId('sandbox-banner-open'));
    expect(screen.getByTestId('page-title').textContent).toBe('Sandbox console');
    expect(await screen.findByTestId('sandbox-console')).toBeTruthy();
    expect(screen.getByTestId('sandbox-banner')).toBeTruthy();
  });

  it('shows no banner and no console link for real Telegram', async () => {
    const fake = createFakeClient();
    handleShell(fake, testSettings({ workspace: 'telegram' }));
    fake.handle('system.status', () => testStatus({ workspace: 'telegram' }));
    renderApp(fake, { area: 'settings' });
    await waitFor(() => expect(fake.callsOf('system.status')).toHaveLength(1));
    await act(() => Promise.resolve());
    expect(screen.queryByTestId('sandbox-banner')).toBeNull();
    expect(screen.queryByTestId('nav-sandbox')).toBeNull();
  });

  it('asks for a workspace at first run and saves the choice', async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    const engine = handleShell(fake, testSettings({ workspace: null }));
    renderApp(fake);
    const dialog = await screen.findByTestId('workspace-choice');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('workspace-choose-sandbox'));
    await user.keyboard('{Escape}');
    expect(screen.getByTestId('workspace-choice')).toBeTruthy();
    await user.click(screen.getByTestId('workspace-choose-telegram'));
    await waitFor(() => expect(screen.queryByTestId('workspace-choice')).toBeNull());
    expect(fake.callsOf('settings.update')).toEqual([{ workspace: 'telegram' }]);
    expect(engine.current().workspace).toBe('telegram');
  });

  it('does not ask once a workspace is chosen', async () => {
    const fake = createFakeClient();
    handleShell(fake, testSettings({ workspace: 'sandbox' }));
    renderApp(fake);
    await waitFor(() => expect(fake.callsOf('settings.get')).toHaveLength(1));
    await act(() => Promise.resolve());
    expect(screen.queryByTestId('workspace-choice')).toBeNull();
  });

  it('switches workspace from Settings through the usual save', async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    renderApp(fake, { area: 'settings' });
    const select = await screen.findByTestId<HTMLSelectElement>('settings-workspace');
    expect(select.value).toBe('sandbox');
    expect(screen.getByText(/sandbox data is kept apart from real data/)).toBeTruthy();
    await user.selectOptions(select, 'telegram');
    await user.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(fake.callsOf('settings.update')).toEqual([{ workspace: 'telegram' }]));
  });

  it('reloads the window when the engine restarts on other data', async () => {
    const fake = createFakeClient();
    handleShell(fake);
    const reloadWindow = vi.fn();
    renderApp(fake, { reloadWindow });
    await screen.findByTestId('sandbox-banner');
    expect(reloadWindow).not.toHaveBeenCalled();
    act(() => fake.emit('system.restarted', { workspace: 'telegram' }));
    expect(reloadWindow).toHaveBeenCalledOnce();
  });
});
