import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClient } from '../test/fake-client';
import { handleShell, testSettings } from '../test/fixtures';
import { renderApp } from '../test/render-app';

afterEach(cleanup);

const corner = () => screen.getByTestId('connection');

describe('the status corner', () => {
  it('says nothing while all is well, and keeps developer chips out of the header', async () => {
    const fake = createFakeClient();
    handleShell(fake);
    renderApp(fake);
    await waitFor(() => expect(fake.callsOf('system.status')).toHaveLength(1));
    await act(() => Promise.resolve());
    expect(corner().getAttribute('data-state')).toBe('connected');
    expect(corner().textContent).toBe('');
    const header = screen.getByTestId('page-title').parentElement!;
    expect(header.textContent).toBe('Inbox');
    expect(document.body.textContent).not.toContain('Headless');
    expect(document.body.textContent).not.toContain('Engine reachable');
  });

  it('speaks up while the engine is being reached or is offline, and falls silent when it is back', () => {
    const fake = createFakeClient({ status: 'reconnecting', attempt: 0 });
    handleShell(fake);
    renderApp(fake);
    expect(corner().getAttribute('data-state')).toBe('reconnecting');
    expect(corner().textContent).toContain('Connecting to the engine');
    act(() => fake.setConnection({ status: 'reconnecting', attempt: 3 }));
    expect(corner().textContent).toContain('Reconnecting (attempt 3)');
    act(() => fake.setConnection({ status: 'offline' }));
    expect(corner().getAttribute('data-state')).toBe('offline');
    expect(corner().textContent).toContain('Engine offline');
    act(() => fake.setConnection({ status: 'connected' }));
    expect(corner().textContent).toBe('');
  });

  it('speaks the window language', async () => {
    const fake = createFakeClient();
    handleShell(fake, testSettings({ language: 'ru' }));
    renderApp(fake);
    await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Входящие'));
    act(() => fake.setConnection({ status: 'offline' }));
    expect(corner().textContent).toContain('Ядро недоступно');
  });
});
