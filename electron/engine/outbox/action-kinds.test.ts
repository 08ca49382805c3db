import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { settle } from '../accounts/test/harness';
import { useTempDirs } from '../test-support/temp-dir';
import type { ActionKind } from './action-kind';
import { RetryLater } from './failures';
import type { AnyActionKind } from './kind-registry';
import type { Outbox, OutboxItem } from './outbox-port';
import { ACCOUNT, BOT, outboxWorld, useStartedOutboxes, type OutboxWorld } from './test/harness';

const tempDir = useTempDirs();
let world: OutboxWorld;
const { started, start: run } = useStartedOutboxes(() => world);

async function start(w: typeof world, kinds: AnyActionKind[] = []): Promise<Outbox> {
  return run(w.outbox({ retry: { baseMs: 1_000, maxMs: 10_000, maxAttempts: 3 } }, kinds));
}

/**
 * A throwaway kind whose effect is a set of references, as Telegram would keep a participant
 * list: `loseAnswers` makes a try take effect and then lose its answer, as a dropped connection does.
 */
function ledgerKind(name = 'test.ledger') {
  const effects: string[] = [];
  const asked: string[] = [];
  let loseAnswers = 0;
  const kind: ActionKind<{ ref: string }> = {
    name,
    sender: 'account',
    capAction: 'invite',
    payload: z.object({ ref: z.string().min(1, 'A reference is needed.') }),
    chatKey: () => null,
    async perform(_ctx, { ref }) {
      effects.push(ref);
      if (loseAnswers > 0) {
        loseAnswers--;
        throw new Error('the connection dropped before the answer');
      }
      return { data: { ref } };
    },
    async alreadyDone(_ctx, { ref }) {
      asked.push(ref);
      return effects.includes(ref) ? { data: { ref } } : null;
    },
    afterInterruption: 'check',
  };
  return { kind, effects, asked, loseAnswers: (n: number) => void (loseAnswers = n) };
}

const stateOf = (outbox: Outbox, item: OutboxItem) => outbox.item(item.id)!.delivery.state;

