import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedInDesk, screenshot } from './support/browser';
import type { HeadlessDesk } from './support/headless-process';

let session: Awaited<ReturnType<typeof openSignedInDesk>>;
let desk: HeadlessDesk;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  session = await openSignedInDesk((p) => {
    p.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    p.on('pageerror', (e) => consoleErrors.push(e.message));
  });
  ({ desk, browser, page } = session);
  // The status corner is empty, so never "visible", while all is well.
  await page.locator('[data-testid="connection"][data-state="connected"]').waitFor({ state: 'attached' });
  // A new data folder asks once which workspace to use; these tests run in the sandbox.
  await page.getByTestId('workspace-choose-sandbox').click();
  await page.getByTestId('workspace-choice').waitFor({ state: 'detached' });
});

afterAll(() => session?.close());

const title = () => page.getByTestId('page-title').textContent();

async function saveSettings(change: { language?: string; theme?: string }) {
  await page.getByTestId('nav-settings').click();
  if (change.language) await page.getByTestId('settings-language').selectOption(change.language);
  if (change.theme) await page.getByTestId('settings-theme').selectOption(change.theme);
  await page.getByTestId('settings-save').click();
}

describe('the desk window in headless mode', () => {
  it('shows every area of the mission, with honest empty states', async () => {
    const items = page.getByTestId('nav').locator('[data-testid^="nav-"]');
    // Ten areas, plus the console while the sandbox workspace runs.
    expect(await items.count()).toBe(11);
    expect(await page.getByTestId('nav-sandbox').count()).toBe(1);
    expect(await title()).toBe('Inbox');
    expect(await page.getByTestId('connection').textContent()).toBe('');
    await screenshot(page, 'inbox-en-light');
  });

  it('moves between areas from the keyboard', async () => {
    await page.keyboard.press('Alt+9');
    expect(await title()).toBe('Logs');
    await page.keyboard.press('Alt+0');
    expect(await title()).toBe('Settings');
    await page.keyboard.press('Alt+1');
    expect(await title()).toBe('Inbox');
  });

  it('refuses a bad port inline and saves nothing', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-intake-port').fill('80');
    expect(await page.getByTestId('settings-save').isDisabled()).toBe(true);
    await page.getByTestId('settings-port-error').waitFor();
    await screenshot(page, 'settings-bad-port-en-light');
    await page.getByTestId('settings-intake-port').fill('47821');
  });

  it('switches to dark theme and to Russian at runtime', async () => {
    await saveSettings({ theme: 'dark' });
    await page.locator('html[data-theme="dark"]').waitFor();
    await screenshot(page, 'settings-en-dark');
    await page.getByTestId('nav-logs').click();
    await page.getByTestId('logs-row').first().waitFor();
    await screenshot(page, 'logs-en-dark');

    await saveSettings({ language: 'ru' });
    await page.locator('html[lang="ru"]').waitFor();
    expect(await title()).toBe('Настройки');
    await screenshot(page, 'settings-ru-dark');
    await page.getByTestId('nav-invites').click();
    await screenshot(page, 'invites-ru-dark');

    await saveSettings({ theme: 'light' });
    await page.locator('html[data-theme="light"]').waitFor();
    await page.getByTestId('nav-logs').click();
    await page.getByTestId('logs-row').first().waitFor();
    await screenshot(page, 'logs-ru-light');
    expect(await page.getByTestId('nav').textContent()).toContain('Аккаунты и боты');
  });

  it('keeps language and theme after a reload (stored by the engine)', async () => {
    const link = await desk.newLink();
    const again = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await again.goto(link);
    await again.locator('html[lang="ru"][data-theme="light"]').waitFor();
    await again.close();
  });

  it('filters the log by level and text and exports what is shown as CSV', async () => {
    await page.getByTestId('nav-logs').click();
    await page.getByTestId('logs-level').selectOption('warn');
    // A refused sign-in link is logged as a warning by the engine.
    await browser.newPage().then(async (p) => {
      await p.goto(`${desk.origin}/?token=wrong`);
      await p.close();
    });
    await page.locator('[data-testid="logs-row"][data-level="warn"]').first().waitFor();
    expect(await page.locator('[data-testid="logs-row"][data-level="info"]').count()).toBe(0);

    await page.getByTestId('logs-text').fill('sign-in link');
    await page.waitForFunction(() => {
      const shown = Array.from(document.querySelectorAll('[data-testid="logs-row"]'));
      return shown.length > 0 && shown.every((row) => row.textContent?.includes('sign-in link'));
    });
    const rows = await page.getByTestId('logs-row').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes('sign-in link'))).toBe(true);
    await screenshot(page, 'logs-filtered-ru-light');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('logs-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^desk-logs-\d{8}-\d{4}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFtime,level,scope,message,details');
    expect(csv).toContain('a sign-in link was refused');
    expect(csv).not.toContain('engine started');
  });

  it('records operator actions in the audit trail', async () => {
    await page.getByTestId('logs-tab-audit').click();
    await page.getByTestId('audit-row').first().waitFor();
    const rows = await page.getByTestId('audit-row').allTextContents();
    expect(rows.some((r) => r.includes('settings.update') && r.includes('operator:local'))).toBe(true);
    expect(rows.some((r) => r.includes('logs.export'))).toBe(true);
    await screenshot(page, 'audit-ru-light');
  });

  it('shows when the engine is unreachable and recovers when it is back', async () => {
    await desk.stop();
    await page.locator('[data-testid="connection"]:not([data-state="connected"])').waitFor();
    await screenshot(page, 'disconnected-ru-light');
    // Sessions live in the process, so after a restart the operator signs in with the new link.
    await page.goto(await desk.start());
    await page.locator('[data-testid="connection"][data-state="connected"]').waitFor({ state: 'attached' });
    expect(await page.getByTestId('connection').textContent()).toBe('');
  });

  it('logged no errors in the page console', () => {
    expect(consoleErrors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
  });
});
