import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SandboxStatus } from '../../shared/domain/sandbox';
import { openSignedInDesk, screenshot } from './support/browser';
import { callEngine } from './support/contract-socket';

let session: Awaited<ReturnType<typeof openSignedInDesk>>;
let page: Page;
let sandbox: SandboxStatus;
const photo = join(mkdtempSync(join(tmpdir(), 'desk-photo-')), 'receipt.png');

function drawPhoto(): void {
  const png = new PNG({ width: 64, height: 48 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([40, 120, (i / 4) % 255, 255], i);
  writeFileSync(photo, PNG.sync.write(png));
}

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await probe();
      if (value === undefined) throw new Error(`timed out waiting for ${what}`);
      return value;
    },
    { timeout: 30_000, interval: 100 },
  );
}

beforeAll(async () => {
  drawPhoto();
  session = await openSignedInDesk();
  page = session.page;
  await page.getByTestId('workspace-choose-sandbox').click();
  sandbox = await callEngine<SandboxStatus>(page, 'sandbox.status', {});
  // Sign-in and adding a bot are covered through the UI in accounts.e2e.ts; here they are set-up.
  const account = sandbox.targets.find((t) => t.kind === 'account' && t.password === null)!;
  const flow = await callEngine<{ flowId: string }>(page, 'accounts.startSignIn', { phone: account.phone });
  const code = (await callEngine<SandboxStatus>(page, 'sandbox.status', {})).targets.find((t) => t.id === account.id)!.lastCode;
  await callEngine(page, 'accounts.submitCode', { flowId: flow.flowId, code });
  await callEngine(page, 'bots.add', { token: sandbox.targets.find((t) => t.kind === 'bot')!.botToken });
  await until(async () => {
    const { accounts } = await callEngine<{ accounts: { state: { status: string } }[] }>(page, 'accounts.list', {});
    const { bots } = await callEngine<{ bots: { state: { status: string } }[] }>(page, 'bots.list', {});
    return [...accounts, ...bots].every((c) => c.state.status === 'online') ? true : undefined;
  }, 'account and bot online');
}, 120_000);

afterAll(() => session?.close());

const accountTarget = () => sandbox.targets.find((t) => t.kind === 'account' && t.password === null)!;
const botTarget = () => sandbox.targets.find((t) => t.kind === 'bot')!;
const row = (name: string) => page.getByTestId('conversation-row').filter({ hasText: name });

async function reply(text: string) {
  await page.getByTestId('composer-text').fill(text);
  await page.getByTestId('composer-send').click();
  return page.getByTestId('message').filter({ hasText: text });
}

async function replyWithPhoto() {
  await page.getByTestId('composer-file').setInputFiles(photo);
  await page.locator('[data-testid="composer-attachment"][data-state="ready"]').waitFor();
  await page.getByTestId('composer-send').click();
  return page.locator('[data-testid="message"][data-delivery="sent"]').filter({ has: page.getByTestId('message-media') }).last();
}

