import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../../shared/contract/result';
import { createFakeClient } from '../../test/fake-client';
import { handleShell, testSettings } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

afterEach(cleanup);

async function openSettings(settings = testSettings()) {
  const fake = createFakeClient();
  handleShell(fake, settings);
  const view = renderApp(fake, { area: 'settings' });
  await screen.findByTestId('settings-save');
  return { fake, ...view };
}

describe('settings page', () => {
  it('shows the engine settings and saves only what changed', async () => {
    const user = userEvent.setup();
    const { fake } = await openSettings();
    const dataDir = screen.getByTestId<HTMLInputElement>('settings-data-dir');
    expect(dataDir.value).toBe('/tmp/desk-test');
    expect(screen.getByTestId<HTMLButtonElement>('settings-save').disabled).toBe(true);

    await user.click(screen.getByTestId('settings-intake-enabled'));
    await user.clear(screen.getByTestId('settings-intake-port'));
    await user.type(screen.getByTestId('settings-intake-port'), '9090');
    await user.selectOptions(screen.getByTestId('settings-theme'), 'dark');
    await user.click(screen.getByTestId('settings-save'));

    await waitFor(() =>
      expect(fake.callsOf('settings.update')).toEqual([{ theme: 'dark', httpIntake: { enabled: true, port: 9090 } }]),
    );
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('rejects a port outside 1024–65535 inline without calling the engine', async () => {
    const user = userEvent.setup();
    const { fake } = await openSettings();
    const port = screen.getByTestId('settings-intake-port');
    await user.clear(port);
    await user.type(port, '80');
    expect(screen.getByTestId('settings-port-error').textContent).toBe(
      'The port must be a whole number from 1024 to 65535.',
    );
    expect(port.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId<HTMLButtonElement>('settings-save').disabled).toBe(true);
    await user.type(port, '80');
    expect(screen.queryByTestId('settings-port-error')).toBeNull();
    expect(fake.callsOf('settings.update')).toEqual([]);
  });

  it('shows the field an engine error names', async () => {
    const user = userEvent.setup();
    const { fake } = await openSettings();
    fake.handle('settings.update', () => {
      throw new DeskError('invalid_input', 'dataDir: folder is not writable');
    });
    const dataDir = screen.getByTestId('settings-data-dir');
    await user.clear(dataDir);
    await user.type(dataDir, '/root/forbidden');
    await user.click(screen.getByTestId('settings-save'));
    const error = await screen.findByTestId('settings-error');
    expect(error.textContent).toBe('The settings were not saved: Data folder: folder is not writable');
    expect(dataDir.getAttribute('aria-invalid')).toBe('true');
  });

  it('switches the whole window to Russian after saving the language', async () => {
    const user = userEvent.setup();
    await openSettings();
    await user.selectOptions(screen.getByTestId('settings-language'), 'ru');
    await user.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Настройки'));
    expect(screen.getByTestId('nav-team').textContent).toContain('Команда');
    expect(screen.getByTestId('settings-save').textContent).toBe('Сохранить');
    expect(screen.getByText('Настройки сохранены.')).toBeTruthy();
    expect(document.documentElement.lang).toBe('ru');
  });

  it('takes settings changed elsewhere into a clean form', async () => {
    const { fake } = await openSettings();
    fake.emit('settings.changed', testSettings({ dataDir: '/srv/desk' }));
    await waitFor(() =>
      expect(screen.getByTestId<HTMLInputElement>('settings-data-dir').value).toBe('/srv/desk'),
    );
  });
});
