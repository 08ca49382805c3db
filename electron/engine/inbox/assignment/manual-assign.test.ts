import { describe, expect, it } from 'vitest';
import { DEFAULT_TEAM_SETTINGS } from '../../../../shared/domain/operators';
import { writeTeamSettings } from '../../operators/team-settings-repo';
import { useTempDirs } from '../../test-support/temp-dir';
import { BOT, OTHER_BOT, adminCallOf, operatorCall, teamDesk } from './test/team';

const tempDir = useTempDirs();

const A = 'operator:anna';
const B = 'operator:boris';
const C = 'operator:chen';
const ADMIN = adminCallOf();

/** Anna and Boris work the desk bot, Chen the sales bot; nobody is active, so nothing is assigned by itself. */
function desk() {
  const d = teamDesk(tempDir(), [
    { id: A, capacity: 2, senders: [BOT] },
    { id: B, capacity: 1, senders: [BOT] },
    { id: C, senders: [OTHER_BOT] },
    { id: 'operator:gone', senders: [BOT] },
  ]);
  d.db.prepare("UPDATE operators SET removed_at = 1 WHERE id = 'operator:gone'").run();
  return d;
}

describe('assigning by hand', () => {
  it('lets an admin give a conversation to anyone of the team who works its sender and has room, or put it back in the queue', async () => {
    const d = desk();
    const id = d.writes(1);
    const waitingSince = d.row(id).queued_at;

    expect(await d.as(ADMIN, 'inbox.assign', { conversationId: id, operatorId: A })).toMatchObject({ assigneeId: A, queuedSince: null });
    await expect(d.as(ADMIN, 'inbox.assign', { conversationId: id, operatorId: 'operator:nobody' })).rejects.toMatchObject({ code: 'not_found', message: 'There is no operator operator:nobody.' });
    await expect(d.as(ADMIN, 'inbox.assign', { conversationId: id, operatorId: 'operator:gone' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/gone was removed from the team/) });
    await expect(d.as(ADMIN, 'inbox.assign', { conversationId: id, operatorId: C })).rejects.toMatchObject({ code: 'conflict', message: 'chen does not work the conversations of @desk_bot; add it to their profile first.' });
    // An admin works every sender.
    expect(await d.as(ADMIN, 'inbox.assign', { conversationId: id, operatorId: 'operator:local' })).toMatchObject({ assigneeId: 'operator:local' });

    d.clock.advance(1_000);
    expect(await d.as(ADMIN, 'inbox.assign', { conversationId: id, operatorId: null })).toMatchObject({ assigneeId: null, queuedSince: d.clock.now() });
    expect(d.row(id).queued_at).not.toBe(waitingSince);

    // Nobody at capacity gets more, whoever asks.
    const other = d.writes(2);
    await d.as(ADMIN, 'inbox.assign', { conversationId: other, operatorId: B });
    await expect(d.as(ADMIN, 'inbox.assign', { conversationId: id, operatorId: B })).rejects.toMatchObject({ code: 'conflict', message: 'boris already has 1 open chat, the most they may have.', details: { maxChats: 1 } });
    expect(d.assigneeOf(id)).toBeNull();

    expect(d.audits.filter((a) => a.action === 'inbox.assign').map((a) => [a.actor, a.details])).toEqual([
      ['operator:local', { title: 'Person 1', from: null, to: A }],
      ['operator:local', { title: 'Person 1', from: A, to: 'operator:local' }],
      ['operator:local', { title: 'Person 1', from: 'operator:local', to: null }],
      ['operator:local', { title: 'Person 2', from: null, to: B }],
    ]);
    await d.bus.flush();
    expect(d.ofType('inbox.assignmentChanged').flatMap((e) => e.payload.changes).map((c) => [c.from, c.to, c.reason])).toEqual([
      [null, A, 'manual'],
      [A, 'operator:local', 'manual'],
      ['operator:local', null, 'manual'],
      [null, B, 'manual'],
    ]);
  });

  it('lets an operator take a waiting conversation of their sender and put their own back, and nothing else', async () => {
    const d = desk();
    const mine = d.writes(1);
    const sales = d.writes(2, OTHER_BOT);
    const anna = operatorCall(A);

    await expect(d.as(anna, 'inbox.assign', { conversationId: sales, operatorId: A })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'You do not work the conversations of @sales_bot; an admin can add it to your profile.',
    });
    await expect(d.as(anna, 'inbox.assign', { conversationId: mine, operatorId: B })).rejects.toMatchObject({ code: 'forbidden', message: 'Only an admin may assign a conversation that is not yours.' });
    expect(await d.as(anna, 'inbox.assign', { conversationId: mine, operatorId: A })).toMatchObject({ assigneeId: A });

    const boris = operatorCall(B);
    await expect(d.as(boris, 'inbox.assign', { conversationId: mine, operatorId: B })).rejects.toMatchObject({ code: 'forbidden', message: 'Someone else has this conversation; only an admin may take it from them.' });
    await expect(d.as(boris, 'inbox.assign', { conversationId: mine, operatorId: null })).rejects.toMatchObject({ code: 'forbidden' });
    // Passing on is for admins unless the desk allows operators to.
    await expect(d.as(anna, 'inbox.assign', { conversationId: mine, operatorId: B })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'At this desk only admins pass conversations to a colleague; you can put it back in the queue instead.',
    });
    expect(d.assigneeOf(mine)).toBe(A);

    expect(await d.as(anna, 'inbox.assign', { conversationId: mine, operatorId: null })).toMatchObject({ assigneeId: null, queuedSince: d.clock.now() });
    expect(d.audits.filter((a) => a.action === 'inbox.assign').map((a) => [a.actor, a.details])).toEqual([
      [A, { title: 'Person 1', from: null, to: A }],
      [A, { title: 'Person 1', from: A, to: null }],
    ]);
  });

  it('does not give a conversation put back by hand straight back to the one who gave it up', async () => {
    const d = desk();
    d.service.start();
    d.presence(A, 'active');
    const id = d.writes(1);
    expect(d.assigneeOf(id)).toBe(A);
    await d.as(operatorCall(A), 'inbox.assign', { conversationId: id, operatorId: null });
    expect(d.row(id)).toMatchObject({ assignee_id: null, last_assignee_id: null, queued_at: d.clock.now() });
    await d.timers.advance(60_000);
    expect(d.assigneeOf(id)).toBeNull();
    d.presence(B, 'active');
    expect(d.assigneeOf(id)).toBe(B);
    await d.service.stop();
  });

  it('lets an operator pass their own conversation to a colleague who has room where the desk allows it', async () => {
    const d = desk();
    writeTeamSettings(d.db, { ...DEFAULT_TEAM_SETTINGS, operatorsMayReassign: true }, d.clock.now());
    const [one, two] = [d.writes(1), d.writes(2)];
    const anna = operatorCall(A);
    await d.as(anna, 'inbox.assign', { conversationId: one, operatorId: A });
    await d.as(anna, 'inbox.assign', { conversationId: two, operatorId: A });
    expect(await d.as(anna, 'inbox.assign', { conversationId: one, operatorId: B })).toMatchObject({ assigneeId: B });
    await expect(d.as(anna, 'inbox.assign', { conversationId: two, operatorId: B })).rejects.toMatchObject({ code: 'conflict', message: 'boris already has 1 open chat, the most they may have.' });
    await expect(d.as(anna, 'inbox.assign', { conversationId: two, operatorId: C })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/chen does not work/) });
    expect([d.assigneeOf(one), d.assigneeOf(two)]).toEqual([B, A]);
  });

  it('answers the queues and takes the next conversation for the one asking', async () => {
    const d = desk();
    const first = d.writes(1);
    d.clock.advance(1_000);
    const sales = d.writes(2, OTHER_BOT);
    d.clock.advance(1_000);
    const second = d.writes(3);
    const anna = operatorCall(A);

    expect((await d.as(anna, 'inbox.queues', {})).queues).toEqual([{ sender: BOT, senderName: '@desk_bot', waiting: 2, oldestSince: d.row(first).queued_at }]);
    expect((await d.as(ADMIN, 'inbox.queues', {})).queues.map((q) => [q.senderName, q.waiting])).toEqual([
      ['@desk_bot', 2],
      ['@sales_bot', 1],
    ]);

    await expect(d.as(anna, 'inbox.takeNext', { sender: OTHER_BOT })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await d.as(anna, 'inbox.takeNext', {})).conversation).toMatchObject({ id: first, assigneeId: A });
    expect((await d.as(anna, 'inbox.takeNext', { sender: BOT })).conversation).toMatchObject({ id: second, assigneeId: A });
    expect((await d.as(anna, 'inbox.takeNext', {})).conversation).toBeNull();

    d.writes(4);
    await expect(d.as(anna, 'inbox.takeNext', {})).rejects.toMatchObject({ code: 'conflict', message: 'You already have 2 open chats, the most you may have; resolve one first.' });
    // An admin takes from every queue, the longest-waiting first.
    expect((await d.as(ADMIN, 'inbox.takeNext', {})).conversation).toMatchObject({ id: sales, assigneeId: 'operator:local' });
    expect(d.audits.filter((a) => a.action === 'inbox.assign').map((a) => a.actor)).toEqual([A, A, 'operator:local']);
  });
});
