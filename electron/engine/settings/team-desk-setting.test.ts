import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { TeamSharingState } from '../../../shared/domain/operators';
import { DEFAULT_TEAM_SETTINGS } from '../../../shared/domain/operators';
import type { Engine } from '../engine';
import { freePort } from '../hub/test/hub-harness';
import { useTempDirs } from '../test-support/temp-dir';
import { testEngine } from '../test-support/test-engine';
import { until } from '../test-support/until';

const tempDir = useTempDirs();
const engines: Engine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
});

/** A desk sharing its hub on loopback; the desk can probe its own hub like any other. */
async function sharingDesk() {
  const dir = tempDir();
  const { engine } = testEngine(dir, { mode: 'electron' });
  engines.push(engine);
  await engine.start();
  const shared = await engine.dispatch('operators.saveTeam', { ...DEFAULT_TEAM_SETTINGS, shared: true, host: '127.0.0.1', port: await freePort() });
  const state = (shared as { ok: true; value: TeamSharingState }).value;
  expect(state.url).not.toBeNull();
  const file = join(dir, 'settings.json');
  const stored = () => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as { teamDesk?: unknown };
  return { engine, url: state.url!, fingerprint: state.fingerprint!, stored };
}

it('refuses to pin a team desk whose certificate is another, with the probe’s words, storing nothing', async () => {
  const { engine, url, fingerprint, stored } = await sharingDesk();
  const pinned = Array.from({ length: 32 }, () => 'AB').join(':');
  expect(await engine.dispatch('settings.update', { teamDesk: { url, fingerprint: pinned } })).toEqual({
    ok: false,
    error: { code: 'conflict', message: `The team desk at ${url} presented certificate ${fingerprint} but you pinned ${pinned}; ask your admin for the current fingerprint.` },
  });
  expect(await engine.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { teamDesk: null } });
  expect(stored().teamDesk ?? null).toBeNull();
});

it('refuses a pin for an address nobody answers at, and an http one, storing nothing', async () => {
  const { engine, fingerprint, stored } = await sharingDesk();
  const nobody = `https://127.0.0.1:${await freePort()}`;
  expect(await engine.dispatch('settings.update', { teamDesk: { url: nobody, fingerprint } })).toMatchObject({
    ok: false,
    error: { code: 'unavailable', message: expect.stringContaining('(connection refused)') },
  });
  expect(await engine.dispatch('settings.update', { teamDesk: { url: nobody.replace('https', 'http'), fingerprint } })).toEqual({
    ok: false,
    error: { code: 'invalid_input', message: 'teamDesk.url: must be an https:// address' },
  });
  expect(stored().teamDesk ?? null).toBeNull();
});

it('stores a pin that probes right (the hub’s origin and its fingerprint as it shows it), announces it, and clears it with null', async () => {
  const { engine, url, fingerprint, stored } = await sharingDesk();
  const changes: unknown[] = [];
  engine.subscribe((events) => changes.push(...events.filter((e) => e.type === 'settings.changed').map((e) => e.payload)));
  const saved = await engine.dispatch('settings.update', { teamDesk: { url: `${url}/some/page`, fingerprint: fingerprint.toLowerCase() } });
  expect(saved).toMatchObject({ ok: true, value: { teamDesk: { url, fingerprint } } });
  expect(stored().teamDesk).toEqual({ url, fingerprint });
  expect(await engine.dispatch('logs.audit', {})).toMatchObject({ ok: true, value: { entries: expect.arrayContaining([expect.objectContaining({ action: 'settings.update', target: 'teamDesk' })]) } });

  expect(await engine.dispatch('settings.update', { teamDesk: null })).toMatchObject({ ok: true, value: { teamDesk: null } });
  expect(stored().teamDesk).toBeNull();
  await until(() => changes.length, (n) => n >= 2, 'both changes to be announced');
  expect(changes).toMatchObject([{ teamDesk: { url, fingerprint } }, { teamDesk: null }]);
});

it('lets only an admin pin a team desk', async () => {
  const { engine, url, fingerprint, stored } = await sharingDesk();
  expect(await engine.dispatch('settings.update', { teamDesk: { url, fingerprint } }, { actor: 'operator:anna', role: 'operator', sessionId: null })).toEqual({
    ok: false,
    error: { code: 'forbidden', message: 'Only an admin of this desk may do that.' },
  });
  expect(stored().teamDesk ?? null).toBeNull();
});

it('refuses a pin in headless mode, where no shell would open the team desk', async () => {
  const dir = tempDir();
  const { engine } = testEngine(dir);
  engines.push(engine);
  await engine.start();
  expect(await engine.dispatch('settings.update', { teamDesk: { url: 'https://127.0.0.1:47900', fingerprint: Array(32).fill('AB').join(':') } })).toEqual({
    ok: false,
    error: { code: 'unavailable', message: 'Only the desktop app connects to a team desk; this desk runs in headless mode.' },
  });
  expect(await engine.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { teamDesk: null } });
});
