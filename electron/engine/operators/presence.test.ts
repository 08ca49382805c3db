import { describe, expect, it } from 'vitest';
import { ACTIVE_WITHIN_MS, AWAY_WITHIN_MS, type OperatorView } from '../../../shared/domain/operators';
import { adminCall } from '../test-support/call-context';
import { useTempDirs } from '../test-support/temp-dir';
import { SWEEP_MS } from './operators-service';
import { operatorsHarness, profile } from './test/operators-harness';

const tempDir = useTempDirs();
const LOCAL = 'operator:local';

describe('presence', () => {
  it('turns active on an attended heartbeat, away 30 s later, offline after 2 min, announcing each change once', async () => {
    const h = operatorsHarness(tempDir());
    const startedAt = h.clock.now();
    expect(h.presence.presenceOf(LOCAL)).toBe('offline');
    expect(h.presence.inactiveSince(LOCAL)).toBe(startedAt);

    await h.timers.advance(7_000);
    const beatAt = h.clock.now();
    expect(await h.value('operators.heartbeat', { attending: true })).toEqual({ presence: 'active' });
    expect(h.presence.inactiveSince(LOCAL)).toBeNull();
    await h.timers.advance(10_000);
    expect(await h.value('operators.heartbeat', { attending: false })).toEqual({ presence: 'active' });

    await h.timers.advance(beatAt + ACTIVE_WITHIN_MS - h.clock.now() - 1);
    expect(h.presence.presenceOf(LOCAL)).toBe('active');
    // The sweep runs every few seconds: the change is announced by the next one.
    await h.timers.advance(SWEEP_MS);
    expect(h.presence.presenceOf(LOCAL)).toBe('away');
    expect(h.presence.inactiveSince(LOCAL)).toBe(beatAt + ACTIVE_WITHIN_MS);

    await h.timers.advance(AWAY_WITHIN_MS);
    expect(h.presence.presenceOf(LOCAL)).toBe('offline');
    expect(h.heard.filter((e) => e.name === 'operators.presenceChanged').map((e) => e.payload)).toEqual([
      { operatorId: LOCAL, presence: 'active' },
      { operatorId: LOCAL, presence: 'away' },
      { operatorId: LOCAL, presence: 'offline' },
    ]);
    expect(h.ofType('operators.changed').map((e) => e.payload.operators.map((o) => [o.id, o.presence]))).toEqual([
      [[LOCAL, 'active']],
      [[LOCAL, 'away']],
      [[LOCAL, 'offline']],
    ]);
    expect(h.presence.inactiveSince(LOCAL)).toBe(beatAt + ACTIVE_WITHIN_MS);
  });

  it('counts a window that is open but not attended as away, for as long as it is open', async () => {
    const h = operatorsHarness(tempDir());
    const anna = (await h.value<{ operator: OperatorView }>('operators.invite', profile())).operator;
    const asAnna = { actor: anna.id, role: 'operator' as const, sessionId: null };
    const close = h.sessions.windowOpened(anna.id);
    expect(h.presence.presenceOf(anna.id)).toBe('away');
    expect(await h.value('operators.heartbeat', { attending: false }, asAnna)).toEqual({ presence: 'away' });

    await h.timers.advance(AWAY_WITHIN_MS * 3);
    expect(h.presence.presenceOf(anna.id)).toBe('away');
    expect(await h.value('operators.heartbeat', { attending: true }, asAnna)).toEqual({ presence: 'active' });
    close();
    close();
    await h.timers.advance(ACTIVE_WITHIN_MS + SWEEP_MS);
    expect(h.presence.presenceOf(anna.id)).toBe('away');
    await h.timers.advance(AWAY_WITHIN_MS);
    expect(h.presence.presenceOf(anna.id)).toBe('offline');
    expect(h.heard.filter((e) => e.name === 'operators.presenceChanged').map((e) => (e.payload as { presence: string }).presence)).toEqual(['away', 'active', 'away', 'offline']);
    const listed = (await h.value<{ operators: OperatorView[] }>('operators.list', {})).operators.find((o) => o.id === anna.id);
    expect(listed?.presence).toBe('offline');
  });

  it('keeps the last attended moment, writing it to the database at most once a minute', async () => {
    const h = operatorsHarness(tempDir());
    const stored = () => h.db.prepare('SELECT last_active_at FROM operators WHERE id = ?').pluck().get(LOCAL);
    const first = h.clock.now();
    await h.value('operators.heartbeat', { attending: true });
    expect(stored()).toBe(first);
    await h.timers.advance(10_000);
    await h.value('operators.heartbeat', { attending: true });
    expect(stored()).toBe(first);
    const me = (await h.value<{ operator: OperatorView }>('operators.me', {}, adminCall())).operator;
    expect(me.lastActiveAt).toBe(first + 10_000);
    await h.timers.advance(50_000);
    await h.value('operators.heartbeat', { attending: true });
    expect(stored()).toBe(first + 60_000);
  });

  it('forgets a removed operator and sweeps on the scheduler only while started', async () => {
    const h = operatorsHarness(tempDir());
    const anna = (await h.value<{ operator: OperatorView }>('operators.invite', profile())).operator;
    await h.value('operators.heartbeat', { attending: true }, { actor: anna.id, role: 'operator', sessionId: null });
    await h.value('operators.remove', { id: anna.id, confirm: true });
    expect(h.presence.presenceOf(anna.id)).toBe('offline');
    const changes = h.heard.length;
    await h.timers.advance(AWAY_WITHIN_MS * 2);
    expect(h.heard.length).toBe(changes);

    expect(h.timers.pending()).toBe(1);
    h.service.stop();
    expect(h.timers.pending()).toBe(0);
  });
});
