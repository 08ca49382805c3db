import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotView } from '../../shared/domain/connections';
import type { SandboxStatus } from '../../shared/domain/sandbox';
import { openSignedInDesk, screenshot } from './support/browser';
import { callEngine } from './support/contract-socket';

let session: Awaited<ReturnType<typeof openSignedInDesk>>;
let page: Page;

beforeAll(async () => {
  session = await openSignedInDesk();
  page = session.page;
  await page.getByTestId('workspace-choose-sandbox').click();
});

afterAll(() => session?.close());

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('a bot in webhook mode in the sandbox workspace', () => {
  it('is refused without a public address, then receives through it once set in Settings', async () => {
    const sandbox = await callEngine<SandboxStatus>(page, 'sandbox.status', {});
    const bot = sandbox.targets.find((t) => t.kind === 'bot')!;

    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('bot-token').fill(bot.botToken!);
    await page.getByTestId('bot-mode').selectOption('webhook');
    await page.getByTestId('bot-add').click();
    expect(await page.getByTestId('bot-error').textContent()).toContain('public HTTPS address');

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-intake-enabled').check();
    await page.getByTestId('settings-intake-port').fill(String(await freePort()));
    await page.getByTestId('settings-save').click();
    await page.getByText(/forwards to http:\/\/127\.0\.0\.1:\d+/).waitFor();
    await page.getByTestId('settings-webhookBaseUrl').fill('http://desk.example.org');
    await page.getByTestId('bot-endpoints-save').click();
    expect(await page.getByTestId('settings-webhookBaseUrl-error').textContent()).toContain('https://');
    await page.getByTestId('settings-webhookBaseUrl').fill('https://desk.example.org');
    await page.getByTestId('bot-endpoints-save').click();
    await page.getByText('Saved.', { exact: true }).waitFor();

    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('bot-token').fill(bot.botToken!);
    await page.getByTestId('bot-mode').selectOption('webhook');
    await page.getByTestId('bot-add').click();
    await page.locator('[data-testid="bot-row"][data-state="online"]').waitFor();
    await callEngine(page, 'sandbox.act', { personId: sandbox.people[0]!.id, targetId: bot.id, action: 'write', text: 'Через вебхук' });
    await page.getByTestId('bot-webhook-pending').filter({ hasText: '0 updates waiting at Telegram' }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'webhook-bot-online-en');

    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('conversation-row').filter({ hasText: 'Через вебхук' }).waitFor();
    const [listed] = (await callEngine<{ bots: BotView[] }>(page, 'bots.list', {})).bots;
    expect(listed!.webhook?.url).toBe(`https://desk.example.org/telegram/bots/${listed!.id}/webhook`);
  });
});