describe('outbox action kinds', () => {
  it('stores an item enqueued inside a caller’s transaction only with that transaction: rolled back, nothing is told or sent', async () => {
    const w = (world = await outboxWorld(tempDir()));
    const [p1] = w.people;
    const outbox = await start(w);
    expect(() =>
      w.db.transaction(() => {
        outbox.enqueue({ sender: ACCOUNT, priority: 'operator', payload: w.text(p1!, 'rolled back'), origin: { domain: 'rewards', ref: 'update:1' } });
        throw new Error('the handler failed after enqueueing');
      })(),
    ).toThrow('the handler failed');
    await settle();
    await w.timers.advance(60_000);
    expect(w.changes).toEqual([]);
    expect(w.received(p1!)).toHaveLength(0);
    expect(w.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);

    const item = w.db.transaction(() => {
      const queued = outbox.enqueue({ sender: ACCOUNT, priority: 'operator', payload: w.text(p1!, 'committed'), origin: { domain: 'rewards', ref: 'update:2' } });
      // Not told while the transaction is open: a listener would read a row nobody else can see yet.
      expect(w.changes).toEqual([]);
      return queued;
    })();
    await settle();
    expect(stateOf(outbox, item)).toBe('sent');
    expect(w.changes[0]).toMatchObject({ id: item.id, delivery: { state: 'queued' }, origin: { domain: 'rewards', ref: 'update:2' } });
    expect(w.received(p1!, 'committed')).toHaveLength(1);
  });

  it('refuses a payload its kind does not accept, an unknown kind and a kind of the other sender, storing nothing', async () => {
    const w = (world = await outboxWorld(tempDir()));
    const ledger = ledgerKind();
    const outbox = await start(w, [ledger.kind]);
    const refused = (input: Parameters<Outbox['enqueue']>[0]) => {
      try {
        outbox.enqueue(input);
      } catch (error) {
        return error as { code: string; message: string };
      }
      throw new Error('it was accepted');
    };
    expect(refused({ sender: ACCOUNT, kind: 'test.ledger', priority: 'bulk', payload: { ref: '' } })).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/"test.ledger" action is not valid.*A reference is needed/s) });
    expect(refused({ sender: ACCOUNT, priority: 'bulk', payload: { kind: 'text', chatKey: 'someone', text: 'x' } })).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/user:42/) });
    expect(refused({ sender: ACCOUNT, kind: 'channels.teleport', priority: 'bulk', payload: {} })).toMatchObject({ code: 'invalid_input', message: 'The outbox knows no action "channels.teleport".' });
    expect(refused({ sender: BOT, kind: 'test.ledger', priority: 'bulk', payload: { ref: 'a' } })).toMatchObject({ code: 'invalid_input', message: 'A bot cannot do "test.ledger"; only a personal account can.' });
    expect(w.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(() => w.outbox({}, [ledger.kind, ledgerKind().kind])).toThrow('Two outbox action kinds are named "test.ledger" for accounts.');
  });

  it('lets a domain follow only its own items and page through them by origin', async () => {
    const w = (world = await outboxWorld(tempDir()));
    const ledger = ledgerKind();
    const outbox = await start(w, [ledger.kind]);
    const heard: OutboxItem[] = [];
    outbox.follow('invites', (item) => heard.push(item));
    const invite = (ref: string) => outbox.enqueue({ sender: ACCOUNT, kind: 'test.ledger', priority: 'bulk', payload: { ref }, origin: { domain: 'invites', ref } });
    const items = ['7:1', '7:2', '7:3', '8:1'].map(invite);
    outbox.enqueue({ sender: ACCOUNT, kind: 'test.ledger', priority: 'bulk', payload: { ref: 'other' }, origin: { domain: 'campaigns', ref: '7:1' } });
    outbox.enqueue({ sender: ACCOUNT, priority: 'operator', payload: w.text(w.people[0]!, 'a reply') });
    await settle();

    expect(new Set(heard.map((i) => i.origin!.domain))).toEqual(new Set(['invites']));
    expect(heard.filter((i) => i.delivery.state === 'sent').map((i) => i.id)).toEqual(items.map((i) => i.id));
    const sent = outbox.item(items[0]!.id)!;
    expect(sent).toMatchObject({ kind: 'test.ledger', origin: { domain: 'invites', ref: '7:1' }, result: { data: { ref: '7:1' } } });
    expect(sent.result!.alreadyDone).toBeUndefined();

    const first = outbox.itemsByOrigin('invites', { limit: 2 });
    expect(first.map((i) => i.origin!.ref)).toEqual(['8:1', '7:3']);
    expect(outbox.itemsByOrigin('invites', { limit: 2, before: first[1]!.id }).map((i) => i.origin!.ref)).toEqual(['7:2', '7:1']);
    expect(outbox.itemsByOrigin('invites', { ref: '7:1' }).map((i) => i.id)).toEqual([items[0]!.id]);
  });

  it('asks a kind Telegram does not deduplicate whether a try whose answer was lost took effect, and records it as already done', async () => {
    const w = (world = await outboxWorld(tempDir()));
    const ledger = ledgerKind();
    ledger.loseAnswers(1);
    const outbox = await start(w, [ledger.kind]);
    const item = outbox.enqueue({ sender: ACCOUNT, kind: 'test.ledger', priority: 'bulk', payload: { ref: 'person-1' } });
    await settle();
    expect(outbox.item(item.id)!.delivery).toMatchObject({ state: 'waiting', reason: expect.stringMatching(/Trying again/) });
    // The first try was not asked about: nothing could have happened before it.
    expect(ledger.asked).toEqual([]);
    await w.timers.advance(10_000);
    expect(outbox.item(item.id)).toMatchObject({ delivery: { state: 'sent' }, result: { alreadyDone: true, data: { ref: 'person-1' } } });
    expect(ledger.effects).toEqual(['person-1']);
    expect(ledger.asked).toEqual(['person-1']);
  });

  it('checks after a crash mid-attempt instead of repeating, and asks again after an operator retry', async () => {
    const w = (world = await outboxWorld(tempDir()));
    const ledger = ledgerKind();
    let outbox = await start(w, [ledger.kind]);
    const stopped = outbox.enqueue({ sender: ACCOUNT, kind: 'test.ledger', priority: 'bulk', payload: { ref: 'cut-off' } });
    const failing = outbox.enqueue({ sender: ACCOUNT, kind: 'test.ledger', priority: 'bulk', payload: { ref: 'never-happened' } });
    await settle();
    // As a process killed mid-attempt leaves it: the effect happened, the row still says sending.
    w.db.prepare("UPDATE outbox SET state = 'sending', result = NULL WHERE id = ?").run(stopped.id);
    w.db.prepare("UPDATE outbox SET state = 'failed', reason = 'x', result = NULL WHERE id = ?").run(failing.id);
    ledger.effects.splice(ledger.effects.indexOf('never-happened'), 1);
    await outbox.stop();
    started.splice(0);
    outbox = await start(w, [ledger.kind]);
    await settle();
    expect(outbox.item(stopped.id)).toMatchObject({ delivery: { state: 'sent' }, result: { alreadyDone: true } });
    expect(ledger.effects.filter((e) => e === 'cut-off')).toHaveLength(1);

    outbox.retry(failing.id);
    await settle();
    expect(ledger.asked).toEqual(['cut-off', 'never-happened']);
    expect(outbox.item(failing.id)).toMatchObject({ delivery: { state: 'sent' }, attempts: 1 });
    expect(outbox.item(failing.id)!.result!.alreadyDone).toBeUndefined();
  });

  it('waits without failing when Telegram asks for one item later, and does not spend its tries', async () => {
    const w = (world = await outboxWorld(tempDir()));
    let refusals = 5;
    const patient: ActionKind<{ ref: string }> = {
      name: 'test.later',
      sender: 'account',
      capAction: 'contact_import',
      payload: z.object({ ref: z.string() }),
      chatKey: () => null,
      async perform() {
        if (refusals-- > 0) throw new RetryLater('Telegram asked to import this contact later.', 60 * 60_000);
        return { data: { ok: true } };
      },
      afterInterruption: 'check',
    };
    const outbox = await start(w, [patient]);
    const item = outbox.enqueue({ sender: ACCOUNT, kind: 'test.later', priority: 'bulk', payload: { ref: 'a' } });
    await settle();
    expect(outbox.item(item.id)!.delivery).toEqual({ state: 'waiting', until: w.clock.now() + 60 * 60_000, reason: 'Telegram asked to import this contact later.' });
    // Five refusals against a budget of three tries: each gives its try back.
    for (let i = 0; i < 5; i++) await w.timers.advance(60 * 60_000);
    expect(outbox.item(item.id)).toMatchObject({ delivery: { state: 'sent' }, attempts: 1, result: { data: { ok: true } } });
  });
});
