import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedInDesk, screenshot } from './support/browser';

let session: Awaited<ReturnType<typeof openSignedInDesk>>;
/** The operator's window on Accounts & bots. */
let page: Page;
/** A second tab on the sandbox console: the "phone" where login codes arrive. */
let phone: Page;

beforeAll(async () => {
  session = await openSignedInDesk();
  page = session.page;
  await page.getByTestId('workspace-choose-sandbox').click();
  phone = await page.context().newPage();
  await phone.setViewportSize({ width: 1280, height: 800 });
  await phone.goto(`${session.desk.origin}/#/sandbox`);
  await phone.getByTestId('sandbox-info').waitFor();
  await page.getByTestId('nav-accounts').click();
});

afterAll(() => session?.close());

const accountInfo = (phoneNumber: string) => phone.getByTestId('sandbox-info-account').filter({ hasText: phoneNumber });

/** The code "Telegram" just sent, as the console shows it (it refreshes every 2 s). */
async function codeFor(phoneNumber: string, notThis?: string): Promise<string> {
  const shown = accountInfo(phoneNumber)
    .getByTestId('sandbox-last-code')
    .locator('code')
    .filter({ hasText: /^\s*\d+\s*$/, ...(notThis ? { hasNotText: new RegExp(`^\\s*${notThis}\\s*$`) } : {}) });
  await shown.waitFor({ timeout: 10_000 });
  return (await shown.textContent())!.trim();
}

async function startSignIn(phoneNumber: string) {
  if (!(await page.getByTestId('signin-wizard').isVisible())) await page.getByTestId('account-add').click();
  await page.getByTestId('signin-phone').fill(phoneNumber);
  await page.getByTestId('signin-next').click();
}

describe('accounts and bots against the sandbox', () => {
  it('signs an account in with a code, after a wrong one and a resend by the next method', async () => {
    await startSignIn('+9996610002');
    await page.getByTestId('signin-code').waitFor();
    expect(await page.getByTestId('signin-sent-via').textContent()).toMatch(/Telegram app/i);
    const first = await codeFor('+9996610002');

    await page.getByTestId('signin-code').fill(first === '11111' ? '22222' : '11111');
    await page.getByTestId('signin-submit-code').click();
    await page.getByTestId('signin-error').waitFor();
    await screenshot(page, 'signin-wrong-code-en-light');

    await page.getByTestId('signin-resend').waitFor({ timeout: 20_000 });
    await page.getByTestId('signin-resend').click();
    await page.getByTestId('signin-sent-via').filter({ hasText: /SMS/i }).waitFor();
    const second = await codeFor('+9996610002', first);
    await page.getByTestId('signin-code').fill(second);
    await page.getByTestId('signin-submit-code').click();
    await page.getByTestId('signin-done').waitFor();
    await page.getByTestId('signin-close').click();
    await page.locator('[data-testid="account-row"][data-state="online"]').filter({ hasText: '9996610002' }).waitFor();
  });

  it('signs an account with two-step verification in, after a wrong password', async () => {
    await startSignIn('+9996610001');
    await page.getByTestId('signin-code').fill(await codeFor('+9996610001'));
    await page.getByTestId('signin-submit-code').click();
    await page.getByTestId('signin-password').waitFor();
    expect(await page.getByTestId('signin-hint').textContent()).toContain('sandbox');
    await page.getByTestId('signin-password').fill('not the password');
    await page.getByTestId('signin-submit-password').click();
    await page.getByTestId('signin-error').waitFor();
    await screenshot(page, 'signin-wrong-password-en-light');
    await page.getByTestId('signin-password').fill('sandbox');
    await page.getByTestId('signin-submit-password').click();
    await page.getByTestId('signin-done').waitFor();
    await page.getByTestId('signin-close').click();
    await page.locator('[data-testid="account-row"][data-state="online"]').filter({ hasText: '9996610001' }).waitFor();
  });

  it('shows when Telegram asks to wait after too many codes to one number', async () => {
    // A simulated person's number: asking for codes again and again earns FLOOD_WAIT.
    for (let attempt = 0; attempt < 8; attempt++) {
      await startSignIn('+9996620003');
      const outcome = await Promise.race([
        // The losing wait is abandoned; its later rejection must not count as an error.
        page.getByTestId('signin-code').waitFor().then(() => 'code' as const, () => 'gone' as const),
        page.getByTestId('signin-error').waitFor().then(() => 'error' as const, () => 'gone' as const),
      ]);
      if (outcome === 'error') break;
      await page.getByTestId('signin-cancel').click();
    }
    expect(await page.getByTestId('signin-error').textContent()).toMatch(/try again at/i);
    await screenshot(page, 'signin-flood-wait-en-light');
    await page.getByTestId('signin-cancel').click();
  });

  it('adds the sandbox bot by its token and shows it online', async () => {
    const token = (await phone.getByTestId('sandbox-bot-token').textContent())!.trim();
    await page.getByTestId('bot-token').fill('12345:not-a-real-token-at-all-xxxxxxxx');
    await page.getByTestId('bot-add').click();
    await page.getByTestId('bot-error').waitFor();
    await page.getByTestId('bot-token').fill(token);
    await page.getByTestId('bot-add').click();
    await page.locator('[data-testid="bot-row"][data-state="online"]').waitFor();
    await screenshot(page, 'accounts-and-bot-online-en-light');
  });

  it('asks for sign-in again when Telegram ends the session, and signs in again', async () => {
    const info = accountInfo('+9996610002');
    await info.getByTestId('sandbox-revoke').click();
    await info.getByTestId('sandbox-revoke-confirm').click();
    const row = page.getByTestId('account-row').filter({ hasText: '9996610002' });
    await page.locator('[data-testid="account-row"][data-state="needs_sign_in"]').filter({ hasText: '9996610002' }).waitFor();
    await screenshot(page, 'account-needs-sign-in-en-light');

    const before = (await accountInfo('+9996610002').getByTestId('sandbox-last-code').locator('code').textContent())?.trim();
    await row.getByTestId('account-resignin').click();
    await page.getByTestId('signin-code').fill(await codeFor('+9996610002', before));
    await page.getByTestId('signin-submit-code').click();
    await page.getByTestId('signin-done').waitFor();
    await page.getByTestId('signin-close').click();
    await page.locator('[data-testid="account-row"][data-state="online"]').filter({ hasText: '9996610002' }).waitFor();
  });

  it('serves each account and bot state at /api/health behind its token', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-intake-enabled').check();
    await page.getByTestId('settings-save').click();
    const api = await page.evaluate(async () => {
      // The window's own contract client is not reachable from here; ask over a fresh socket.
      return new Promise<{ url: string; token: string }>((resolve) => {
        const socket = new WebSocket(`ws://${location.host}/desk`);
        socket.onopen = () => socket.send(JSON.stringify({ kind: 'call', id: 1, method: 'system.httpApi', input: {} }));
        socket.onmessage = (m) => {
          const message = JSON.parse(String(m.data)) as { kind: string; result?: { value: { url: string; token: string } } };
          if (message.kind === 'result') resolve(message.result!.value);
        };
      });
    });
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const refused = await fetch(`${api.url}/api/health`);
    expect(refused.status).toBe(401);
    const health = (await (await fetch(`${api.url}/api/health`, { headers: { Authorization: `Bearer ${api.token}` } })).json()) as {
      status: string;
      accounts: { state: { status: string } }[];
      bots: { state: { status: string } }[];
    };
    expect(health.accounts.map((a) => a.state.status)).toEqual(['online', 'online']);
    expect(health.bots.map((b) => b.state.status)).toEqual(['online']);
  });
});
