import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxStatus } from '../shared/domain/sandbox';
import { openDatabase } from '../electron/engine/db/open-database';
import { createEngine, type Engine } from '../electron/engine/engine';
import { startHeadlessServer, type HeadlessServer } from '../electron/engine/headless/server';
import { storeIncoming } from '../electron/engine/inbox/ingest/store-incoming';
import { systemClock } from '../electron/engine/platform/clock';
import { silentNotifier } from '../electron/engine/platform/notifier';
import { fileSecretKeyProvider } from '../electron/engine/secrets/secret-key';
import { jsonFileSettingsStore } from '../electron/engine/settings/json-file-settings';
import { launchChromium } from '../tests/e2e/support/browser';
import { messageCorpus, percentile, table } from './corpus';
import type { Browser } from 'playwright-core';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const CHAT_MESSAGES = Number(process.env.BENCH_CHAT_MESSAGES ?? 10_000);
const EVENT_SECONDS = Number(process.env.BENCH_EVENT_SECONDS ?? 60);
const EVENT_RATE = 1000;

const dataDir = mkdtempSync(join(tmpdir(), 'desk-window-bench-'));
let engine: Engine;
let server: HeadlessServer;
let browser: Browser;
let page: Page;

/** 100,000 conversations and one chat of 10,000 messages, stored the way the desk stores them. */
function prefill(): void {
  const root = join(dataDir, 'sandbox');
  mkdirSync(root, { recursive: true });
  const db = openDatabase({ path: join(root, 'desk.sqlite'), backupsDir: join(root, 'backups'), now: () => Date.now(), keepBackups: 1 }).db;
  const source = { kind: 'account', id: 9999 } as const;
  let batch = [];
  let n = 0;
  for (const m of messageCorpus(CONVERSATIONS + CHAT_MESSAGES, 9)) {
    const chat = n < CONVERSATIONS ? n : -1;
    batch.push({ ...m, chatKey: `user:${chat}`, chatTitle: chat === -1 ? 'Busy chat' : `Person ${chat}`, telegramMessageId: n + 1 });
    n++;
    if (batch.length === 5000) {
      const messages = batch;
      db.transaction(() => storeIncoming(db, source, { messages, edits: [], deletions: [] }, Date.now(), { history: true }))();
      batch = [];
    }
  }
  if (batch.length) db.transaction(() => storeIncoming(db, source, { messages: batch, edits: [], deletions: [] }, Date.now(), { history: true }))();
  db.close();
}

/** Frame times while the page scrolls `selector` by `step` px per frame. */
function scrollFrames(selector: string, frames: number, step: number): Promise<number[]> {
  return page.evaluate(
    ({ selector, frames, step }) =>
      new Promise<number[]>((done) => {
        const el = document.querySelector(selector) as HTMLElement;
        const times: number[] = [];
        let last = performance.now();
        const tick = (now: number) => {
          times.push(now - last);
          last = now;
          el.scrollTop += step;
          if (times.length < frames) requestAnimationFrame(tick);
          else done(times.slice(1));
        };
        requestAnimationFrame(tick);
      }),
    { selector, frames, step },
  );
}