describe('the unified inbox against the sandbox', () => {
  it('shows messages from simulated people live, from the account and from the bot', async () => {
    await page.getByTestId('nav-inbox').click();
    const [anna, dmitry] = sandbox.people;
    await callEngine(page, 'sandbox.act', { personId: anna!.id, action: 'write', targetId: accountTarget().id, text: 'Здравствуйте! Где мой заказ #4821?' });
    await callEngine(page, 'sandbox.act', { personId: dmitry!.id, action: 'write', targetId: botTarget().id, text: 'Hi bot, I need help with my order' });
    await row(anna!.name).waitFor();
    await row(dmitry!.name).waitFor();
    expect(await row(anna!.name).getAttribute('data-unread')).toBe('true');
    await screenshot(page, 'inbox-live-en-light');
  });

  it('replies with text and a photo from the account', async () => {
    await row(sandbox.people[0]!.name).click();
    const text = await reply('Добрый день! Заказ уже у курьера.');
    await text.and(page.locator('[data-delivery="sent"]')).waitFor();
    await (await replyWithPhoto()).waitFor();
    await screenshot(page, 'inbox-account-reply-en-light');
  });

  it('replies with text and a photo from the bot', async () => {
    await row(sandbox.people[1]!.name).click();
    const text = await reply('Hello! An operator is here.');
    await text.and(page.locator('[data-delivery="sent"]')).waitFor();
    await (await replyWithPhoto()).waitFor();
  });

  it('shows "waiting until" for a reply made during a flood wait, and delivers it after', async () => {
    await row(sandbox.people[0]!.name).click();
    await callEngine(page, 'sandbox.imposeFloodWait', { targetId: accountTarget().id, seconds: 8 });
    const waiting = await reply('Sent during a flood wait');
    await waiting.and(page.locator('[data-delivery="waiting"]')).waitFor();
    expect(await waiting.getByTestId('message-delivery').textContent()).toMatch(/waiting until/i);
    await screenshot(page, 'inbox-flood-wait-en-light');
    await waiting.and(page.locator('[data-delivery="sent"]')).waitFor({ timeout: 40_000 });
  });

  it('finds an old message by search and opens the chat at it', async () => {
    await row(sandbox.people[1]!.name).click();
    await page.getByTestId('search-input').fill('4821');
    const hit = page.getByTestId('search-hit').first();
    await hit.waitFor();
    await hit.click();
    await page.getByTestId('message').filter({ hasText: '#4821' }).waitFor();
    await screenshot(page, 'inbox-search-opened-en-light');
  });

  it('shows our replies read when the person reads them, and follows the account reading on its phone', async () => {
    const anna = sandbox.people[0]!;
    // Back from the search of the test before to the list.
    await page.getByTestId('search-input').fill('');
    await page.getByTestId('search-input').press('Escape');
    await row(anna.name).click();
    const answer = await reply('Your courier arrives at six.');
    await answer.and(page.locator('[data-delivery="sent"]')).waitFor();
    await callEngine(page, 'sandbox.readChat', { personId: anna.id, targetId: accountTarget().id, reader: 'person' });
    await answer.locator('[data-testid="message-delivery"][data-read="true"]').waitFor();
    expect(await answer.getByTestId('message-delivery').textContent()).toMatch(/read/i);

    // Another chat is open, so Anna's next message stays unread until the account reads it on its phone.
    await row(sandbox.people[1]!.name).click();
    await callEngine(page, 'sandbox.act', { personId: anna.id, action: 'write', targetId: accountTarget().id, text: 'Thank you! One more question.' });
    await row(anna.name).and(page.locator('[data-unread="true"]')).waitFor();
    await callEngine(page, 'sandbox.readChat', { personId: anna.id, targetId: accountTarget().id, reader: 'account' });
    await row(anna.name).and(page.locator('[data-unread="false"]')).waitFor();
    await row(anna.name).click();
    await screenshot(page, 'inbox-read-marks-en-light');
  });

  it('renames a label and deletes it from every conversation after a confirmation', async () => {
    await row(sandbox.people[0]!.name).click();
    await page.getByTestId('label-name').fill('VIP');
    await page.getByTestId('label-add').click();
    await page.locator('[data-testid="label-toggle"]:checked').waitFor();
    await page.getByTestId('labels-manage').click();
    await page.getByTestId('label-rename').fill('VIP client');
    await page.getByTestId('label-rename-save').click();
    await row(sandbox.people[0]!.name).filter({ hasText: 'VIP client' }).waitFor();
    await page.getByTestId('label-delete').click();
    const confirm = page.getByTestId('label-delete-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/comes off the 1 conversation that has it/);
    await screenshot(page, 'inbox-label-delete-en-light');
    await page.getByTestId('label-delete-yes').click();
    await page.getByTestId('label-toggle').waitFor({ state: 'detached' });
    expect(await row(sandbox.people[0]!.name).textContent()).not.toContain('VIP client');
  });

  it('benches the account on PEER_FLOOD, shows it on the Accounts page, and resumes when the operator lifts it', async () => {
    await row(sandbox.people[0]!.name).click();
    const limit = await callEngine<{ until: number }>(page, 'sandbox.imposePeerFlood', { targetId: accountTarget().id, seconds: 4 });
    const held = await reply('Sent during a spam limit');
    await held.and(page.locator('[data-delivery="waiting"]')).waitFor();
    expect(await held.getByTestId('message-delivery').textContent()).toMatch(/PEER_FLOOD/);
    await screenshot(page, 'inbox-peer-flood-en-light');

    await page.getByTestId('nav-accounts').click();
    const bench = page.getByTestId('account-bench');
    await bench.waitFor();
    expect(await bench.textContent()).toMatch(/PEER_FLOOD/);
    await screenshot(page, 'accounts-benched-en-light');
    // The operator waits out Telegram's limit, then lifts the bench.
    await page.waitForFunction((end) => Date.now() > end, limit.until);
    await page.getByTestId('account-unbench').click();
    await bench.waitFor({ state: 'detached' });

    // The same page sets the account's daily limits per kind of action.
    await page.getByTestId('daily-caps').locator('summary').click();
    const invites = page.locator('[data-testid="daily-cap"][data-action="invite"]');
    await invites.getByTestId('daily-cap-input').fill('25');
    await invites.getByTestId('daily-cap-save').click();
    await invites.getByTestId('daily-cap-default').waitFor();
    await screenshot(page, 'accounts-daily-limits-en-light');

    await page.getByTestId('nav-inbox').click();
    await row(sandbox.people[0]!.name).click();
    await held.and(page.locator('[data-delivery="sent"]')).waitFor({ timeout: 20_000 });
  });
});
