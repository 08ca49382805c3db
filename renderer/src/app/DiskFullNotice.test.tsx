import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClient } from '../test/fake-client';
import { handleShell, testSettings, testStatus } from '../test/fixtures';
import { renderApp } from '../test/render-app';

afterEach(cleanup);

describe('the full-disk notice', () => {
  it('appears while the disk holding the data folder is full, names the folder, and goes when there is room', async () => {
    const fake = createFakeClient();
    handleShell(fake);
    renderApp(fake, { area: 'settings' });
    await waitFor(() => expect(fake.callsOf('system.status')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('connection').getAttribute('data-state')).toBe('connected'));
    expect(screen.queryByTestId('disk-full')).toBeNull();

    act(() => fake.emit('system.disk', { full: true, folder: '/srv/desk data' }));
    const notice = screen.getByTestId('disk-full');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain('The disk holding /srv/desk data is full.');

    act(() => fake.emit('system.disk', { full: false, folder: '/srv/desk data' }));
    expect(screen.queryByTestId('disk-full')).toBeNull();
  });

  it('shows a disk that was already full when the window opened, in Russian too', async () => {
    const fake = createFakeClient();
    handleShell(fake, testSettings({ language: 'ru' }));
    fake.handle('system.status', () => testStatus({ disk: { full: true, folder: '/home/op/desk' } }));
    renderApp(fake, { area: 'settings' });
    await waitFor(() => expect(screen.getByTestId('disk-full').textContent).toContain('Диск, на котором лежит /home/op/desk, заполнен.'));
  });
});