/** The same rows without virtualization: every row in the DOM, cloned from a real one. */
function naiveList(rowSelector: string, count: number): Promise<{ renderMs: number; scrollerId: string }> {
  return page.evaluate(
    ({ rowSelector, count }) =>
      new Promise<{ renderMs: number; scrollerId: string }>((done) => {
        const template = document.querySelector(rowSelector) as HTMLElement;
        const scroller = document.createElement('div');
        scroller.id = 'naive-scroller';
        scroller.style.cssText = 'position:fixed;inset:60px 0 0 0;overflow:auto;background:var(--bg);z-index:1000';
        const start = performance.now();
        const parts: string[] = [];
        const html = template.outerHTML.replace(/transform:[^;"]*;?/g, '').replace(/position:\s*absolute;?/g, '');
        for (let i = 0; i < count; i++) parts.push(html);
        scroller.innerHTML = parts.join('');
        document.body.appendChild(scroller);
        requestAnimationFrame(() => requestAnimationFrame(() => done({ renderMs: performance.now() - start, scrollerId: '#naive-scroller' })));
      }),
    { rowSelector, count },
  );
}

const frameRow = (name: string, ms: number[]) =>
  [name, `p50 ${percentile(ms, 50).toFixed(1)} ms   p95 ${percentile(ms, 95).toFixed(1)} ms   max ${Math.max(...ms).toFixed(1)} ms`] as [string, string];

beforeAll(async () => {
  const started = performance.now();
  prefill();
  console.log(`prefilled ${CONVERSATIONS.toLocaleString('en')} conversations + ${CHAT_MESSAGES.toLocaleString('en')} messages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ workspace: 'sandbox' }));
  engine = createEngine({
    dataDir,
    secretKeys: fileSecretKeyProvider(join(dataDir, 'secret.key')),
    clock: systemClock,
    notifier: silentNotifier,
    settingsStore: jsonFileSettingsStore(join(dataDir, 'settings.json')),
    mode: 'headless',
    version: 'bench',
    logLevel: 'warn',
  });
  await engine.start();
  server = await startHeadlessServer({ engine, logger: engine.logger, rendererDir: resolve('out/renderer'), host: '127.0.0.1', port: 0, allowRemote: false });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Counts every message the window is told about, straight off its socket.
  await page.addInitScript(() => {
    const w = window as unknown as { __received: number };
    w.__received = 0;
    const Original = window.WebSocket;
    window.WebSocket = class extends Original {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', (m) => {
          const data = JSON.parse(String(m.data)) as { kind: string; events?: { type: string; payload: { messages?: unknown[] } }[] };
          for (const e of data.events ?? []) if (e.type === 'inbox.messagesChanged') w.__received += e.payload.messages?.length ?? 0;
        });
      }
    } as typeof WebSocket;
  });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await engine?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('window benchmarks (Chromium, headless mode)', () => {
  it('conversation list and chat: virtualized vs every row in the DOM', async () => {
    const t0 = performance.now();
    await page.goto(server.issueLoginUrl());
    await page.getByTestId('conversation-row').first().waitFor({ timeout: 120_000 });
    const listFirst = performance.now() - t0;
    const listRows = await page.getByTestId('conversation-row').count();
    const listScroll = await scrollFrames('[data-testid="conversation-list"]', 240, 120);

    const t1 = performance.now();
    await page.evaluate(() => document.querySelector('[data-testid="conversation-list"]')!.scrollTo(0, 0));
    await page.getByTestId('conversation-row').filter({ hasText: 'Busy chat' }).first().click();
    await page.getByTestId('message').first().waitFor({ timeout: 60_000 });
    const chatFirst = performance.now() - t1;
    const chatScroll = await scrollFrames('[data-testid="message-list"]', 240, -120);

    const naiveConv = await naiveList('[data-testid="conversation-row"]', CONVERSATIONS);
    const naiveConvScroll = await scrollFrames(naiveConv.scrollerId, 240, 120);
    await page.evaluate(() => document.getElementById('naive-scroller')?.remove());
    const naiveChat = await naiveList('[data-testid="message"]', CHAT_MESSAGES);
    const naiveChatScroll = await scrollFrames(naiveChat.scrollerId, 240, 120);
    await page.evaluate(() => document.getElementById('naive-scroller')?.remove());

    table(`Window: ${CONVERSATIONS.toLocaleString('en')} conversations, a chat of ${CHAT_MESSAGES.toLocaleString('en')} messages`, [
      ['list, ours: login → first rows (incl. engine query)', `${listFirst.toFixed(0)} ms, ${listRows} rows in the DOM`],
      frameRow('list, ours: scroll frames', listScroll),
      ['list, all rows in the DOM: insert → painted', `${naiveConv.renderMs.toFixed(0)} ms (${(naiveConv.renderMs / listFirst).toFixed(1)}× ours)`],
      frameRow('list, all rows in the DOM: scroll frames', naiveConvScroll),
      ['chat, ours: click → first messages', `${chatFirst.toFixed(0)} ms`],
      frameRow('chat, ours: scroll frames', chatScroll),
      ['chat, all rows in the DOM: insert → painted', `${naiveChat.renderMs.toFixed(0)} ms`],
      frameRow('chat, all rows in the DOM: scroll frames', naiveChatScroll),
    ]);
    expect(listRows).toBeLessThan(200);
  }, 900_000);

  it(`event path: ${EVENT_RATE} incoming messages a second for ${EVENT_SECONDS} s reach the window`, async () => {
    // Runs on its own too (vitest -t): the window must be open on the inbox.
    if (!page.url().startsWith(server.origin)) await page.goto(server.issueLoginUrl());
    await page.getByTestId('conversation-list').waitFor({ timeout: 120_000 });
    const status = (await engine.dispatch('sandbox.status', {})) as { value: SandboxStatus };
    const account = status.value.targets.find((t) => t.kind === 'account' && t.password === null)!;
    const flow = (await engine.dispatch('accounts.startSignIn', { phone: account.phone })) as { value: { flowId: string } };
    const code = ((await engine.dispatch('sandbox.status', {})) as { value: SandboxStatus }).value.targets.find((t) => t.id === account.id)!.lastCode;
    await engine.dispatch('accounts.submitCode', { flowId: flow.value.flowId, code });
    await page.waitForTimeout(1000);

    const watch = page.evaluate(
      (seconds) =>
        new Promise<{ frames: number[]; longTasks: number[] }>((done) => {
          const frames: number[] = [];
          const longTasks: number[] = [];
          new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
          let last = performance.now();
          const end = last + seconds * 1000;
          const tick = (now: number) => {
            frames.push(now - last);
            last = now;
            if (now < end) requestAnimationFrame(tick);
            else done({ frames, longTasks });
          };
          requestAnimationFrame(tick);
        }),
      EVENT_SECONDS + 5,
    );

    const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const people = status.value.people;
    let sent = 0;
    const start = performance.now();
    while (performance.now() - start < EVENT_SECONDS * 1000) {
      const due = Math.floor(((performance.now() - start) / 1000) * EVENT_RATE);
      const calls = [];
      while (sent < due) {
        calls.push(engine.dispatch('sandbox.act', { personId: people[sent % people.length]!.id, action: 'write', targetId: account.id, text: `load ${sent}` }));
        sent++;
      }
      await Promise.all(calls);
      await new Promise((r) => setTimeout(r, 5));
    }
    const sendSeconds = (performance.now() - start) / 1000;
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } ; hitCount?: number }[]; samples: number[]; timeDeltas: number[] } };
      const self = new Map<number, number>();
      profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
      const byName = new Map<string, number>();
      for (const node of profile.nodes) {
        const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
        byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
      }
      console.log([...byName].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`).join('\n'));
    }
    const { frames, longTasks } = await watch;
    const received = await page.evaluate(() => (window as unknown as { __received: number }).__received);
    const sorted = frames.slice(1).sort((a, b) => a - b);
    table(`Event path: ${EVENT_RATE}/s incoming messages for ${EVENT_SECONDS} s (sandbox → MTProto door → account → store → events → WebSocket → window)`, [
      ['messages written by simulated people', `${sent.toLocaleString('en')} in ${sendSeconds.toFixed(1)} s (${Math.round(sent / sendSeconds)}/s)`],
      ['messages the window was told about', `${received.toLocaleString('en')}`],
      frameRow('window frames during the load', sorted),
      ['long tasks (> 50 ms) in the window', `${longTasks.length}, longest ${longTasks.length ? Math.max(...longTasks).toFixed(0) : 0} ms`],
    ]);
    expect(sent).toBeGreaterThan(0);
  }, 900_000);
});
