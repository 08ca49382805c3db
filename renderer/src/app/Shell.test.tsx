import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClient } from '../test/fake-client';
import { handleShell, testSettings, testStatus } from '../test/fixtures';
import { renderApp } from '../test/render-app';

afterEach(cleanup);

const title = () => screen.getByTestId('page-title').textContent;
/** The engine's status decides whether the sandbox console is listed. */
async function statusLoaded(fake: ReturnType<typeof createFakeClient>) {
  await waitFor(() => expect(fake.callsOf('system.status')).toHaveLength(1));
  await act(() => Promise.resolve());
}

const navIds = () =>
  [...screen.getByTestId('nav').querySelectorAll('[data-testid^="nav-"]')].map((el) => el.getAttribute('data-testid'));

describe('app shell', () => {
  it('lists every area in the mission order', async () => {
    const fake = createFakeClient();
    handleShell(fake);
    fake.handle('system.status', () => testStatus({ workspace: 'telegram' }));
    renderApp(fake);
    await statusLoaded(fake);
    expect(navIds()).toEqual([
      'nav-inbox',
      'nav-contacts',
      'nav-campaigns',
      'nav-invites',
      'nav-rewards',
      'nav-team',
      'nav-statistics',
      'nav-accounts',
      'nav-logs',
      'nav-settings',
    ]);
  });

  it('adds the sandbox console after Settings, without a shortcut, while the sandbox runs', async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    renderApp(fake);
    const console = await screen.findByTestId('nav-sandbox');
    expect(navIds().at(-1)).toBe('nav-sandbox');
    expect(navIds()).toHaveLength(11);
    expect(console.getAttribute('aria-keyshortcuts')).toBeNull();
    screen.getByTestId('nav-settings').focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(console);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByTestId('nav-inbox'));
    fireEvent.keyDown(window, { key: '0', code: 'Digit0', altKey: true });
    expect(title()).toBe('Settings');
  });

  it('jumps between areas with Alt+digit and updates the hash', async () => {
    const fake = createFakeClient();
    handleShell(fake);
    renderApp(fake);
    expect(title()).toBe('Inbox');
    fireEvent.keyDown(window, { key: '9', code: 'Digit9', altKey: true });
    expect(title()).toBe('Logs');
    expect(window.location.hash).toBe('#/logs');
    fireEvent.keyDown(window, { key: '0', code: 'Digit0', altKey: true });
    expect(title()).toBe('Settings');
    fireEvent.keyDown(window, { key: '2', code: 'Digit2', altKey: true, ctrlKey: true });
    expect(title()).toBe('Settings');
    fireEvent.keyDown(window, { key: '2', code: 'Digit2', altKey: true });
    expect(title()).toBe('Contacts');
    expect(screen.getByTestId('nav-contacts').getAttribute('aria-current')).toBe('page');
  });

  it('moves focus with the arrow keys in the sidebar and opens an area with Enter', async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    fake.handle('system.status', () => testStatus({ workspace: 'telegram' }));
    renderApp(fake);
    await statusLoaded(fake);
    screen.getByTestId('nav-inbox').focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByTestId('nav-campaigns'));
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByTestId('nav-settings'));
    await user.keyboard('{Enter}');
    expect(title()).toBe('Settings');
  });

  it('follows the hash when it changes', async () => {
    const fake = createFakeClient();
    handleShell(fake);
    renderApp(fake);
    act(() => {
      window.location.hash = '#/statistics';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(title()).toBe('Statistics');
  });

  it('shows an honest empty state for areas not built yet', () => {
    const fake = createFakeClient();
    handleShell(fake);
    renderApp(fake, { area: 'invites' });
    const page = screen.getByTestId('planned-invites');
    expect(page.textContent).toContain('Mass invitation into a channel by phone number');
    expect(page.textContent).toContain('not available in this build yet');
  });

  it('applies the engine language and theme to <html>', async () => {
    const fake = createFakeClient();
    handleShell(fake, testSettings({ language: 'ru', theme: 'dark' }));
    renderApp(fake);
    await waitFor(() => expect(title()).toBe('Входящие'));
    expect(document.documentElement.lang).toBe('ru');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(screen.getByTestId('nav-logs').textContent).toContain('Журнал');
  });
});
