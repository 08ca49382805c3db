import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../../shared/contract/index';
import type { IncomingMessage } from '../../../../shared/domain/connections';
import { createDiskGuard } from '../../platform/disk-guard';
import { retryWhenDiskHasRoom } from '../../telegram/connection-service';
import { useTempDirs } from '../../test-support/temp-dir';
import { realScheduler } from '../../platform/scheduler';
import { accountsHarness, eventually, losingUpdate, sandboxWorld, settle } from '../test/harness';
import { signIn, stateOf, storedCopies, write } from '../test/sign-in-helper';

const tempDir = useTempDirs();

function received(events: DeskEvent[]): IncomingMessage[] {
  return events.flatMap((e) => (e.type === 'messages.received' ? e.payload.messages : []));
}

describe('account runtime', () => {
  it('stores incoming messages with their senders and announces them once', async () => {
    const w = sandboxWorld();
    const h = accountsHarness({ dir: tempDir(), world: w });
    const account = await signIn(h, w, w.alice);
    write(w, w.people[0]!, w.alice, 'first words');
    write(w, w.people[0]!, w.alice, 'second words');
    await eventually(() => storedCopies(h, account.id).total === 2, 'two messages');
    h.flush();
    expect(received(h.events)).toMatchObject([
      { source: { kind: 'account', id: account.id }, chatKey: `user:${w.people[0]!.id}`, chatTitle: 'Writer 1', senderId: w.people[0]!.id, senderName: 'Writer 1', text: 'first words', outgoing: false },
      { text: 'second words' },
    ]);
    const entity = h.db.prepare("SELECT access_hash, first_name FROM telegram_entities WHERE peer_type = 'user' AND peer_id = ?").get(w.people[0]!.id);
    expect(entity).toEqual({ access_hash: w.people[0]!.accessHash.toString(), first_name: 'Writer 1' });
    await h.service.stopAll();
  });

  it('loses no message and stores none twice when the connection drops during incoming traffic', async () => {
    const w = sandboxWorld({ differenceLimit: 2 });
    const h = accountsHarness({ dir: tempDir(), world: w });
    const account = await signIn(h, w, w.alice);
    const [a, b, c] = w.people as [typeof w.alice, typeof w.alice, typeof w.alice];
    write(w, a, w.alice, 'live 1');
    write(w, b, w.alice, 'live 2');
    await eventually(() => storedCopies(h, account.id).total === 2, 'live messages');
    await w.sandbox.dropConnections();
    for (let i = 1; i <= 5; i++) write(w, [a, b, c][i % 3]!, w.alice, `while down ${i}`);
    await settle();
    expect(storedCopies(h, account.id).total).toBe(2);

    // The health check finds the dead connection; people keep writing while it reconnects.
    await h.timers.advance(60_000);
    expect(h.service.health()[0]!.state).toMatchObject({ status: 'reconnecting', attempt: 1, reason: expect.stringMatching(/lost/) });
    write(w, c, w.alice, 'during reconnect');
    await h.timers.advance(1_000);
    write(w, a, w.alice, 'after reconnect');
    await eventually(() => stateOf(h, account.id) === 'online', 'back online');
    await eventually(() => storedCopies(h, account.id).total === w.world.receivedBy(w.alice.id).length, 'all messages stored');

    // A drop while an update is still being processed.
    write(w, b, w.alice, 'just before the drop');
    await w.sandbox.dropConnections();
    write(w, c, w.alice, 'just after the drop');
    await h.timers.advance(61_000);
    await eventually(() => stateOf(h, account.id) === 'online', 'online again');
    await eventually(() => storedCopies(h, account.id).total === w.world.receivedBy(w.alice.id).length, 'all messages stored again');
    await settle();

    const copies = storedCopies(h, account.id);
    expect(copies.total).toBe(w.world.receivedBy(w.alice.id).length);
    expect(copies.distinct).toBe(copies.total);
    h.flush();
    expect(received(h.events)).toHaveLength(copies.total);
    expect(received(h.events).map((m) => m.text).sort()).toEqual(w.world.receivedBy(w.alice.id).map((m) => m.text).sort());
    await h.service.stopAll();
  });

  it('fetches an update lost on a live connection when the next one shows the pts gap', async () => {
    const w = sandboxWorld();
    // The second update never arrives, as a lost packet would.
    const lossy = losingUpdate(2);
    const h = accountsHarness({ dir: tempDir(), world: w, wrapTransport: lossy.wrap });
    const account = await signIn(h, w, w.alice);
    for (const text of ['one', 'two', 'three']) {
      write(w, w.people[0]!, w.alice, text);
      await settle();
    }
    expect(lossy.delivered()).toBe(3);
    await eventually(() => storedCopies(h, account.id).total === 3, 'the lost one fetched');
    expect(stateOf(h, account.id)).toBe('online');
    await h.service.stopAll();
  });

  it('restarts from encrypted storage without a new sign-in, against a rebuilt world', async () => {
    const dir = tempDir();
    const first = sandboxWorld();
    const before = accountsHarness({ dir, world: first });
    const account = await signIn(before, first, first.alice);
    write(first, first.people[0]!, first.alice, 'before restart');
    await eventually(() => storedCopies(before, account.id).total === 1, 'stored before restart');
    await before.service.stopAll();
    before.db.close();

    const rebuilt = sandboxWorld();
    const after = accountsHarness({ dir, world: rebuilt, key: before.key });
    expect(after.service.health()).toEqual([{ kind: 'account', id: account.id, name: 'Alice Desk', state: { status: 'stopped' } }]);
    await after.service.startAll();
    await eventually(() => stateOf(after, account.id) === 'online', 'online after restart');
    write(rebuilt, rebuilt.people[1]!, rebuilt.alice, 'after restart');
    await eventually(() => storedCopies(after, account.id).total === 2, 'stored after restart');
    expect(after.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    await after.service.stopAll();
  });

  it('asks for sign-in again when Telegram revokes the session, and re-sign-in restores it', async () => {
    const w = sandboxWorld();
    const h = accountsHarness({ dir: tempDir(), world: w });
    const account = await signIn(h, w, w.alice);
    w.sandbox.revokeSessionsOf(w.alice.id);
    await h.timers.advance(60_000);
    await eventually(() => stateOf(h, account.id) === 'needs_sign_in', 'needs sign-in');
    expect(h.service.health()[0]!.state).toEqual({ status: 'needs_sign_in', reason: expect.stringMatching(/AUTH_KEY_UNREGISTERED.*Sign in again/) });
    expect(h.db.prepare('SELECT session_enc, needs_sign_in_reason IS NOT NULL AS flagged FROM accounts').get()).toEqual({ session_enc: null, flagged: 1 });
    expect(h.timers.pending()).toBe(0);
    h.flush();
    expect(h.events.some((e) => e.type === 'accounts.changed' && e.payload.state.status === 'needs_sign_in')).toBe(true);

    const again = await signIn(h, w, w.alice, account.id);
    expect(again.id).toBe(account.id);
    write(w, w.people[0]!, w.alice, 'welcome back');
    await eventually(() => storedCopies(h, account.id).total === 1, 'message after re-sign-in');
    expect(h.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(1);
    await h.service.stopAll();
  });

  it('stopping one account leaves another online and receiving; starting it again catches up', async () => {
    const w = sandboxWorld();
    const h = accountsHarness({ dir: tempDir(), world: w });
    const alice = await signIn(h, w, w.alice);
    const bob = await signIn(h, w, w.bob);
    const stopped = await h.call('accounts.stop', { id: alice.id });
    expect(stopped).toMatchObject({ enabled: false, state: { status: 'stopped' } });
    write(w, w.people[0]!, w.alice, 'to alice while stopped');
    write(w, w.people[0]!, w.bob, 'to bob');
    await eventually(() => storedCopies(h, bob.id).total === 1, 'bob receives');
    expect(stateOf(h, bob.id)).toBe('online');
    expect(storedCopies(h, alice.id).total).toBe(0);

    await h.call('accounts.start', { id: alice.id });
    await eventually(() => storedCopies(h, alice.id).total === 1, 'alice catches up');
    expect(stateOf(h, alice.id)).toBe('online');
    await h.service.stopAll();
  }, 30_000);

  it('waits out a flood wait and resumes; reconnects with growing delays; an unexpected refusal is an error', async () => {
    const w = sandboxWorld();
    const h = accountsHarness({ dir: tempDir(), world: w });
    const account = await signIn(h, w, w.alice);
    w.sandbox.faults.failRequests(1, 'FLOOD_WAIT_30', 'updates.GetState');
    await h.timers.advance(60_000);
    expect(h.service.health()[0]!.state).toEqual({ status: 'flood_wait', until: h.clock.now() + 30_000 });
    await h.timers.advance(30_000);
    await eventually(() => stateOf(h, account.id) === 'online', 'online after flood wait');

    w.sandbox.faults.failRequests(3, 'INTERNAL', 'updates.GetState');
    await h.timers.advance(60_000);
    const tries: unknown[] = [h.service.health()[0]!.state];
    for (let i = 0; i < 2; i++) {
      const state = h.service.health()[0]!.state as { nextTryAt: number };
      await h.timers.advance(state.nextTryAt - h.clock.now());
      tries.push(h.service.health()[0]!.state);
    }
    // random() is 0.5 here: 3/4 of 1 s, 2 s, 4 s.
    expect(tries).toMatchObject([
      { status: 'reconnecting', attempt: 1, reason: expect.stringMatching(/INTERNAL/) },
      { status: 'reconnecting', attempt: 2 },
      { status: 'reconnecting', attempt: 3 },
    ]);
    const next = tries.map((t) => (t as { nextTryAt: number }).nextTryAt);
    expect([next[1]! - next[0]!, next[2]! - next[1]!]).toEqual([1_500, 3_000]);
    await h.timers.advance(3_000);
    await eventually(() => stateOf(h, account.id) === 'online', 'online after retries');

    w.sandbox.faults.failRequests(1, 'API_ID_INVALID', 'updates.GetState');
    await h.timers.advance(60_000);
    expect(h.service.health()[0]!.state).toEqual({ status: 'error', reason: expect.stringMatching(/API_ID_INVALID/) });
    expect(h.timers.pending()).toBe(0);
    await h.service.stopAll();
  });

  it('stores what it could not on a full disk as soon as the disk has room, not at the end of its backoff', async () => {
    const dir = tempDir();
    const w = sandboxWorld();
    const h = accountsHarness({ dir, world: w });
    const disk = createDiskGuard({ folder: dir });
    const unsubscribe = retryWhenDiskHasRoom(disk, [h.service]);
    const account = await signIn(h, w, w.alice);
    // SQLite held at its current size answers SQLITE_FULL, as on a full disk.
    h.db.exec('VACUUM');
    h.db.pragma(`max_page_count = ${h.db.pragma('page_count', { simple: true }) as number}`);
    const big = 'я'.repeat(4000);
    write(w, w.people[0]!, w.alice, big);
    await eventually(() => stateOf(h, account.id) === 'reconnecting', 'retrying after the failed write');
    expect(h.service.health()[0]!.state).toMatchObject({ nextTryAt: h.clock.now() + 750 });
    // In the engine the log sink meets the same SQLITE_FULL writing the failure down and tells the guard.
    disk.noteFailure(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));

    h.db.pragma('max_page_count = 1073741823');
    disk.recheck();
    // No timer is advanced: only "retry now" brings the account back.
    await eventually(() => stateOf(h, account.id) === 'online', 'online once the disk has room');
    await eventually(() => storedCopies(h, account.id).total === 1, 'the message stored');
    unsubscribe();
    disk.stop();
    await h.service.stopAll();
  });

  it('restart all reconnects every enabled account; stop all leaves no timer and no connection', async () => {
    const w = sandboxWorld();
    const h = accountsHarness({ dir: tempDir(), world: w });
    const alice = await signIn(h, w, w.alice);
    expect(await h.service.restartAll()).toBe(1);
    await eventually(() => stateOf(h, alice.id) === 'online', 'online after restart all');
    expect(h.timers.pending()).toBe(1);
    await h.service.stopAll();
    expect(h.timers.pending()).toBe(0);
    write(w, w.people[0]!, w.alice, 'nobody listening');
    await settle();
    expect(storedCopies(h, alice.id).total).toBe(0);
  });

  it('leaves no real timer behind after stop all', async () => {
    const w = sandboxWorld();
    // The runtime's own timers are counted through the scheduler it is given; the process-wide
    // count then proves nothing else was left behind (other timers of the worker may come and go).
    const live = new Set<object>();
    const scheduler: typeof realScheduler = {
      after(ms, run) {
        const timer = {};
        live.add(timer);
        const cancel = realScheduler.after(ms, () => {
          live.delete(timer);
          run();
        });
        return () => {
          live.delete(timer);
          cancel();
        };
      },
    };
    const h = accountsHarness({ dir: tempDir(), world: w, options: { scheduler } });
    const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timeouts();
    await signIn(h, w, w.alice);
    expect(live.size).toBeGreaterThan(0);
    await h.service.stopAll();
    expect(live.size).toBe(0);
    expect(timeouts()).toBeLessThanOrEqual(before);
  });

  it('removes an account with its entities and cursor, keeping other accounts', async () => {
    const w = sandboxWorld();
    const h = accountsHarness({ dir: tempDir(), world: w });
    const alice = await signIn(h, w, w.alice);
    expect(await h.call('accounts.remove', { id: alice.id, confirm: true })).toEqual({ removed: true });
    expect(h.db.prepare("SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM account_update_state) + (SELECT count(*) FROM telegram_entities WHERE source_kind = 'account')").pluck().get()).toBe(0);
    h.flush();
    expect(h.events.at(-1)).toEqual({ type: 'accounts.removed', payload: { id: alice.id } });
    await expect(h.call('accounts.start', { id: alice.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(h.timers.pending()).toBe(0);
  });

  it("never gives a removed account's id to the next one, and remembers the removed one's name", async () => {
    const w = sandboxWorld();
    const h = accountsHarness({ dir: tempDir(), world: w });
    const alice = await signIn(h, w, w.alice);
    await h.call('accounts.remove', { id: alice.id, confirm: true });
    const bob = await signIn(h, w, w.bob);
    expect(bob.id).toBeGreaterThan(alice.id);
    expect(h.db.prepare('SELECT sender_kind, sender_id, name FROM removed_senders').all()).toEqual([{ sender_kind: 'account', sender_id: alice.id, name: [alice.firstName, alice.lastName].filter(Boolean).join(' ') }]);
    await h.service.stopAll();
  });
});
