import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settle } from '../accounts/test/harness';
import { createDomainEventBus } from '../platform/domain-events';
import { recordRemovedSender } from '../db/removed-senders';
import { useTempDirs } from '../test-support/temp-dir';
import { drawScreenshot } from '../telegram/sandbox/people/screenshot-image';
import { seededRandom } from '../telegram/sandbox/world/random';
import { followSenders } from './follow-senders';
import { readPause, writePause } from './outbox-repo';
import type { Outbox, OutboxItem } from './outbox-port';
import { DEFAULT_ACCOUNT_PACING } from './policy';
import { ACCOUNT, BOT, outboxWorld, until, useStartedOutboxes, type OutboxWorld } from './test/harness';

const tempDir = useTempDirs();
let world: OutboxWorld;
// Every timer the outbox set is gone once it stopped.
const { started, start: run } = useStartedOutboxes(() => world);

async function setup() {
  world = await outboxWorld(tempDir());
  return world;
}

async function start(options: Parameters<typeof world.outbox>[0] = {}): Promise<Outbox> {
  return run(world.outbox(options));
}

const state = (outbox: Outbox, item: OutboxItem) => outbox.item(item.id)!.delivery.state;

describe('outbox', () => {
  it('sends an operator reply before bulk work queued earlier in the same lane, and paces bulk like a person', async () => {
    const w = await setup();
    const outbox = world.outbox({ accountPacing: DEFAULT_ACCOUNT_PACING });
    started.push(outbox);
    const [p1, p2] = w.people as [(typeof w.people)[0], (typeof w.people)[0]];
    const bulk = Array.from({ length: 12 }, (_, i) => outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'bulk', payload: w.text(p1, `bulk ${i}`) }));
    const reply = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p2, 'operator first') });
    await outbox.start();
    await settle();
    expect(w.received(p2).map((m) => m.text)).toEqual(['operator first']);
    expect(w.received(p1)).toHaveLength(0);

    // random() = 0.5: 800 ms after the reply, then 2.5 s between bulk sends, 60 s after every 10th.
    await w.timers.advance(800 + 9 * 2_500);
    expect(w.received(p1)).toHaveLength(10);
    await w.timers.advance(30_000);
    expect(w.received(p1)).toHaveLength(10);
    // During the bulk pause an operator reply still goes out after its light gap.
    const second = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p2, 'during the pause') });
    await w.timers.advance(1_000);
    expect(state(outbox, second)).toBe('sent');
    expect(w.received(p1)).toHaveLength(10);
    await w.timers.advance(35_000);
    expect(bulk.map((b) => state(outbox, b))).toEqual(Array(12).fill('sent'));
    expect(outbox.item(reply.id)!.telegramMessageId).toBe(w.received(p2)[0]!.boxIds.get(w.alice.id));
  });

  it('pauses only the flooded lane until the time Telegram named, across a restart, then delivers once', async () => {
    const w = await setup();
    const [p1] = w.people;
    w.mtproto.configureAntiSpam(w.alice.id, { methodLimits: { 'messages.SendMessage': { burst: 1, everySeconds: 30 } } });
    let outbox = await start();
    const first = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'one') });
    const flooded = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'two') });
    await settle();
    expect(state(outbox, first)).toBe('sent');
    const waiting = outbox.item(flooded.id)!.delivery;
    expect(waiting).toMatchObject({ state: 'waiting', until: w.clock.now() + 30_000 });
    expect(waiting.state === 'waiting' && waiting.reason).toMatch(/wait 30 s/);

    // The bot's lane is not paused by the account's flood wait.
    const fromBot = outbox.enqueue({ sender: BOT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'from the bot') });
    await until(() => state(outbox, fromBot) === 'sent', 'the bot send');

    // A restart keeps the pause: nothing goes before the named time.
    await outbox.stop();
    started.splice(0);
    outbox = await start();
    await w.timers.advance(29_000);
    expect(state(outbox, flooded)).toBe('waiting');
    await w.timers.advance(1_000);
    expect(state(outbox, flooded)).toBe('sent');
    expect(w.received(p1!, 'two')).toHaveLength(1);
  });

  it('turns a bot 429 into waiting until retry_after, then sends', async () => {
    const w = await setup();
    const [p1] = w.people;
    w.server.setLimits({ perBot: { count: 30, windowMs: 1_000 }, perPrivateChat: { count: 1, windowMs: 20_000 }, perGroup: { count: 20, windowMs: 60_000 } });
    const outbox = await start();
    const a = outbox.enqueue({ sender: BOT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'a') });
    const b = outbox.enqueue({ sender: BOT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'b') });
    await until(() => state(outbox, b) === 'waiting', 'the 429');
    expect(state(outbox, a)).toBe('sent');
    expect(outbox.item(b.id)!.delivery).toMatchObject({ state: 'waiting', until: w.clock.now() + 20_000 });
    await w.timers.advance(20_000);
    await until(() => state(outbox, b) === 'sent', 'the send after the wait');
    expect(w.received(p1!).map((m) => m.text)).toEqual(['a', 'b']);
  });

  it('never duplicates on a lost answer: MTProto resends with the same random_id, Bot API becomes uncertain', async () => {
    const w = await setup();
    const [p1, p2] = w.people;
    w.mtproto.faults.loseResponses(1, 'messages.SendMessage');
    w.server.setFaults({ loseResponse: { methods: ['sendMessage'], times: 1 } });
    const outbox = await start();
    const viaAccount = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'lost once') });
    const viaBot = outbox.enqueue({ sender: BOT, conversationId: null, priority: 'operator', payload: w.text(p2!, 'bot lost once') });
    await settle();
    expect(outbox.item(viaAccount.id)!.delivery).toMatchObject({ state: 'waiting', reason: expect.stringMatching(/Trying again/) });
    await w.timers.advance(5_000);
    expect(outbox.item(viaAccount.id)).toMatchObject({ delivery: { state: 'sent' }, attempts: 2 });
    expect(w.received(p1!, 'lost once')).toHaveLength(1);

    await until(() => state(outbox, viaBot) === 'uncertain', 'the bot send to become uncertain');
    const attempts = outbox.item(viaBot.id)!.attempts;
    // A resend would start an attempt when its timer runs; advance runs every timer due.
    await w.timers.advance(10 * 60_000);
    expect(outbox.item(viaBot.id)!.attempts).toBe(attempts);
    expect(w.received(p2!, 'bot lost once')).toHaveLength(1);
    expect(state(outbox, viaBot)).toBe('uncertain');
  });

  it('fails a send to someone who blocked the bot with a reason, keeping the text', async () => {
    const w = await setup();
    const [p1] = w.people;
    w.world.setBotBlocked(p1!.id, w.botUser.id, true);
    const outbox = await start();
    const item = outbox.enqueue({ sender: BOT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'are you there?') });
    await until(() => state(outbox, item) === 'failed', 'the failure');
    const failed = outbox.item(item.id)!;
    expect(failed.delivery).toEqual({ state: 'failed', reason: 'This person blocked the sender.' });
    expect(failed.payload).toMatchObject({ kind: 'text', text: 'are you there?' });
    expect(w.received(p1!)).toHaveLength(0);
  });

  it('fails a chat the account never saw, and a file too large for a bot before trying it', async () => {
    const w = await setup();
    const stranger = w.world.addUser({ firstName: 'Stranger', phone: '9996650001' });
    const outbox = await start();
    const unknown = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(stranger, 'hello') });
    await settle();
    expect(outbox.item(unknown.id)!.delivery).toEqual({ state: 'failed', reason: 'Chat not found: this account has not seen this chat yet.' });
    const attachment = { sha256: 'x', path: '/nowhere', fileName: 'big.zip', mimeType: 'application/zip', size: 51 * 1024 * 1024, mediaKind: 'document' as const };
    const big = outbox.enqueue({ sender: BOT, conversationId: null, priority: 'operator', payload: { kind: 'media', chatKey: `user:${w.people[0]!.id}`, attachment } });
    expect(big.delivery).toEqual({ state: 'failed', reason: 'The file is 51.0 MB; a bot can send at most 50.0 MB.' });
  });

  it('retries transient errors with backoff and gives up after the cap; the operator can retry', async () => {
    const w = await setup();
    const [p1] = w.people;
    w.mtproto.faults.failRequests(3, 'INTERNAL', 'messages.SendMessage');
    const outbox = await start({ retry: { baseMs: 1_000, maxMs: 10_000, maxAttempts: 3 } });
    const item = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'eventually') });
    await settle();
    // Backoff with jitter 0.75: 750 ms, then 1.5 s.
    expect(outbox.item(item.id)!.delivery).toMatchObject({ state: 'waiting', until: w.clock.now() + 750 });
    await w.timers.advance(750);
    expect(outbox.item(item.id)!.delivery).toMatchObject({ state: 'waiting', until: w.clock.now() + 1_500 });
    await w.timers.advance(1_500);
    expect(outbox.item(item.id)!.delivery).toMatchObject({ state: 'failed', reason: expect.stringMatching(/Gave up after 3 tries/) });
    outbox.retry(item.id);
    await settle();
    expect(state(outbox, item)).toBe('sent');
    expect(w.received(p1!, 'eventually')).toHaveLength(1);
  });

  it('holds sends while the sender is offline and delivers when it is back', async () => {
    const w = await setup();
    const [p1] = w.people;
    w.online.account = false;
    const outbox = await start({ offlineRecheckMs: 10_000 });
    const item = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'later') });
    await settle();
    expect(outbox.item(item.id)!.delivery).toMatchObject({ state: 'waiting', reason: expect.stringMatching(/offline/) });
    w.online.account = true;
    await w.timers.advance(10_000);
    expect(state(outbox, item)).toBe('sent');
  });

  it('sends a photo from the account and from the bot, and cancels what has not gone yet', async () => {
    const w = await setup();
    const [p1, p2] = w.people;
    const path = join(tempDir(), 'photo.png');
    const bytes = drawScreenshot(seededRandom(3));
    writeFileSync(path, bytes);
    const attachment = { sha256: 'p', path, fileName: 'photo.png', mimeType: 'image/png', size: bytes.length, mediaKind: 'photo' as const };
    w.online.account = false;
    const outbox = await start();
    const held = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p2!, 'never') });
    expect(outbox.cancel(held.id).delivery).toEqual({ state: 'cancelled' });
    w.online.account = true;
    const fromAccount = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: { kind: 'media', chatKey: `user:${p1!.id}`, attachment, caption: 'acc' } });
    const fromBot = outbox.enqueue({ sender: BOT, conversationId: null, priority: 'operator', payload: { kind: 'media', chatKey: `user:${p1!.id}`, attachment, caption: 'bot' } });
    await w.timers.advance(15_000);
    await until(() => state(outbox, fromAccount) === 'sent' && state(outbox, fromBot) === 'sent', 'both photos');
    const photos = w.received(p1!).filter((m) => m.media?.kind === 'photo');
    expect(photos.map((m) => [m.caption, m.media!.bytes.equals(bytes)]).sort()).toEqual([
      ['acc', true],
      ['bot', true],
    ]);
    expect(w.received(p2!)).toHaveLength(0);
    expect(w.changes.filter((c) => c.id === fromAccount.id).map((c) => c.delivery.state)).toEqual(['queued', 'sending', 'sent']);
  });

  it('resumes a lane the moment its sender reports it is online, not at the next offline recheck', async () => {
    const w = await setup();
    const [p1] = w.people;
    w.online.account = false;
    w.online.bot = false;
    const outbox = await start();
    const domainEvents = createDomainEventBus((_name, error) => {
      throw error;
    });
    const unfollow = followSenders(outbox, domainEvents);
    const viaAccount = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'account is back') });
    const viaBot = outbox.enqueue({ sender: BOT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'bot is back') });
    await settle();
    expect([state(outbox, viaAccount), state(outbox, viaBot)]).toEqual(['waiting', 'waiting']);

    // Back online, and said so: no timer runs (the clock stands still), yet both go.
    w.online.account = true;
    w.online.bot = true;
    domainEvents.emit('connection.online', { kind: 'account', id: ACCOUNT.id });
    domainEvents.emit('connection.online', { kind: 'bot', id: BOT.id });
    await until(() => state(outbox, viaAccount) === 'sent' && state(outbox, viaBot) === 'sent', 'both sends after the senders came online');
    expect(w.received(p1!).map((m) => m.text).sort()).toEqual(['account is back', 'bot is back']);
    unfollow();
  });

  it('after a restart, sends at once what the last run held for a sender that was offline then', async () => {
    const w = await setup();
    const [p1] = w.people;
    w.online.account = false;
    let outbox = await start();
    const held = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'held over a restart') });
    await settle();
    expect(state(outbox, held)).toBe('waiting');
    await outbox.stop();
    started.splice(0);
    w.online.account = true;
    outbox = await start();
    await settle();
    expect(state(outbox, held)).toBe('sent');
    expect(w.received(p1!, 'held over a restart')).toHaveLength(1);
  });

  it('fails what waits for a sender once it is removed, with the reason, and refuses new work for it', async () => {
    const w = await setup();
    const [p1] = w.people;
    w.online.bot = false;
    const outbox = await start();
    const domainEvents = createDomainEventBus((_name, error) => {
      throw error;
    });
    const unfollow = followSenders(outbox, domainEvents);
    const held = outbox.enqueue({ sender: BOT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'for the old bot') });
    await settle();
    expect(state(outbox, held)).toBe('waiting');

    // A flood wait of an hour does not hold back the verdict, and goes with the sender.
    writePause(w.db, BOT, { kind: 'flood', since: w.clock.now(), until: w.clock.now() + 3_600_000, reason: 'flood' });
    recordRemovedSender(w.db, { kind: 'bot', id: BOT.id, name: '@outbox_bot' }, w.clock.now());
    domainEvents.emit('connection.removed', { kind: 'bot', id: BOT.id });
    await until(() => state(outbox, held) === 'failed', 'the held reply to fail');
    expect(outbox.item(held.id)!.delivery).toEqual({ state: 'failed', reason: expect.stringMatching(/^The bot @outbox_bot was removed from the desk/) });
    expect(readPause(w.db, BOT)).toBeUndefined();
    const late = outbox.enqueue({ sender: BOT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'too late') });
    expect(late.delivery).toEqual({ state: 'failed', reason: expect.stringMatching(/^The bot @outbox_bot was removed/) });

    // Even if something answered for that id again, nothing goes out through it.
    w.online.bot = true;
    expect(() => outbox.retry(held.id)).not.toThrow();
    await settle();
    await w.timers.advance(60_000);
    expect(state(outbox, held)).toBe('failed');
    expect(w.received(p1!)).toHaveLength(0);
    unfollow();
  });
});
