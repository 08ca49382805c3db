import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SandboxStatus } from '../../shared/domain/sandbox';
import { openSignedInDesk, SCREENSHOT_DIR } from './support/browser';
import { callEngine } from './support/contract-socket';

let session: Awaited<ReturnType<typeof openSignedInDesk>>;
let page: Page;
let sandbox: SandboxStatus;

/** Probes until it finds something (not undefined); vitest's waitFor does the polling, 30 s at most. */
function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await probe();
      if (value === undefined) throw new Error(`timed out waiting for ${what}`);
      return value;
    },
    { timeout: 30_000, interval: 100 },
  );
}

/** Screenshots at the widths the desk must work at, in both languages (and dark where asked). */
async function shoot(
  name: string,
  options: { widths?: number[]; themes?: ('light' | 'dark')[]; before?: () => Promise<void>; after?: () => Promise<void> } = {},
) {
  const dir = process.env.SHOTS_DIR ?? SCREENSHOT_DIR;
  mkdirSync(dir, { recursive: true });
  for (const theme of options.themes ?? ['light']) {
    for (const language of ['en', 'ru'] as const) {
      await callEngine(page, 'settings.update', { language, theme });
      await page.locator(`html[lang="${language}"]`).waitFor();
      for (const width of options.widths ?? [1100, 900]) {
        await page.setViewportSize({ width, height: 760 });
        await options.before?.();
        await page.screenshot({ path: join(dir, `${name}-${width}-${language}-${theme}.png`) });
        await options.after?.();
      }
    }
  }
  await callEngine(page, 'settings.update', { language: 'en', theme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const drawer = () => page.locator('[data-testid="inbox"][data-side="drawer"]');

/**
 * The inbox follows a resize a moment later (a media query): until it has, "Details" can still
 * speak for the panel of the width before. Below 1,280 px the panel is a drawer.
 */
async function layoutSettled() {
  const leaving = page.viewportSize()!.width >= 1280 ? 'drawer' : 'docked';
  await page.locator(`[data-testid="inbox"]:not([data-side="${leaving}"])`).waitFor();
}

/**
 * Where the window is narrow the conversation panel is a drawer: an operator opens it with
 * "Details". A closed panel reads the same before and after a resize, so a press that landed on
 * the panel of the width before is pressed again until the panel shows.
 */
async function showDetails() {
  const panel = page.getByTestId('conversation-panel');
  const toggle = page.getByTestId('side-toggle');
  await layoutSettled();
  await until(async () => {
    if (await panel.isVisible()) return true;
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    return undefined;
  }, 'the conversation panel');
}

/** Closes the drawer, so the list it lies over is in reach again (a docked panel stays). */
async function hideDrawer() {
  await layoutSettled();
  if ((await drawer().count()) > 0) await page.getByTestId('side-toggle').click();
  await drawer().waitFor({ state: 'detached' });
}

const accountTarget = () => sandbox.targets.find((t) => t.kind === 'account' && t.password === null)!;
const row = (name: string) => page.getByTestId('conversation-row').filter({ hasText: name });

beforeAll(async () => {
  session = await openSignedInDesk();
  page = session.page;
  await page.getByTestId('workspace-choose-sandbox').click();
  sandbox = await callEngine<SandboxStatus>(page, 'sandbox.status', {});
  const account = accountTarget();
  const flow = await callEngine<{ flowId: string }>(page, 'accounts.startSignIn', { phone: account.phone });
  const code = (await callEngine<SandboxStatus>(page, 'sandbox.status', {})).targets.find((t) => t.id === account.id)!.lastCode;
  await callEngine(page, 'accounts.submitCode', { flowId: flow.flowId, code });
  await until(async () => {
    const { accounts } = await callEngine<{ accounts: { state: { status: string } }[] }>(page, 'accounts.list', {});
    return accounts.every((c) => c.state.status === 'online') ? true : undefined;
  }, 'account online');
  const anna = sandbox.people[0]!;
  await callEngine(page, 'sandbox.act', { personId: anna.id, action: 'write', targetId: account.id, text: 'Hello! Can you send me the whole price list?' });
  await page.getByTestId('nav-inbox').click();
  await row(anna.name).click();
}, 120_000);

afterAll(() => session?.close());

describe('details of the window', () => {
  it('sends a text longer than one message as several, in order, and none is cut', async () => {
    const paragraph = (n: number) => `Section ${n}. ${'Every item on the list has its price and its terms. '.repeat(12).trim()}`;
    const text = Array.from({ length: 8 }, (_, i) => paragraph(i + 1)).join('\n\n');
    await page.getByTestId('composer-text').fill(text);
    expect(await page.getByTestId('composer-counter').textContent()).toMatch(/goes as 2 messages/);
    await shoot('composer-counter');
    await page.getByTestId('composer-send').click();
    const sent = page.locator('[data-testid="message"][data-delivery="sent"]').filter({ hasText: 'Section' });
    await until(async () => ((await sent.count()) === 2 ? true : undefined), 'both parts sent');
    const texts = await sent.allTextContents();
    expect(texts[0]).toContain('Section 1.');
    expect(texts[1]).toContain('Section 8.');
  });

  it('keeps an active segment button readable on hover, light and dark', async () => {
    await showDetails();
    await page.getByTestId('status-pending').click();
    const active = page.locator('[data-testid="status-pending"][aria-pressed="true"]');
    await active.waitFor();
    for (const theme of ['light', 'dark'] as const) {
      await callEngine(page, 'settings.update', { theme });
      await page.locator(`html[data-theme="${theme}"]`).waitFor();
      await active.hover();
      const colours = await active.evaluate((el) => {
        const style = getComputedStyle(el);
        const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
        const probe = document.createElement('span');
        probe.style.color = accent;
        document.body.append(probe);
        const accentRgb = getComputedStyle(probe).color;
        probe.remove();
        return { background: style.backgroundColor, accent: accentRgb };
      });
      expect(colours.background, theme).toBe(colours.accent);
    }
    await shoot('segment-hover', {
      themes: ['light', 'dark'],
      widths: [1100],
      before: async () => {
        await showDetails();
        await active.hover();
      },
      after: hideDrawer,
    });
  });

  it('shows a long label whole or as its colour with the name on hover, never cut mid-word, and keeps the preview readable', async () => {
    const label = await callEngine<{ id: number }>(page, 'inbox.saveLabel', { name: 'Customers from the spring exhibition 26', color: '#7c3aed' });
    const conversationId = Number(await row(sandbox.people[0]!.name).getAttribute('data-id'));
    await callEngine(page, 'inbox.setLabels', { conversationId, labelIds: [label.id] });
    const chip = row(sandbox.people[0]!.name).locator('.conv-label', { has: page.locator('.conv-label-name') });
    await chip.waitFor();
    for (const width of [1440, 1100, 900]) {
      await page.setViewportSize({ width, height: 760 });
      await page.waitForFunction((w) => window.innerWidth === w, width);
      const fit = await chip.evaluate((el) => {
        const name = el.querySelector('.conv-label-name')!;
        const rowBox = el.closest('[data-testid="conversation-row"]')!;
        return {
          title: el.getAttribute('title'),
          nameShown: getComputedStyle(name).display !== 'none',
          right: el.getBoundingClientRect().right,
          rowRight: rowBox.getBoundingClientRect().right,
          preview: rowBox.querySelector('.conv-preview')!.getBoundingClientRect().width,
        };
      });
      expect(fit.title, `${width}`).toBe('Customers from the spring exhibition 26');
      expect(fit.right, `${width}`).toBeLessThanOrEqual(fit.rowRight);
      // The desk's list is 260 to 340 px wide: the label is its colour there, and the last message stays readable.
      expect(fit.nameShown, `${width}`).toBe(false);
      expect(fit.preview, `${width}`).toBeGreaterThan(100);
    }
    await shoot('label-chip', { widths: [1440, 1100, 900] });
  });

  it('shows the filters and the placeholders whole at 1,440, 1,100 and 900 px, in both languages', async () => {
    for (const language of ['en', 'ru'] as const) {
      await callEngine(page, 'settings.update', { language });
      await page.locator(`html[lang="${language}"]`).waitFor();
      for (const width of [1440, 1100, 900]) {
        await page.setViewportSize({ width, height: 760 });
        // The new-label field is in the conversation panel: a drawer to open in a narrower window.
        await showDetails();
        expect(await page.getByTestId('label-name').count()).toBe(1);
        const clipped = await page.evaluate(() => {
          const canvas = document.createElement('canvas').getContext('2d')!;
          const out: string[] = [];
          const fits = (el: HTMLElement, text: string, reserve: number) => {
            const style = getComputedStyle(el);
            canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - reserve;
            if (canvas.measureText(text).width > room) out.push(text);
          };
          for (const select of Array.from(document.querySelectorAll<HTMLSelectElement>('.inbox-filters select'))) fits(select, select.selectedOptions[0]!.text, 18);
          for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('[data-testid="search-input"], [data-testid="label-name"]'))) fits(input, input.placeholder, 0);
          return out;
        });
        await hideDrawer();
        expect(clipped, `${language} ${width}`).toEqual([]);
      }
    }
    await callEngine(page, 'settings.update', { language: 'en' });
    await shoot('filters', { widths: [1440, 1100, 900], themes: ['light', 'dark'] });
    await shoot('filters-details', { widths: [1100, 900], themes: ['light', 'dark'], before: showDetails, after: hideDrawer });

    // The log's search fields, and its column headings, which must not break mid-word.
    await page.getByTestId('nav-logs').click();
    for (const tab of ['logs', 'audit'] as const) {
      await page.getByTestId(`logs-tab-${tab}`).click();
      for (const language of ['en', 'ru'] as const) {
        await callEngine(page, 'settings.update', { language });
        await page.locator(`html[lang="${language}"]`).waitFor();
        for (const width of [1100, 900]) {
          await page.setViewportSize({ width, height: 760 });
          const cut = await page.evaluate(() => {
            const canvas = document.createElement('canvas').getContext('2d')!;
            const out: string[] = [];
            const search = document.querySelector<HTMLInputElement>('[data-testid="logs-text"], [data-testid="audit-text"]')!;
            const style = getComputedStyle(search);
            canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            if (canvas.measureText(search.placeholder).width > search.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)) out.push(search.placeholder);
            // Every heading is one word: text laid out on more than one line was cut mid-word.
            for (const th of Array.from(document.querySelectorAll<HTMLElement>('.data-table th'))) {
              const range = document.createRange();
              range.selectNodeContents(th);
              if (range.getClientRects().length > 1) out.push(th.textContent ?? '');
            }
            return out;
          });
          expect(cut, `${tab} ${language} ${width}`).toEqual([]);
        }
      }
    }
    await callEngine(page, 'settings.update', { language: 'en' });
    await shoot('logs-toolbar');
    await page.getByTestId('logs-tab-logs').click();
    await page.getByTestId('nav-inbox').click();
    await row(sandbox.people[0]!.name).click();
  });

  it('opens a photo full size and saves it', async () => {
    const anna = sandbox.people[0]!;
    await callEngine(page, 'sandbox.act', { personId: anna.id, action: 'screenshot', targetId: accountTarget().id });
    const open = page.getByTestId('photo-open').last();
    await open.waitFor({ timeout: 30_000 });
    await open.click();
    const viewer = page.getByTestId('photo-viewer');
    await viewer.waitFor();
    const size = await viewer.locator('img').evaluate((img: HTMLImageElement) => ({ shown: img.getBoundingClientRect().width, natural: img.naturalWidth }));
    expect(size.shown).toBeGreaterThan(0);
    await shoot('photo-viewer');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('photo-save').click()]);
    expect(download.suggestedFilename()).toMatch(/^photo-\d{4}-\d{2}-\d{2}-\d{4}\.(jpg|png)$/);
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
  });

  it('refuses a label name over 40 characters with a message, keeping what was typed', async () => {
    const name = 'Customers who asked about the spring price list';
    await showDetails();
    await page.getByTestId('label-name').fill(name);
    expect(await page.getByTestId('label-name').inputValue()).toBe(name);
    expect(await page.getByTestId('label-name-too-long').textContent()).toContain(`(this one has ${name.length})`);
    expect(await page.getByTestId('label-add').isDisabled()).toBe(true);
    // A drawer starts afresh each time it opens, so the name is typed again at each width.
    await shoot('label-too-long', {
      before: async () => {
        await showDetails();
        await page.getByTestId('label-name').fill(name);
      },
      after: hideDrawer,
    });
    await page.getByTestId('label-name').fill('');
  });

  it('words the snooze picker in the window’s language', async () => {
    await callEngine(page, 'settings.update', { language: 'ru' });
    await page.locator('html[lang="ru"]').waitFor();
    await showDetails();
    await page.getByTestId('status-snoozed').click();
    expect(await page.getByTestId('snooze-day').locator('option').nth(1).textContent()).toBe('Завтра');
    await callEngine(page, 'settings.update', { language: 'en' });
    const openPicker = async () => {
      await showDetails();
      if ((await page.getByTestId('snooze-day').count()) === 0) await page.getByTestId('status-snoozed').click();
    };
    await shoot('snooze-picker', { before: openPicker, after: hideDrawer });
  });

  it('shows the last login code in the sandbox console after it was used', async () => {
    await page.getByTestId('nav-sandbox').click();
    const code = page.locator(`[data-testid="sandbox-last-code"][data-id="${accountTarget().id}"]`);
    await code.waitFor();
    expect(await code.textContent()).toMatch(/\d{5}/);
    await shoot('sandbox-last-code');
  });

  it('shows the log scopes in Russian', async () => {
    await page.getByTestId('nav-logs').click();
    await callEngine(page, 'settings.update', { language: 'ru' });
    await page.locator('html[lang="ru"]').waitFor();
    const scopes = await page.locator('[data-testid="logs-row"] .col-scope').allTextContents();
    expect(scopes.length).toBeGreaterThan(0);
    expect(scopes).not.toContain('engine');
    expect(scopes).toContain('Ядро');
    await shoot('log-scopes');
  });

  it('shows the new wait when Telegram refuses again right after "Resume sending now"', async () => {
    await callEngine(page, 'settings.update', { language: 'en' });
    await callEngine(page, 'sandbox.imposePeerFlood', { targetId: accountTarget().id, seconds: 600 });
    await page.getByTestId('nav-inbox').click();
    await row(sandbox.people[0]!.name).click();
    await page.getByTestId('composer-text').fill('Are you still there?');
    await page.getByTestId('composer-send').click();
    await page.getByTestId('nav-accounts').click();
    const bench = page.getByTestId('account-bench');
    await bench.waitFor({ timeout: 30_000 });
    await bench.getByTestId('account-unbench').click();
    const again = page.getByTestId('account-bench-again');
    await again.waitFor({ timeout: 30_000 });
    expect(await again.textContent()).toContain('Telegram limited this account again');
    await shoot('bench-again');
  });
});
