import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedInDesk } from './support/browser';
import type { HeadlessDesk } from './support/headless-process';

let session: Awaited<ReturnType<typeof openSignedInDesk>>;
let desk: HeadlessDesk;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  session = await openSignedInDesk();
  ({ desk, browser, page } = session);
});

afterAll(() => session?.close());

/** Sends raw frames over a fresh WebSocket from inside the signed-in page; returns the replies. */
function exchange(frames: string[], expected: number): Promise<unknown[]> {
  return page.evaluate(
    ({ frames, expected }) =>
      new Promise<unknown[]>((resolve, reject) => {
        const socket = new WebSocket(`ws://${location.host}/desk`);
        const replies: unknown[] = [];
        socket.onopen = () => frames.forEach((f) => socket.send(f));
        socket.onmessage = (m) => {
          const message = JSON.parse(String(m.data)) as { kind: string };
          if (message.kind !== 'result') return;
          replies.push(message);
          if (replies.length === expected) {
            socket.close();
            resolve(replies);
          }
        };
        socket.onerror = () => reject(new Error('socket failed'));
        setTimeout(() => reject(new Error(`only ${replies.length} replies`)), 10_000);
      }),
    { frames, expected },
  );
}

describe('the contract over the real WebSocket transport', () => {
  it('answers an invalid call with a field-level error, and a valid one after it on the same socket', async () => {
    const replies = await exchange(
      [
        JSON.stringify({ kind: 'call', id: 1, method: 'settings.update', input: { httpIntake: { port: 80 } } }),
        'this is not json',
        JSON.stringify({ kind: 'call', id: 3, method: 'accounts.stealSessions', input: {} }),
        JSON.stringify({ kind: 'hello', id: 4 }),
        JSON.stringify({ kind: 'call', id: 5, method: 'settings.get', input: {} }),
      ],
      5,
    );
    // Replies are matched by id, not by order: a sync refusal may overtake an async call.
    const byId = (replies as { id: number | null }[]).sort((a, b) => (a.id ?? 2) - (b.id ?? 2));
    expect(byId).toEqual([
      { kind: 'result', id: 1, result: { ok: false, error: { code: 'invalid_input', message: 'httpIntake.port: must be 1024 or higher' } } },
      { kind: 'result', id: null, result: { ok: false, error: { code: 'invalid_input', message: 'Message is not valid JSON.' } } },
      { kind: 'result', id: 3, result: { ok: false, error: { code: 'invalid_input', message: 'Unknown method "accounts.stealSessions".' } } },
      { kind: 'result', id: 4, result: { ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Message must be') } } },
      { kind: 'result', id: 5, result: { ok: true, value: expect.objectContaining({ httpIntake: { enabled: false, port: 47821 } }) } },
    ]);
  });

  it('refuses a WebSocket without a session, and pages without one get only the login page', async () => {
    const anonymous = await browser.newPage();
    const response = await anonymous.goto(desk.origin);
    expect(response?.status()).toBe(401);
    expect(await anonymous.locator('h1').textContent()).toBe('Telegram Operator Desk');
    expect(await anonymous.locator('script').count()).toBe(0);
    const opened = await anonymous.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(`ws://${location.host}/desk`);
          socket.onopen = () => resolve('open');
          socket.onerror = () => resolve('refused');
        }),
    );
    expect(opened).toBe('refused');
    await anonymous.close();
  });

  it('spends a sign-in link on first use', async () => {
    const link = await desk.newLink();
    const first = await browser.newPage();
    await first.goto(link);
    expect(await first.locator('[data-testid="nav"]').count()).toBe(1);
    const second = await browser.newContext().then((c) => c.newPage());
    const response = await second.goto(link);
    expect(response?.status()).toBe(401);
    expect(await second.getByRole('alert').textContent()).toContain('already used');
    await first.close();
    await second.close();
  });
});
