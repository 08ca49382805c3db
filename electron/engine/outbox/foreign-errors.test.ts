import { afterEach, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import type { Outbox } from './outbox-port';
import { BOT, outboxWorld, until } from './test/harness';

const tempDir = useTempDirs();
let world: Awaited<ReturnType<typeof outboxWorld>> | null = null;
let outbox: Outbox | null = null;

afterEach(async () => {
  await outbox?.stop();
  await world?.close();
});

/** Unhandled rejections in this process while `run` goes. */
async function rejectionsDuring(run: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const note = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', note);
  try {
    await run();
    // A rejection is reported after the microtasks of its turn: one macrotask later it has been.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', note);
  }
  return seen;
}

it.each([
  ['JSON of its own ({message})', 'json', 'uncertain'],
  ['HTML', 'html', 'uncertain'],
  ['an empty body', 'empty', 'uncertain'],
] as const)('settles a bot send answered by a proxy with a 5xx and %s, with a reason a person can read', async (_case, body, expected) => {
  world = await outboxWorld(tempDir());
  const w = world;
  const [person] = w.people;
  w.server.setFaults({ foreignError: { status: 502, body, methods: ['sendMessage'], times: 1 } });
  const rejections = await rejectionsDuring(async () => {
    outbox = w.outbox();
    await outbox.start();
    const item = outbox.enqueue({ sender: BOT, conversationId: null, priority: 'operator', payload: w.text(person!, 'through a proxy') });
    await until(() => outbox!.item(item.id)!.delivery.state === expected, `the item to become ${expected}`, 3_000);
    expect(outbox.item(item.id)!.delivery).toMatchObject({ reason: expect.stringMatching(/did not come from Telegram.*cannot tell whether/) });
  });
  expect(rejections).toEqual([]);
  // The proxy answered before Telegram saw it: nothing arrived, and nothing was resent blindly.
  expect(w.received(person!)).toEqual([]);
});
