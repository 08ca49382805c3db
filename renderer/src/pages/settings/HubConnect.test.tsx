import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskApi } from '../../../../shared/contract/index';
import { DeskError } from '../../../../shared/contract/result';
import { createFakeClient } from '../../test/fake-client';
import { handleShell, testSettings } from '../../test/fixtures';
import { FINGERPRINT, handleOperators } from '../../test/operator-fixtures';
import { renderApp } from '../../test/render-app';

beforeEach(() => {
  // The desktop app: its preload has put the contract on window.desk.
  window.desk = {} as DeskApi;
});
afterEach(() => {
  cleanup();
  delete window.desk;
});

async function openSettings(settings = testSettings()) {
  const fake = createFakeClient();
  const shell = handleShell(fake, settings);
  handleOperators(fake);
  fake.handle('bots.endpoints', () => ({ webhookBaseUrl: null, apiServer: null, localWebhookBase: null }));
  renderApp(fake, { area: 'settings' });
  return { fake, shell, form: await screen.findByTestId('hub-connect') };
}

async function check(form: HTMLElement, url: string, fingerprint: string) {
  const user = userEvent.setup();
  await user.type(within(form).getByTestId('hub-url-input'), url);
  await user.type(within(form).getByTestId('hub-fingerprint-input'), fingerprint);
  await user.click(within(form).getByTestId('hub-check'));
}

describe('connect to a team desk (desktop settings)', () => {
  it('refuses an http address and a short fingerprint with the contract\'s words, asking nothing', async () => {
    const { fake, form } = await openSettings();
    await check(form, 'http://desk.lan:47900', 'AB:CD');
    expect((await within(form).findByTestId('hub-url-input-error')).textContent).toBe('Check this field: must be an https:// address.');
    expect(within(form).getByTestId('hub-fingerprint-input-error').textContent).toContain('32-byte SHA-256 fingerprint');
    expect(fake.callsOf('operators.probeHub')).toEqual([]);
  });

  it('says the desk answers with the pinned certificate', async () => {
    const { fake, form } = await openSettings();
    fake.handle('operators.probeHub', ({ fingerprint }) => ({ reachable: true as const, fingerprint: fingerprint.toUpperCase() }));
    await check(form, 'https://desk.lan:47900', FINGERPRINT.toLowerCase());
    expect((await within(form).findByTestId('hub-probe-ok')).textContent).toContain('its certificate matches');
    expect(fake.callsOf('operators.probeHub')).toEqual([{ url: 'https://desk.lan:47900', fingerprint: FINGERPRINT.toLowerCase() }]);
  });

  it('warns plainly when the certificate is another, and shows the engine\'s reason when the check fails', async () => {
    const { fake, form } = await openSettings();
    fake.handle('operators.probeHub', () => ({ reachable: true as const, fingerprint: 'AA:' + FINGERPRINT.slice(3) }));
    await check(form, 'https://desk.lan:47900', FINGERPRINT);
    expect((await within(form).findByTestId('hub-probe-mismatch')).textContent).toContain('does not match this fingerprint: do not connect');

    fake.handle('operators.probeHub', () => {
      throw new DeskError('unavailable', 'the desk at desk.lan:47900 does not answer');
    });
    await userEvent.setup().click(within(form).getByTestId('hub-check'));
    expect((await within(form).findByTestId('hub-probe-failed')).textContent).toBe('Not checked: the desk at desk.lan:47900 does not answer');
  });

  it('after a good check, connects this app to the team desk, saying it restarts on it', async () => {
    const { fake, shell, form } = await openSettings();
    fake.handle('operators.probeHub', ({ fingerprint }) => ({ reachable: true as const, fingerprint: fingerprint.toUpperCase() }));
    expect(within(form).queryByTestId('hub-connect-app')).toBeNull();
    await check(form, 'https://desk.lan:47900', FINGERPRINT.toLowerCase());
    expect(within(form).getByText(/Connecting restarts this app/).textContent).toContain('“Use this computer’s own desk” in the app’s tray menu');
    await userEvent.setup().click(await within(form).findByTestId('hub-connect-app'));
    expect((await within(form).findByTestId('hub-pin-saved')).textContent).toBe('Saved. The app restarts and opens the team desk.');
    expect(within(form).queryByTestId('hub-connect-app')).toBeNull();
    expect(fake.callsOf('settings.update')).toEqual([{ teamDesk: { url: 'https://desk.lan:47900', fingerprint: FINGERPRINT } }]);
    expect(shell.current().teamDesk).toEqual({ url: 'https://desk.lan:47900', fingerprint: FINGERPRINT });
  });

  it('shows the engine\'s reason when it refuses the pin, and keeps the app on its own desk', async () => {
    const { fake, form } = await openSettings();
    fake.handle('operators.probeHub', ({ fingerprint }) => ({ reachable: true as const, fingerprint }));
    fake.handle('settings.update', () => {
      throw new DeskError('conflict', 'The team desk at https://desk.lan:47900 presented certificate AA:… but you pinned BB:…');
    });
    await check(form, 'https://desk.lan:47900', FINGERPRINT);
    await userEvent.setup().click(await within(form).findByTestId('hub-connect-app'));
    expect((await within(form).findByTestId('hub-pin-failed')).textContent).toBe('Not saved: The team desk at https://desk.lan:47900 presented certificate AA:… but you pinned BB:…');
    expect(within(form).queryByTestId('hub-pin-saved')).toBeNull();
    expect(within(form).queryByTestId('hub-pinned')).toBeNull();
  });

  it('shows the team desk this app is connected to, and disconnects it', async () => {
    const pin = { url: 'https://desk.lan:47900', fingerprint: FINGERPRINT };
    const { fake, shell, form } = await openSettings(testSettings({ teamDesk: pin }));
    expect(within(form).getByTestId('hub-pinned').textContent).toContain(`This app opens the team desk at https://desk.lan:47900 (certificate ${FINGERPRINT}) when it starts.`);
    await userEvent.setup().click(within(form).getByTestId('hub-disconnect'));
    expect((await within(form).findByTestId('hub-pin-saved')).textContent).toBe('Disconnected: this app keeps working on this computer’s own desk.');
    expect(fake.callsOf('settings.update')).toEqual([{ teamDesk: null }]);
    expect(shell.current().teamDesk).toBeNull();
    expect(within(form).queryByTestId('hub-pinned')).toBeNull();
  });

  it('is not offered in a browser, which is already at a desk', async () => {
    delete window.desk;
    const fake = createFakeClient();
    handleShell(fake);
    handleOperators(fake);
    fake.handle('bots.endpoints', () => ({ webhookBaseUrl: null, apiServer: null, localWebhookBase: null }));
    renderApp(fake, { area: 'settings' });
    await screen.findByTestId('settings-language');
    expect(screen.queryByTestId('hub-connect')).toBeNull();
  });
});
