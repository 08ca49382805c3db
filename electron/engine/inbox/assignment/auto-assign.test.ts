import { describe, expect, it } from 'vitest';
import { recordRemovedSender } from '../../db/removed-senders';
import { useTempDirs } from '../../test-support/temp-dir';
import { incoming } from '../test/messages';
import { BOT, OTHER_BOT, teamDesk } from './test/team';

const tempDir = useTempDirs();

const A = 'operator:anna';
const B = 'operator:boris';
const C = 'operator:chen';

describe('auto-assignment', () => {
  it('gives the longest-waiting conversation to the most free capacity, round-robin among equals, and nobody more than their capacity', async () => {
    const desk = teamDesk(tempDir(), [
      { id: A, capacity: 3, senders: [BOT] },
      { id: B, capacity: 3, senders: [BOT] },
      { id: C, capacity: 1, senders: [BOT] },
    ]);
    desk.service.start();
    // Eight people wrote while nobody was there; the queue holds them in order.
    desk.arrive([1, 2, 3, 4, 5, 6, 7, 8].map((p) => incoming(p, 'hi')));
    const ids = [1, 2, 3, 4, 5, 6, 7, 8].map((p) => desk.conversationOf(p));
    expect(ids.map(desk.assigneeOf)).toEqual(Array(8).fill(null));

    desk.team.set(A, 'active');
    desk.team.set(B, 'active');
    desk.presence(C, 'active');
    // Free 3,3,1: anna and boris alternate while they have most room, chen gets one when all have one left, then the oldest-served goes first.
    expect(ids.map(desk.assigneeOf)).toEqual([A, B, A, B, C, A, B, null]);
    expect((await desk.call('inbox.queues', {})).queues.find((q) => q.sender.id === BOT.id)).toMatchObject({ waiting: 1 });

    // More customers: the queue grows, nobody over capacity.
    desk.clock.advance(10_000);
    desk.writes(9);
    desk.writes(10);
    expect(desk.assigneeOf(desk.conversationOf(9))).toBeNull();
    expect((await desk.call('inbox.queues', {})).queues.find((q) => q.sender.id === BOT.id)).toMatchObject({ waiting: 3, oldestSince: desk.row(ids[7]!).queued_at });

    // A chat resolved frees a place: the longest-waiting conversation takes it.
    await desk.call('inbox.setStatus', { conversationId: ids[4]!, status: 'resolved' });
    expect(desk.assigneeOf(ids[7]!)).toBe(C);
    expect(desk.assigneeOf(desk.conversationOf(9))).toBeNull();

    await desk.bus.flush();
    const auto = desk.ofType('inbox.assignmentChanged').flatMap((e) => e.payload.changes);
    expect(auto.map((c) => [c.conversationId, c.to, c.reason])).toEqual([...ids.slice(0, 7).map((id, i) => [id, [A, B, A, B, C, A, B][i], 'auto']), [ids[7], C, 'auto']]);
    expect(desk.audits.filter((a) => a.actor === 'system').map((a) => a.details)).toContainEqual({ title: 'Person 1', from: null, to: A, reason: 'auto' });
    const shown = desk.ofType('inbox.conversationsChanged').flatMap((e) => e.payload.conversations);
    expect(shown.find((c) => c.id === ids[7] && c.assigneeId === C)).toMatchObject({ queuedSince: null });
    await desk.service.stop();
  });

  it('counts no capacity as the most, and keeps handing out in turn when many are assigned within one millisecond', () => {
    const desk = teamDesk(tempDir(), [
      { id: A, capacity: null, senders: [BOT] },
      { id: B, capacity: null, senders: [BOT] },
      { id: C, capacity: 50, senders: [BOT] },
    ]);
    desk.service.start();
    for (const id of [A, B, C]) desk.team.set(id, 'active');
    desk.arrive([1, 2, 3, 4, 5, 6].map((p) => incoming(p, 'hi')));
    expect([1, 2, 3, 4, 5, 6].map((p) => desk.assigneeOf(desk.conversationOf(p)))).toEqual([A, B, A, B, A, B]);
  });

  it('gives conversations only to active operators who take from the queue and may work that account or bot', () => {
    const desk = teamDesk(tempDir(), [
      { id: A, senders: [BOT] },
      { id: B, senders: [OTHER_BOT] },
      { id: C, senders: [BOT], autoAssign: false },
    ]);
    desk.service.start();
    desk.presence(B, 'active');
    desk.presence(C, 'active');
    const forBot = desk.writes(1);
    const forSales = desk.writes(2, OTHER_BOT);
    expect(desk.assigneeOf(forBot)).toBeNull(); // anna is away, boris does not work @desk_bot, chen takes nothing by himself
    expect(desk.assigneeOf(forSales)).toBe(B);

    desk.presence(A, 'away');
    expect(desk.assigneeOf(forBot)).toBeNull();
    desk.presence(A, 'active');
    expect(desk.assigneeOf(forBot)).toBe(A);
  });

  it('gives nobody the waiting conversations of a removed bot, and lists its queue no more', async () => {
    const desk = teamDesk(tempDir(), [{ id: A, senders: [BOT, OTHER_BOT] }]);
    desk.service.start();
    const gone = desk.writes(1, OTHER_BOT);
    desk.db.prepare('DELETE FROM bots WHERE id = 2').run();
    recordRemovedSender(desk.db, { ...OTHER_BOT, name: '@sales_bot' }, desk.clock.now());
    const kept = desk.writes(2);
    desk.presence(A, 'active');
    expect([desk.assigneeOf(gone), desk.assigneeOf(kept)]).toEqual([null, A]);
    expect((await desk.call('inbox.queues', {})).queues.map((q) => q.senderName)).toEqual(['@desk_bot']);
  });

  it('looks again when a profile changes (a sender added, a capacity raised)', () => {
    const desk = teamDesk(tempDir(), [{ id: A, capacity: 0, senders: [] }]);
    desk.service.start();
    desk.presence(A, 'active');
    const id = desk.writes(1);
    desk.db.prepare('INSERT INTO operator_senders (operator_id, sender_kind, sender_id) VALUES (?, ?, ?)').run(A, 'bot', 1);
    desk.domainEvents.emit('operators.profilesChanged', { operatorIds: [A] });
    expect(desk.assigneeOf(id)).toBeNull(); // still no room
    desk.db.prepare('UPDATE operators SET max_chats = 1 WHERE id = ?').run(A);
    desk.domainEvents.emit('operators.profilesChanged', { operatorIds: [A] });
    expect(desk.assigneeOf(id)).toBe(A);
  });

  it('gives a reopened conversation back to its last operator only while they are active, even over someone with more room', async () => {
    const desk = teamDesk(tempDir(), [
      { id: A, capacity: 1, senders: [BOT] },
      { id: B, capacity: 10, senders: [BOT] },
    ]);
    desk.service.start();
    desk.presence(A, 'active');
    const id = desk.writes(1);
    expect(desk.assigneeOf(id)).toBe(A);
    desk.presence(B, 'active');

    await desk.call('inbox.setStatus', { conversationId: id, status: 'resolved' });
    desk.writes(1);
    expect(desk.row(id)).toMatchObject({ assignee_id: A, queued_at: null, status: 'open' });

    await desk.call('inbox.setStatus', { conversationId: id, status: 'resolved' });
    desk.presence(A, 'offline');
    desk.writes(1);
    expect(desk.row(id)).toMatchObject({ assignee_id: B, last_assignee_id: A });

    await desk.bus.flush();
    const changes = desk.ofType('inbox.assignmentChanged').flatMap((e) => e.payload.changes);
    expect(changes.map((c) => [c.from, c.to, c.reason])).toEqual([
      [null, A, 'auto'],
      [A, null, 'reopened'],
      [null, A, 'auto'],
      [A, null, 'reopened'],
      [null, B, 'auto'],
    ]);
  });

  it('gives the desk’s admin their reopened chats back although they take nothing new from the queue', () => {
    const desk = teamDesk(tempDir());
    desk.service.start();
    desk.presence('operator:local', 'active');
    const id = desk.writes(1);
    expect(desk.assigneeOf(id)).toBeNull();
    desk.db.prepare("UPDATE conversations SET assignee_id = 'operator:local', queued_at = NULL, status = 'resolved' WHERE id = ?").run(id);
    desk.writes(1);
    expect(desk.assigneeOf(id)).toBe('operator:local');
  });
});
