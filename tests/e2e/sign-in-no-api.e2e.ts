import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedInDesk, SCREENSHOT_DIR } from './support/browser';
import { callEngine } from './support/contract-socket';

let session: Awaited<ReturnType<typeof openSignedInDesk>>;
let page: Page;

beforeAll(async () => {
  session = await openSignedInDesk();
  page = session.page;
  await page.getByTestId('workspace-choose-telegram').click();
  // The engine restarts on the real-Telegram workspace; a wizard opened before that would be reset.
  await page.getByTestId('sandbox-banner').waitFor({ state: 'detached' });
  await page.getByTestId('nav-accounts').click();
}, 120_000);

afterAll(() => session?.close());

describe('signing in to real Telegram with no api pair', () => {
  it('says a pair must be set first and shows where, before asking Telegram', async () => {
    await page.getByTestId('account-add').click();
    await page.getByTestId('signin-phone').fill('+49 151 23456789');
    await page.getByTestId('signin-next').click();
    const problem = page.getByTestId('signin-api-missing');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Set an api_id and api_hash first');
    await page.getByTestId('default-api-id').waitFor();
    expect(await page.getByTestId('signin-wizard').textContent()).not.toContain('did not accept');

    const dir = process.env.SHOTS_DIR ?? SCREENSHOT_DIR;
    mkdirSync(dir, { recursive: true });
    for (const language of ['en', 'ru'] as const) {
      await callEngine(page, 'settings.update', { language });
      await page.locator(`html[lang="${language}"]`).waitFor();
      for (const width of [1100, 900]) {
        await page.setViewportSize({ width, height: 760 });
        await page.screenshot({ path: join(dir, `sign-in-no-api-${width}-${language}-light.png`) });
      }
    }
  });
});
