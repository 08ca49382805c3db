import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { storeIncoming } from '../ingest/store-incoming';
import { incoming } from '../test/messages';
import { BOT, OTHER_BOT, adminCallOf, teamDesk } from './test/team';

const tempDir = useTempDirs();

describe('the queue a conversation enters', () => {
  it('takes a new conversation, an open one nobody has, and a reopened one (from whoever had it), and keeps the place of one already waiting', async () => {
    const desk = teamDesk(tempDir());
    desk.service.start();
    const start = desk.clock.now();
    const fresh = desk.writes(1);
    expect(desk.row(fresh)).toEqual({ assignee_id: null, last_assignee_id: null, queued_at: start, status: 'open' });

    // Written to again while waiting: it keeps its place.
    desk.clock.advance(5_000);
    desk.writes(1);
    expect(desk.row(fresh).queued_at).toBe(start);

    // The desk's own message from another device opens a conversation that waits for nobody; the customer's answer queues it.
    desk.arrive([incoming(2, 'we wrote first', { outgoing: true })]);
    const ours = desk.conversationOf(2);
    expect(desk.row(ours).queued_at).toBeNull();
    desk.writes(2);
    expect(desk.row(ours).queued_at).toBe(desk.clock.now());

    // Assigned and resolved, then the customer writes again: it waits in the queue, remembering who had it.
    await desk.call('inbox.assign', { conversationId: ours, operatorId: 'operator:local' });
    expect(desk.row(ours)).toMatchObject({ assignee_id: 'operator:local', queued_at: null });
    await desk.call('inbox.setStatus', { conversationId: ours, status: 'resolved' });
    desk.clock.advance(60_000);
    desk.writes(2);
    expect(desk.row(ours)).toEqual({ assignee_id: null, last_assignee_id: 'operator:local', queued_at: desk.clock.now(), status: 'open' });
    await desk.bus.flush();
    expect(desk.ofType('inbox.assignmentChanged').flatMap((e) => e.payload.changes)).toContainEqual({ conversationId: ours, sender: BOT, from: 'operator:local', to: null, reason: 'reopened' });
    expect(desk.audits).toContainEqual({ actor: 'system', action: 'inbox.assign', target: `conversation:${ours}`, details: { title: 'Person 2', from: 'operator:local', to: null, reason: 'reopened' } });
    await desk.service.stop();
  });

  it('leaves an assigned open conversation with its operator, and history (not news) out of the queue', () => {
    const desk = teamDesk(tempDir());
    const id = desk.writes(1);
    desk.db.prepare("UPDATE conversations SET assignee_id = 'operator:local', queued_at = NULL WHERE id = ?").run(id);
    desk.writes(1);
    expect(desk.row(id)).toMatchObject({ assignee_id: 'operator:local', queued_at: null });

    const result = desk.db.transaction(() => storeIncoming(desk.db, BOT, { messages: [incoming(9, 'old')], edits: [], deletions: [] }, desk.clock.now(), { history: true }))();
    expect(result.queued).toEqual([]);
    expect(desk.row(desk.conversationOf(9)).queued_at).toBeNull();
  });

  it('counts each queue: how many wait and since when the longest-waiting one does; resolving one takes it out', async () => {
    const desk = teamDesk(tempDir());
    desk.service.start();
    const first = desk.clock.now();
    const one = desk.writes(1);
    desk.clock.advance(30_000);
    desk.writes(2);
    desk.writes(3, OTHER_BOT);
    expect((await desk.call('inbox.queues', {})).queues).toEqual([
      { sender: BOT, senderName: '@desk_bot', waiting: 2, oldestSince: first },
      { sender: OTHER_BOT, senderName: '@sales_bot', waiting: 1, oldestSince: first + 30_000 },
    ]);
    await desk.bus.flush();
    expect(desk.ofType('inbox.queuesChanged')[0]!.payload.queues).toEqual([{ sender: BOT, senderName: '@desk_bot', waiting: 1, oldestSince: first }]);

    // Counted at most every 250 ms: what changed meanwhile comes at the end of it, in one list.
    await desk.timers.advance(250);
    await desk.bus.flush();
    expect(desk.ofType('inbox.queuesChanged').at(-1)!.payload.queues.map((q) => [q.sender.id, q.waiting])).toEqual([
      [1, 2],
      [2, 1],
    ]);

    await desk.call('inbox.setStatus', { conversationId: one, status: 'resolved' });
    expect(desk.row(one).queued_at).toBeNull();
    expect((await desk.service.handlers['inbox.queues']({}, adminCallOf())).queues[0]).toEqual({ sender: BOT, senderName: '@desk_bot', waiting: 1, oldestSince: first + 30_000 });
    await desk.service.stop();
    expect(desk.timers.pending()).toBe(0);
  });
});
