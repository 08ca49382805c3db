import { describe, expect, it } from 'vitest';
import { lookupCall } from '../../../shared/contract/index';
import type { BenchView } from '../../../shared/domain/outbox';
import { settle } from '../accounts/test/harness';
import { queryAudit, recordAudit } from '../audit/audit-repo';
import { useTempDirs } from '../test-support/temp-dir';
import { dayWindow } from './daily-caps';
import type { createOutbox } from './outbox';
import { outboxHandlers } from './outbox-handlers';
import type { OutboxItem } from './outbox-port';
import { ACCOUNT, outboxWorld, useStartedOutboxes, type OutboxWorld } from './test/harness';
import { adminCall } from '../test-support/call-context';

const tempDir = useTempDirs();
let world: OutboxWorld;
type FullOutbox = ReturnType<typeof createOutbox>;
const { started, start: run } = useStartedOutboxes<FullOutbox>(() => world);

async function start(options: Parameters<typeof world.outbox>[0] = {}): Promise<FullOutbox> {
  return run(world.outbox(options) as FullOutbox);
}

async function restart(previous: FullOutbox): Promise<FullOutbox> {
  await previous.stop();
  started.splice(started.indexOf(previous), 1);
  return start();
}



const delivery = (outbox: FullOutbox, item: OutboxItem) => outbox.item(item.id)!.delivery;

describe('daily caps', () => {
  it('holds a bulk kind over its cap until the next day, across a restart, while operator replies keep going', async () => {
    const w = (world = await outboxWorld(tempDir()));
    const [p1, p2] = w.people;
    let outbox = await start();
    const caps = outbox.setDailyCap(ACCOUNT.id, 'campaign_message', 2);
    expect(caps.find((c) => c.action === 'campaign_message')).toEqual({ action: 'campaign_message', cap: 2, isDefault: false, sentToday: 0 });
    expect(caps.find((c) => c.action === 'reply')).toMatchObject({ cap: null, isDefault: true });

    const campaign = [1, 2, 3].map((i) =>
      outbox.enqueue({ sender: ACCOUNT, action: 'campaign_message', conversationId: null, priority: 'bulk', payload: w.text(p1!, `offer ${i}`) }),
    );
    await settle();
    const tomorrow = dayWindow(w.clock.now()).end;
    expect(campaign.slice(0, 2).map((item) => delivery(outbox, item).state)).toEqual(['sent', 'sent']);
    expect(delivery(outbox, campaign[2]!)).toEqual({ state: 'waiting', until: tomorrow, reason: 'Daily limit of 2 campaign messages reached; continues at 00:00.' });

    // Over the cap of one kind, another kind to the same person still goes.
    const replies = [p1!, p2!].map((to) => outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(to, 'operator reply') }));
    await settle();
    expect(replies.map((item) => delivery(outbox, item).state)).toEqual(['sent', 'sent']);
    expect(outbox.dailyCaps(ACCOUNT.id).find((c) => c.action === 'campaign_message')!.sentToday).toBe(2);

    outbox = await restart(outbox);
    await w.timers.advance(tomorrow - w.clock.now() - 1_000);
    expect(delivery(outbox, campaign[2]!).state).toBe('waiting');
    expect(w.received(p1!, 'offer 3')).toHaveLength(0);
    await w.timers.advance(1_000);
    expect(delivery(outbox, campaign[2]!).state).toBe('sent');
    expect(w.received(p1!, 'offer 3')).toHaveLength(1);
  });

  it('lets held items go at once when the cap is raised, and holds them again at the new cap', async () => {
    const w = (world = await outboxWorld(tempDir()));
    const [p1] = w.people;
    const outbox = await start();
    outbox.setDailyCap(ACCOUNT.id, 'invite', 0);
    const items = [1, 2, 3].map((i) => outbox.enqueue({ sender: ACCOUNT, action: 'invite', conversationId: null, priority: 'bulk', payload: w.text(p1!, `invite ${i}`) }));
    await settle();
    expect(items.map((item) => delivery(outbox, item).state)).toEqual(['waiting', 'waiting', 'waiting']);
    outbox.setDailyCap(ACCOUNT.id, 'invite', 2);
    await settle();
    expect(items.map((item) => delivery(outbox, item).state)).toEqual(['sent', 'sent', 'waiting']);
    expect(delivery(outbox, items[2]!)).toMatchObject({ reason: 'Daily limit of 2 invites reached; continues at 00:00.' });
    const back = outbox.setDailyCap(ACCOUNT.id, 'invite', undefined).find((c) => c.action === 'invite')!;
    expect(back).toEqual({ action: 'invite', cap: 40, isDefault: true, sentToday: 2 });
    await settle();
    expect(delivery(outbox, items[2]!).state).toBe('sent');
  });
});

