import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findBrowser } from '../../../scripts/test-browser.mjs';
import { HeadlessDesk } from './headless-process';

export const SCREENSHOT_DIR = resolve('test-results/screenshots');

/** The Chromium `npm test` found (scripts/test-browser.mjs), with the flags a network-less machine needs. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findBrowser();
  // Finding only: installing one is for `node scripts/test-browser.mjs`, which npm test runs first.
  if (!executablePath) throw new Error('No Chromium for the end-to-end tests: run `node scripts/test-browser.mjs` to find or install one.');
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Headless mode on a fresh data folder and a Chromium page signed in to it. */
export async function openSignedInDesk(beforeLoad: (page: Page) => void = () => {}) {
  const desk = new HeadlessDesk();
  let browser: Browser | undefined;
  try {
    const link = await desk.start();
    const opened = (browser = await launchChromium());
    const context = await opened.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    beforeLoad(page);
    await page.goto(link);
    return {
      desk,
      browser: opened,
      page,
      async close() {
        await opened.close();
        await desk.stop();
        desk.dispose();
      },
    };
  } catch (error) {
    // No session is handed back, so no afterAll can clean up: do it here.
    await browser?.close();
    await desk.stop();
    desk.dispose();
    throw error;
  }
}
