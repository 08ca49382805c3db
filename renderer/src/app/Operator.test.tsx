import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeClient } from '../test/fake-client';
import { handleShell, testSettings, testStatus } from '../test/fixtures';
import { handleInbox } from '../test/inbox-fixtures';
import { handleOperators, testOperator } from '../test/operator-fixtures';
import { renderApp } from '../test/render-app';

afterEach(cleanup);

const operator = testOperator({ id: 'operator:anna', name: 'Anna', role: 'operator', capacity: 3 });

function setup({ me = operator, sessionId = 'session-1' as string | null } = {}) {
  const fake = createFakeClient();
  handleShell(fake);
  fake.handle('system.status', () => testStatus({ workspace: 'sandbox' }));
  handleOperators(fake, { me, operators: [testOperator(), me], sessionId });
  return fake;
}

const navIds = () => [...screen.getByTestId('nav').querySelectorAll('[data-testid^="nav-"]')].map((el) => el.getAttribute('data-testid'));

describe('the window as a team operator', () => {
  it('lists only the inbox and the team for an operator who is not an admin, even in the sandbox', async () => {
    const fake = setup();
    renderApp(fake);
    await waitFor(() => expect(navIds()).toEqual(['nav-inbox', 'nav-team']));
    await waitFor(() => expect(fake.callsOf('system.status')).toHaveLength(1));
    expect(navIds()).toEqual(['nav-inbox', 'nav-team']);
    // The digits stay the full list's: Alt+6 is the team, Alt+9 (logs) does nothing.
    expect(screen.getByTestId('nav-team').getAttribute('aria-keyshortcuts')).toBe('Alt+6');
    fireEvent.keyDown(window, { key: '9', code: 'Digit9', altKey: true });
    expect(screen.getByTestId('page-title').textContent).toBe('Inbox');
  });

  it('keeps the admin\'s set-up out of an operator\'s way: no workspace choice, no console button, no set-up checklist', async () => {
    const fake = createFakeClient();
    handleShell(fake, testSettings({ workspace: null }));
    fake.handle('system.status', () => testStatus({ workspace: 'sandbox' }));
    handleOperators(fake, { me: operator, operators: [testOperator(), operator], sessionId: 'session-1' });
    handleInbox(fake);
    renderApp(fake);
    expect((await screen.findByTestId('inbox-nothing-yours')).textContent).toContain('Nothing assigned to you');
    await screen.findByTestId('sandbox-banner');
    expect(screen.queryByTestId('sandbox-banner-open')).toBeNull();
    expect(screen.queryByTestId('inbox-checklist')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lists every area for an admin', async () => {
    const fake = setup({ me: testOperator() });
    renderApp(fake);
    await screen.findByTestId('presence-control');
    await screen.findByTestId('nav-sandbox');
    expect(navIds()).toHaveLength(11);
  });

  it('shows a clear notice instead of an admin page reached by its address', async () => {
    const fake = setup();
    renderApp(fake, { area: 'logs' });
    expect((await screen.findByTestId('role-notice')).textContent).toContain('Not available to your role');
  });

  it('shows who is signed in, sends a heartbeat, and sets away at once', async () => {
    const user = userEvent.setup();
    const fake = setup();
    renderApp(fake);
    expect((await screen.findByTestId('presence-name')).textContent).toBe('Anna');
    await waitFor(() => expect(fake.callsOf('operators.heartbeat')).toContainEqual({ attending: true }));
    await user.click(screen.getByTestId('presence-away'));
    await waitFor(() => expect(fake.callsOf('operators.heartbeat').at(-1)).toEqual({ attending: false }));
    expect(screen.getByTestId('presence-away').getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByTestId('presence-active'));
    await waitFor(() => expect(fake.callsOf('operators.heartbeat').at(-1)).toEqual({ attending: true }));
  });

  it('signs out of a hub session and goes to the sign-in page', async () => {
    const user = userEvent.setup();
    const fake = setup();
    fake.handle('operators.signOut', () => ({ signedOut: true as const }));
    const goToSignIn = vi.fn();
    renderApp(fake, { goToSignIn });
    await user.click(await screen.findByTestId('sign-out'));
    await waitFor(() => expect(goToSignIn).toHaveBeenCalledOnce());
    expect(fake.callsOf('operators.signOut')).toEqual([{}]);
  });

  it('offers no sign-out where there is no hub session (the desktop)', async () => {
    const fake = setup({ me: testOperator(), sessionId: null });
    renderApp(fake);
    await screen.findByTestId('presence-control');
    expect(screen.queryByTestId('sign-out')).toBeNull();
  });

  it('replaces the whole window with the reason when the session ends, and offers to sign in again', async () => {
    const user = userEvent.setup();
    const fake = setup();
    const goToSignIn = vi.fn();
    renderApp(fake, { goToSignIn });
    await screen.findByTestId('presence-control');
    act(() => fake.emit('operators.sessionEnded', { reason: 'revoked' }));
    const screenEnded = screen.getByTestId('session-ended');
    expect(screenEnded.textContent).toContain('You were signed out');
    expect(screenEnded.textContent).toContain('Your session was ended by you or an admin.');
    expect(screen.queryByTestId('nav')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('sign-in-again'));
    await user.click(screen.getByTestId('sign-in-again'));
    expect(goToSignIn).toHaveBeenCalledOnce();
  });

  it('words each way a session ends', async () => {
    const fake = setup();
    renderApp(fake);
    await screen.findByTestId('presence-control');
    act(() => fake.emit('operators.sessionEnded', { reason: 'expired' }));
    expect(screen.getByTestId('session-ended').textContent).toContain('Your session expired.');
  });
});