describe('PEER_FLOOD bench', () => {
  it('benches the account, shows what waits, and an audited unbench resumes the lane', async () => {
    const w = (world = await outboxWorld(tempDir()));
    const [p1, p2, p3] = w.people;
    w.mtproto.configureAntiSpam(w.alice.id, { strangerMessagesPerDay: 1 });
    let outbox = await start();
    const seen: (BenchView | null)[] = [];
    outbox.onBenchChange((_accountId, bench) => seen.push(bench));
    const first = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'one') });
    const benched = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p2!, 'two') });
    await settle();
    expect(delivery(outbox, first).state).toBe('sent');
    expect(delivery(outbox, benched)).toMatchObject({ state: 'waiting', reason: expect.stringMatching(/PEER_FLOOD/) });
    const later = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p3!, 'three') });
    await settle();
    expect(delivery(outbox, later).state).toBe('queued');
    const since = w.clock.now();
    expect(outbox.benches()).toEqual([{ accountId: ACCOUNT.id, since, until: since + 24 * 60 * 60_000, reason: expect.stringMatching(/PEER_FLOOD/), waiting: 2 }]);
    expect(seen.map((b) => b?.waiting)).toEqual([1, 2]);

    // The bench outlives a restart; the operator lifts it once Telegram's limit is over.
    outbox = await restart(outbox);
    outbox.onBenchChange((_accountId, bench) => seen.push(bench));
    await w.timers.advance(60 * 60_000);
    expect(delivery(outbox, benched).state).toBe('waiting');
    w.mtproto.configureAntiSpam(w.alice.id, { strangerMessagesPerDay: 100 });
    const handlers = outboxHandlers({ db: w.db, outbox, audit: (record) => recordAudit(w.db, w.clock.now(), record) });
    const { lifted } = await handlers['outbox.unbench']({ accountId: ACCOUNT.id }, adminCall('operator:local'));
    expect(lifted).toMatchObject({ since, waiting: 2 });
    expect(seen.at(-1)).toBeNull();
    await settle();
    expect([benched, later].map((item) => delivery(outbox, item).state)).toEqual(['sent', 'sent']);
    expect(outbox.benches()).toEqual([]);
    expect(queryAudit(w.db, { limit: 5 }).entries).toMatchObject([
      { actor: 'operator:local', action: 'outbox.unbench', target: 'account:1', details: { benchedSince: since, waiting: 2 } },
    ]);
    expect(() => outbox.unbench(ACCOUNT.id)).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('lifts a bench by itself after the cool-down and says so', async () => {
    const w = (world = await outboxWorld(tempDir()));
    const [p1, p2] = w.people;
    w.mtproto.configureAntiSpam(w.alice.id, { strangerMessagesPerDay: 1 });
    const outbox = await start({ peerFloodBenchMs: 60 * 60_000 });
    const seen: (BenchView | null)[] = [];
    outbox.onBenchChange((_accountId, bench) => seen.push(bench));
    outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p1!, 'one') });
    const benched = outbox.enqueue({ sender: ACCOUNT, conversationId: null, priority: 'operator', payload: w.text(p2!, 'two') });
    await settle();
    w.mtproto.configureAntiSpam(w.alice.id, { strangerMessagesPerDay: 100 });
    await w.timers.advance(60 * 60_000);
    expect(delivery(outbox, benched).state).toBe('sent');
    expect(seen.map((b) => b && b.waiting)).toEqual([1, null]);
    expect(outbox.benches()).toEqual([]);
  });
});

describe('outbox contract', () => {
  it('validates caps and names a missing account', async () => {
    const w = (world = await outboxWorld(tempDir()));
    const outbox = await start();
    const schema = lookupCall('outbox.setDailyCap')!.input;
    expect(schema.safeParse({ accountId: 1, action: 'invite', cap: 'default' }).success).toBe(true);
    expect(schema.safeParse({ accountId: 1, action: 'invite', cap: -1 }).success).toBe(false);
    expect(schema.safeParse({ accountId: 1, action: 'invite', cap: 2.5 }).success).toBe(false);
    expect(schema.safeParse({ accountId: 1, action: 'poke', cap: 1 }).success).toBe(false);
    const handlers = outboxHandlers({ db: w.db, outbox, audit: () => undefined });
    expect(() => handlers['outbox.setDailyCap']({ accountId: 42, action: 'invite', cap: 5 }, adminCall('operator:local'))).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});
