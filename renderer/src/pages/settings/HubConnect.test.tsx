import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskApi } from '../../../../shared/contract/index';
import { DeskError } from '../../../../shared/contract/result';
import { createFakeClient } from '../../test/fake-client';
import { handleShell } from '../../test/fixtures';
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

async function openSettings() {
  const fake = createFakeClient();
  handleShell(fake);
  handleOperators(fake);
  fake.handle('bots.endpoints', () => ({ webhookBaseUrl: null, apiServer: null, localWebhookBase: null }));
  renderApp(fake, { area: 'settings' });
  return { fake, form: await screen.findByTestId('hub-connect') };
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
