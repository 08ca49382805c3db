import { describe, expect, it } from 'vitest';
import type { OperatorView } from '../../../shared/domain/operators';
import { useTempDirs } from '../test-support/temp-dir';
import { testEngine } from '../test-support/test-engine';

const tempDir = useTempDirs();

describe('the operators service in the engine', () => {
  it('answers the desk’s own window, whose heartbeats make its admin active, and keeps the hub unshared', async () => {
    const { engine } = testEngine(tempDir());
    await engine.start();
    try {
      expect(await engine.dispatch('operators.heartbeat', { attending: true })).toEqual({ ok: true, value: { presence: 'active' } });
      const me = await engine.dispatch('operators.me', {});
      expect(me).toMatchObject({ ok: true, value: { operator: { id: 'operator:local', role: 'admin', presence: 'active' }, sessionId: null } });
      const invited = await engine.dispatch('operators.invite', { name: 'Anna', role: 'operator', capacity: 2 });
      expect(invited).toMatchObject({ ok: true, value: { operator: { name: 'Anna', state: 'invited' }, invite: { url: expect.stringMatching(/^https:\/\/[\d.]+:47900\/invite\?token=/) } } });
      const list = await engine.dispatch('operators.list', {});
      expect(list.ok && (list.value as { operators: OperatorView[] }).operators.map((o) => [o.name, o.presence])).toEqual([
        ['This desk', 'active'],
        ['Anna', 'offline'],
      ]);
      expect(await engine.dispatch('operators.team', {})).toMatchObject({ ok: true, value: { url: null, fingerprint: null, error: null, settings: { shared: false } } });
    } finally {
      await engine.stop();
    }
  });
});
