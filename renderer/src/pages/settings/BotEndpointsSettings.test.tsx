import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../../shared/contract/result';
import type { BotEndpoints } from '../../../../shared/domain/bot-endpoints';
import { createFakeClient } from '../../test/fake-client';
import { handleShell } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

afterEach(cleanup);

async function openSettings(endpoints: BotEndpoints) {
  const fake = createFakeClient();
  handleShell(fake);
  fake.handle('system.httpApi', () => ({ enabled: true, url: endpoints.localWebhookBase, token: 'secret', error: null }));
  fake.handle('bots.endpoints', () => endpoints);
  renderApp(fake, { area: 'settings' });
  await screen.findByTestId('settings-webhookBaseUrl');
  return { fake, user: userEvent.setup() };
}

describe('settings: bots and Telegram', () => {
  it('says where the public address must forward to, and saves it', async () => {
    const { fake, user } = await openSettings({ webhookBaseUrl: null, apiServer: null, localWebhookBase: 'http://127.0.0.1:47821' });
    expect(screen.getByText(/forwards to http:\/\/127\.0\.0\.1:47821/)).toBeTruthy();
    fake.handle('bots.setEndpoints', (patch) => ({ webhookBaseUrl: patch.webhookBaseUrl ?? null, apiServer: null, localWebhookBase: 'http://127.0.0.1:47821' }));
    await user.type(screen.getByTestId('settings-webhookBaseUrl'), 'https://desk.example.org/');
    await user.click(screen.getByTestId('bot-endpoints-save'));
    await waitFor(() => expect(fake.callsOf('bots.setEndpoints')).toEqual([{ webhookBaseUrl: 'https://desk.example.org' }]));
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('says webhook mode needs HTTP intake while it is off', async () => {
    await openSettings({ webhookBaseUrl: null, apiServer: null, localWebhookBase: null });
    expect(screen.getByText(/turn on HTTP intake above first/)).toBeTruthy();
  });

  it('shows a refused address under its field and keeps what was typed', async () => {
    const { fake, user } = await openSettings({ webhookBaseUrl: null, apiServer: null, localWebhookBase: 'http://127.0.0.1:47821' });
    fake.handle('bots.setEndpoints', () => {
      throw new DeskError('invalid_input', 'apiServer: getMe for @desk_bot through http://127.0.0.1:9 failed (Telegram could not be reached). Nothing was changed.');
    });
    await user.type(screen.getByTestId('settings-apiServer'), 'http://127.0.0.1:9');
    await user.click(screen.getByTestId('bot-endpoints-save'));
    expect((await screen.findByTestId('settings-apiServer-error')).textContent).toContain('getMe for @desk_bot');
    expect(screen.getByTestId<HTMLInputElement>('settings-apiServer').value).toBe('http://127.0.0.1:9');
  });

  it('refuses an address bots.setEndpoints would refuse, under its field, before asking the engine', async () => {
    const { fake, user } = await openSettings({ webhookBaseUrl: null, apiServer: null, localWebhookBase: 'http://127.0.0.1:47821' });
    await user.type(screen.getByTestId('settings-webhookBaseUrl'), 'http://desk.example.org');
    await user.click(screen.getByTestId('bot-endpoints-save'));
    expect((await screen.findByTestId('settings-webhookBaseUrl-error')).textContent).toBe('must start with https:// — Telegram delivers webhooks over HTTPS only');
    expect(screen.getByTestId('settings-webhookBaseUrl').getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsOf('bots.setEndpoints')).toEqual([]);
  });
});
