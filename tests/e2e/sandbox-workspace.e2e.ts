import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedInDesk, screenshot } from './support/browser';

let session: Awaited<ReturnType<typeof openSignedInDesk>>;
let page: Page;

beforeAll(async () => {
  session = await openSignedInDesk();
  ({ page } = session);
});

afterAll(() => session?.close());

describe('the sandbox workspace', () => {
  it('is offered at first run, and once chosen is marked on every screen', async () => {
    await page.getByTestId('workspace-choice').waitFor();
    await screenshot(page, 'first-run-choice-en-light');
    await page.getByTestId('workspace-choose-sandbox').click();
    await page.getByTestId('workspace-choice').waitFor({ state: 'detached' });
    for (const area of ['inbox', 'logs', 'settings']) {
      await page.getByTestId(`nav-${area}`).click();
      await page.getByTestId('sandbox-banner').waitFor();
    }
  });

  it('lets the operator act as a simulated person, and the message appears in the live feed', async () => {
    await page.getByTestId('nav-sandbox').click();
    await page.getByTestId('sandbox-person').first().click();
    await page.getByTestId('sandbox-text').fill('Здравствуйте! Где мой заказ?');
    await page.getByTestId('sandbox-send').click();
    const item = page.getByTestId('sandbox-feed-item').filter({ hasText: 'Здравствуйте! Где мой заказ?' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Desk Operator');
    expect(await page.getByTestId('sandbox-text').inputValue()).toBe('');

    await page.getByTestId('sandbox-screenshot').click();
    await page.getByTestId('sandbox-feed-item').nth(1).waitFor();
    await screenshot(page, 'sandbox-console-en-light');
  });

  it('shows a rule Telegram would enforce and keeps what was typed', async () => {
    await page.getByTestId('sandbox-person').first().click();
    await page.getByTestId('sandbox-join').click();
    await page.getByText('USER_ALREADY_PARTICIPANT').waitFor();
  });

  it('switches to the real-Telegram workspace and back from Settings, restarting on separate data', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-workspace').selectOption('telegram');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('sandbox-banner').waitFor({ state: 'detached' });
    expect(await page.getByTestId('nav-sandbox').count()).toBe(0);
    await screenshot(page, 'telegram-workspace-en-light');

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').selectOption('ru');
    await page.getByTestId('settings-theme').selectOption('dark');
    await page.getByTestId('settings-workspace').selectOption('sandbox');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('sandbox-banner').waitFor();
    await page.getByTestId('nav-sandbox').click();
    await page.getByTestId('sandbox-person').nth(2).click();
    await page.getByTestId('sandbox-text').fill('Добрый вечер! Есть вопрос по оплате.');
    await page.getByTestId('sandbox-send').click();
    await page.getByTestId('sandbox-feed-item').filter({ hasText: 'Есть вопрос по оплате' }).waitFor();
    await screenshot(page, 'sandbox-console-ru-dark');
  });
});
