import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxStatus } from '../../shared/domain/sandbox';
import { openSignedInDesk, screenshot } from './support/browser';
import { callEngine } from './support/contract-socket';

type Box = { x: number; y: number; width: number; height: number };

let session: Awaited<ReturnType<typeof openSignedInDesk>>;
let page: Page;
let write: (text: string) => Promise<unknown>;
let sendPhoto: () => Promise<unknown>;

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(testId: string): Promise<Box> {
  const found = await page.getByTestId(testId).boundingBox();
  if (!found) throw new Error(`${testId} is not laid out`);
  return found;
}

/** Every message bubble in view: each is laid out with a size and lies inside the window. */
async function visibleMessages(): Promise<Box[]> {
  const viewport = page.viewportSize()!;
  const boxes = (await page.getByTestId('message').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box)))
    .filter((b) => b.y + b.height > 0 && b.y < viewport.height);
  for (const b of boxes) {
    expect(b.width).toBeGreaterThan(40);
    expect(b.height).toBeGreaterThan(10);
    expect(b.x + b.width).toBeLessThanOrEqual(viewport.width);
  }
  return boxes;
}

beforeAll(async () => {
  session = await openSignedInDesk();
  page = session.page;
  await page.getByTestId('workspace-choose-sandbox').click();
  const sandbox = await callEngine<SandboxStatus>(page, 'sandbox.status', {});
  const account = sandbox.targets.find((t) => t.kind === 'account' && t.password === null)!;
  const flow = await callEngine<{ flowId: string }>(page, 'accounts.startSignIn', { phone: account.phone });
  const code = (await callEngine<SandboxStatus>(page, 'sandbox.status', {})).targets.find((t) => t.id === account.id)!.lastCode;
  await callEngine(page, 'accounts.submitCode', { flowId: flow.flowId, code });
  const person = sandbox.people[0]!;
  write = (text) => callEngine(page, 'sandbox.act', { personId: person.id, action: 'write', targetId: account.id, text });
  sendPhoto = () => callEngine(page, 'sandbox.act', { personId: person.id, action: 'screenshot', targetId: account.id });
  const texts = ['Good morning!', 'Where is my order #4821? It was due yesterday and the tracking page still says it has not left the warehouse.', 'Thanks'];
  for (const text of texts) await callEngine(page, 'sandbox.act', { personId: person.id, action: 'write', targetId: account.id, text });
  await page.getByTestId('conversation-row').filter({ hasText: person.name }).click();
  await page.getByTestId('message').filter({ hasText: 'Thanks' }).waitFor();
}, 120_000);

afterAll(() => session?.close());

describe('the inbox from 1,440 down to 900 px wide', () => {
  it('gives the conversation panel a column of its own in a wide window', async () => {
    await page.setViewportSize({ width: 1440, height: 860 });
    await page.locator('[data-testid="inbox"][data-side="docked"]').waitFor();
    const [list, chat, panel] = await Promise.all([box('conversation-list'), box('chat-pane'), box('conversation-panel')]);
    expect(overlap(list, chat) || overlap(chat, panel) || overlap(list, panel)).toBe(false);
    for (const message of await visibleMessages()) expect(overlap(message, panel)).toBe(false);
    expect(await visibleMessages()).toHaveLength(3);
  });

  for (const width of [1100, 900]) {
    it(`at ${width} px keeps the messages in view and opens the panel as a drawer beside them`, async () => {
      await page.setViewportSize({ width, height: 760 });
      const list = await box('conversation-list');
      const chat = await box('chat-pane');
      expect(overlap(list, chat)).toBe(false);
      // The chat fills the window's height: nothing pushed it into a row of its own.
      expect(chat.y + chat.height).toBeGreaterThan(760 - 2);
      expect(await visibleMessages()).toHaveLength(3);
      expect(await page.getByTestId('conversation-panel').count()).toBe(0);
      expect(await page.getByTestId('side-toggle').getAttribute('aria-expanded')).toBe('false');

      await page.getByTestId('side-toggle').click();
      await page.locator('[data-testid="inbox"][data-side="drawer"]').waitFor();
      const panel = await box('conversation-panel');
      expect(overlap(panel, chat)).toBe(false);
      const messages = await visibleMessages();
      expect(messages).toHaveLength(3);
      for (const message of messages) expect(overlap(message, panel)).toBe(false);
      await screenshot(page, `inbox-drawer-${width}-en-light`);

      await page.keyboard.press('Escape');
      await page.getByTestId('conversation-panel').waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('side-toggle');
    });
  }

  it('keeps a chat read at its newest message there while the window is resized', async () => {
    await page.setViewportSize({ width: 1440, height: 860 });
    const paragraph = 'Every item on the list has its price and its terms, and the terms change in spring. '.repeat(10);
    for (let n = 1; n <= 4; n++) await write(`Part ${n}. ${paragraph}`);
    await page.getByTestId('message').filter({ hasText: 'Part 4.' }).waitFor();
    const inView = async (message: ReturnType<Page['getByTestId']>) => {
      await message.waitFor();
      await expect
        .poll(async () => {
          const [found, list] = await Promise.all([message.boundingBox(), box('message-list')]);
          return found !== null && found.y + found.height <= list.y + list.height + 1;
        }, { timeout: 5_000 })
        .toBe(true);
    };
    // Each width re-wraps every message; what arrives next must still come into view, not below the fold.
    for (const [i, width] of [900, 1100, 1440, 900].entries()) {
      await page.setViewportSize({ width, height: 760 });
      await write(`Arrived at ${width} px (${i})`);
      await inView(page.getByTestId('message').filter({ hasText: `Arrived at ${width} px (${i})` }));
    }
    // A photo is fetched once seen: one that arrived out of view would never show.
    await sendPhoto();
    await inView(page.getByTestId('photo-open'));
    await screenshot(page, 'inbox-resized-900-en-light');
  });
});
