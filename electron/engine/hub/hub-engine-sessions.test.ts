import { afterEach, expect, it } from 'vitest';
import type { OperatorView, TeamSharingState } from '../../../shared/domain/operators';
import type { Engine } from '../engine';
import { SESSION_ENDED_CLOSE } from '../headless/ws-transport';
import { testEngine, valueOf } from '../test-support/test-engine';
import { useTempDirs } from '../test-support/temp-dir';
import { cookieFrom, fetchHub, freePort, openWindow } from './test/hub-harness';

const tempDir = useTempDirs();
let engine: Engine | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
});

/** A desk sharing with its team on loopback, and a window of a freshly invited operator. */
async function operatorWindow() {
  engine = testEngine(tempDir()).engine;
  await engine.start();
  const desk = engine;
  const team = await valueOf<TeamSharingState>(
    desk.dispatch('operators.saveTeam', { shared: true, host: '127.0.0.1', port: await freePort(), sessionHours: 12, returnAfterMinutes: 60, operatorsMayReassign: false }),
  );
  const base = team.url!;
  const ca = desk.db.prepare('SELECT certificate FROM hub_certificate').pluck().get() as string;
  const { operator, invite } = await valueOf<{ operator: OperatorView; invite: { url: string } }>(
    desk.dispatch('operators.invite', { name: 'Dana', role: 'operator', capacity: 5, senders: [] }),
  );
  expect(invite.url.startsWith(`${base}/invite?token=`)).toBe(true);
  const token = new URL(invite.url).searchParams.get('token')!;
  const password = 'a long password for Dana';
  const accepted = await fetchHub(base, '/invite', ca, { form: { token, password, repeat: password }, headers: { Origin: base } });
  const cookie = cookieFrom(accepted);
  const window = openWindow(base, ca, { Cookie: cookie, Origin: base });
  expect(await window.opened).toBe('open');
  return { desk, operator, window, base, ca, cookie };
}

const endedWith = (window: ReturnType<typeof openWindow>) =>
  window.messages.flatMap((m) => (m.kind === 'events' ? m.events.filter((e) => e.type === 'operators.sessionEnded').map((e) => e.payload) : []));

it('a window’s calls are its operator’s, and the operators.signOut call ends its session and closes its socket', async () => {
  const { operator, window, base, ca, cookie } = await operatorWindow();
  expect(await window.call('operators.me')).toMatchObject({ ok: true, value: { operator: { id: operator.id, name: 'Dana' } } });
  expect(await window.call('operators.invite', { name: 'Eve', role: 'operator', capacity: 1, senders: [] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await window.call('operators.signOut')).toEqual({ ok: true, value: { signedOut: true } });
  expect(await window.closed).toBe(SESSION_ENDED_CLOSE);
  expect(endedWith(window)).toEqual([{ reason: 'signed_out' }]);
  expect((await fetchHub(base, '/', ca, { headers: { Cookie: cookie } })).status).toBe(401);
});

it('removing an operator while signed in closes their window with the reason', async () => {
  const { desk, operator, window } = await operatorWindow();
  await valueOf(desk.dispatch('operators.remove', { id: operator.id, confirm: true }));
  expect(await window.closed).toBe(SESSION_ENDED_CLOSE);
  expect(endedWith(window)).toEqual([{ reason: 'removed' }]);
});
