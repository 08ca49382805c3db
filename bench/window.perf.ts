import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../electron/engine/db/open-database';
import { storeIncoming } from '../electron/engine/inbox/ingest/store-incoming';
import { launchChromium } from '../tests/e2e/support/browser';
import { HeadlessDesk } from '../tests/e2e/support/headless-process';
import { messageCorpus, percentile, table } from './corpus';
import { openDeskSocket } from './support/desk-socket';
import { driveLoad, signInSandboxAccount } from './support/load-driver';
import { childPid, cpuSeconds } from './support/process-cpu';
import { countDeliveries, deliveries } from './support/deliveries';
import { longTasksFromTrace, mainThreadSeconds, stopProfile, TASK_TRACE_CATEGORIES, watchWindow } from './support/window-watch';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const CHAT_MESSAGES = Number(process.env.BENCH_CHAT_MESSAGES ?? 10_000);
const EVENT_SECONDS = Number(process.env.BENCH_EVENT_SECONDS ?? 60);
const EVENT_RATE = Number(process.env.BENCH_EVENT_RATE ?? 1000);
/** How many different people write during the event run (one conversation each). */
const EVENT_SENDERS = Number(process.env.BENCH_EVENT_SENDERS ?? 1000);
/** The most messages the sandbox writes in one call. */
const CATCH_UP_BURST = 5000;
/** The load driver asks the sandbox for the messages due every this many ms. */
const LOAD_TICK_MS = 50;

const dataDir = mkdtempSync(join(tmpdir(), 'desk-window-bench-'));
// The desk runs in its own process, as an operator runs it: this process only drives the load
// and watches the window, so its work is not counted against the desk's.
const desk = new HeadlessDesk(dataDir);
let firstLink: string;
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

const batchSize = (batch: { events: number; chars: number }) => `${batch.events.toLocaleString('en')} events, ${Math.ceil(batch.chars / 1000).toLocaleString('en')} kB`;

function frameRow(name: string, ms: number[]): [string, string] {
  const sorted = [...ms].sort((a, b) => a - b);
  return [name, `p50 ${percentile(sorted, 50).toFixed(1)} ms   p95 ${percentile(sorted, 95).toFixed(1)} ms   max ${sorted[sorted.length - 1]!.toFixed(1)} ms`];
}

beforeAll(async () => {
  const started = performance.now();
  prefill();
  console.log(`prefilled ${CONVERSATIONS.toLocaleString('en')} conversations + ${CHAT_MESSAGES.toLocaleString('en')} messages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ workspace: 'sandbox' }));
  firstLink = await desk.start();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await countDeliveries(page);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await desk.stop();
  desk.dispose();
});

describe('window benchmarks (Chromium, headless mode)', () => {
  it('conversation list and chat: virtualized vs every row in the DOM', async () => {
    const t0 = performance.now();
    await page.goto(firstLink);
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
    if (!page.url().startsWith(desk.origin)) await page.goto(await desk.newLink());
    await page.getByTestId('conversation-list').waitFor({ timeout: 120_000 });
    const driver = await openDeskSocket(desk.origin, page.context());
    const account = await signInSandboxAccount(driver);
    await page.waitForTimeout(1000);

    const cdp: CDPSession = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    if (process.env.BENCH_PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const enginePid = childPid('headless.js');
    const engineCpuBefore = cpuSeconds(enginePid);
    const driverCpuBefore = process.cpuUsage();
    const windowBefore = await mainThreadSeconds(cdp);
    await browser.startTracing(page, { categories: TASK_TRACE_CATEGORIES });
    const watch = watchWindow(page, EVENT_SECONDS + 5);
    const load = await driveLoad(driver, { targetId: account.id, rate: EVENT_RATE, seconds: EVENT_SECONDS, senders: EVENT_SENDERS, tickMs: LOAD_TICK_MS });
    const engineCpu = cpuSeconds(enginePid) - engineCpuBefore;
    const driverCpu = process.cpuUsage(driverCpuBefore);
    if (process.env.BENCH_PROFILE) console.log(await stopProfile(cdp));
    const { frames, longTasks } = await watch;
    const windowAfter = await mainThreadSeconds(cdp);
    const tracedLongTasks = longTasksFromTrace(await browser.stopTracing());
    const steady = await deliveries(page, load.sent);

    // A desk that was busy (a backup, a catch-up after a reconnect) hands the window thousands of
    // messages at once: one burst of the most the sandbox writes in one call.
    const burstWatch = watchWindow(page, 10);
    await driver.call('sandbox.crowdWrite', { targetId: account.id, count: CATCH_UP_BURST, senders: EVENT_SENDERS, text: 'burst' });
    const burst = await burstWatch;
    const afterBurst = await deliveries(page, load.sent + CATCH_UP_BURST);
    driver.close();

    const perLoadSecond = (seconds: number) => `${((seconds / load.seconds) * 100).toFixed(0)}% of a core`;
    table(`Event path: ${EVENT_RATE}/s incoming messages from ${EVENT_SENDERS} people for ${EVENT_SECONDS} s (sandbox → MTProto door → account → store → events → WebSocket → window)`, [
      ['messages written by simulated people', `${load.sent.toLocaleString('en')} in ${load.seconds.toFixed(1)} s (${Math.round(load.sent / load.seconds)}/s)`],
      ['messages the window was told about', `${steady.received.toLocaleString('en')} (the last ${steady.waitedSeconds.toFixed(1)} s after the watch ended)`],
      ['largest event batch the window got', batchSize(steady.largestBatch)],
      frameRow('window frames during the load', frames),
      ['long tasks (> 50 ms) in the window', `${longTasks.length}, longest ${Math.max(0, ...longTasks.map((t) => t.ms)).toFixed(0)} ms`],
      ['long tasks: at s (ms)', longTasks.map((t) => `${(t.at / 1000).toFixed(1)} (${t.ms.toFixed(0)})`).join(', ') || '-'],
      [
        'long tasks traced: wall ms / CPU ms the thread got',
        tracedLongTasks.map((t) => `${t.wallMs.toFixed(0)}/${t.cpuMs.toFixed(0)}`).join(', ') || '-',
      ],
      frameRow(`window frames around one burst of ${CATCH_UP_BURST.toLocaleString('en')} messages`, burst.frames),
      ['long tasks around that burst', burst.longTasks.map((t) => `${t.ms.toFixed(0)} ms`).join(', ') || '-'],
      ['that burst: told about, largest batch', `${(afterBurst.received - steady.received).toLocaleString('en')} messages, ${batchSize(afterBurst.largestBatch)}`],
      ['window main thread busy', `${perLoadSecond(windowAfter.task - windowBefore.task)} (script ${(windowAfter.script - windowBefore.script).toFixed(1)} s, layout+style ${(windowAfter.layout - windowBefore.layout).toFixed(1)} s)`],
      ['desk process (engine + sandbox) CPU', perLoadSecond(engineCpu)],
      ['load driver CPU (this process)', perLoadSecond((driverCpu.user + driverCpu.system) / 1e6)],
      frameRow('desk answer to each load-driver call', load.callMs),
      ['machine load average (1 min) at the end', `${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`],
    ]);
    expect(load.sent).toBeGreaterThan(0);
    expect(steady.received).toBe(load.sent);
    expect(afterBurst.received).toBe(load.sent + CATCH_UP_BURST);
  }, 900_000);
});
