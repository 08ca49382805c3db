import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { writeTeamSettings } from '../../operators/team-settings-repo';
import { DEFAULT_TEAM_SETTINGS } from '../../../../shared/domain/operators';
import { incoming } from '../test/messages';
import { BOT, teamDesk } from './test/team';

const tempDir = useTempDirs();

const A = 'operator:anna';
const B = 'operator:boris';

describe('chats handed back', () => {
  it('returns only the unanswered chats of an operator inactive for the set time, and they go to whoever is active', async () => {
    const desk = teamDesk(tempDir(), [
      { id: A, capacity: 5, senders: [BOT] },
      { id: B, capacity: 1, senders: [BOT] },
    ]);
    writeTeamSettings(desk.db, { ...DEFAULT_TEAM_SETTINGS, returnAfterMinutes: 3 }, desk.clock.now());
    desk.service.start();
    desk.presence(A, 'active');
    const waiting = desk.writes(1);
    const answered = desk.writes(2);
    const resolved = desk.writes(3);
    const pending = desk.writes(4);
    expect([waiting, answered, resolved, pending].map(desk.assigneeOf)).toEqual([A, A, A, A]);
    desk.arrive([incoming(2, 'we answered', { outgoing: true })]);
    await desk.call('inbox.setStatus', { conversationId: resolved, status: 'resolved' });
    await desk.call('inbox.setStatus', { conversationId: pending, status: 'pending' });

    desk.presence(A, 'away');
    const awaySince = desk.clock.now();
    await desk.timers.advance(3 * 60_000 - 1);
    expect([waiting, answered, resolved, pending].map(desk.assigneeOf)).toEqual([A, A, A, A]);

    desk.presence(B, 'active');
    await desk.timers.advance(1);
    // Boris has room for one: the longest-waiting returned chat goes to him, the other waits.
    expect([waiting, answered, resolved, pending].map(desk.assigneeOf)).toEqual([B, A, A, null]);
    expect(desk.row(pending)).toEqual({ assignee_id: null, last_assignee_id: A, queued_at: awaySince + 3 * 60_000, status: 'pending' });

    await desk.bus.flush();
    const changes = desk.ofType('inbox.assignmentChanged').flatMap((e) => e.payload.changes);
    expect(changes.slice(-3).map((c) => [c.conversationId, c.from, c.to, c.reason])).toEqual([
      [waiting, A, null, 'returned'],
      [pending, A, null, 'returned'],
      [waiting, null, B, 'auto'],
    ]);
    expect(desk.audits.filter((a) => a.actor === 'system').slice(-3).map((a) => a.details)).toEqual([
      { title: 'Person 1', from: A, to: null, reason: 'returned' },
      { title: 'Person 4', from: A, to: null, reason: 'returned' },
      { title: 'Person 1', from: null, to: B, reason: 'auto' },
    ]);

    // Back again, anna gets her customer back (nobody else could take it meanwhile).
    desk.presence(A, 'active');
    expect(desk.assigneeOf(pending)).toBe(A);
    await desk.service.stop();
  });

  it('leaves the desk’s admin, who takes nothing from the queue, with the chats they took', async () => {
    const desk = teamDesk(tempDir());
    desk.service.start();
    const id = desk.writes(1);
    await desk.call('inbox.assign', { conversationId: id, operatorId: 'operator:local' });
    await desk.timers.advance(60 * 60_000);
    expect(desk.assigneeOf(id)).toBe('operator:local');
    await desk.service.stop();
  });

  it('returns every open chat of a removed operator at once', () => {
    const desk = teamDesk(tempDir(), [{ id: A, senders: [BOT] }]);
    desk.service.start();
    desk.presence(A, 'active');
    const ids = [1, 2, 3].map((p) => desk.writes(p));
    desk.arrive([incoming(2, 'answered', { outgoing: true })]);
    desk.db.prepare("UPDATE conversations SET status = 'resolved' WHERE id = ?").run(ids[2]);

    desk.db.prepare('UPDATE operators SET removed_at = ? WHERE id = ?').run(desk.clock.now(), A);
    desk.team.set(A, 'offline');
    desk.domainEvents.emit('operators.removed', { operatorId: A });
    expect(ids.map((id) => desk.row(id))).toEqual([
      { assignee_id: null, last_assignee_id: A, queued_at: desk.clock.now(), status: 'open' },
      { assignee_id: null, last_assignee_id: A, queued_at: desk.clock.now(), status: 'open' },
      { assignee_id: A, last_assignee_id: null, queued_at: null, status: 'resolved' },
    ]);
    expect(desk.audits.filter((a) => a.actor === 'system' && (a.details as { reason: string }).reason === 'removed')).toHaveLength(2);
  });
});
