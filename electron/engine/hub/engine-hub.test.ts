import { type X509Certificate } from 'node:crypto';
import { connect } from 'node:tls';
import { afterEach, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract/index';
import { DEFAULT_TEAM_SETTINGS } from '../../../shared/domain/operators';
import type { Engine } from '../engine';
import { writeTeamSettings } from '../operators/team-settings-repo';
import { testEngine } from '../test-support/test-engine';
import { useTempDirs } from '../test-support/temp-dir';
import { until } from '../test-support/until';

const tempDir = useTempDirs();
const engines: Engine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
});

function peerFingerprint(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      resolve((socket.getPeerX509Certificate() as X509Certificate).fingerprint256);
      socket.end();
    });
    socket.on('error', reject);
  });
}

/** A desk engine made but not started, so a test hears everything from its start on. */
function madeEngine() {
  const made = testEngine(tempDir());
  engines.push(made.engine);
  return made;
}

it('the engine starts the hub as the saved team settings say, and stops it when it stops', async () => {
  const started = madeEngine();
  const { engine, clock } = started;
  const changes: EventPayload<'operators.teamChanged'>[] = [];
  engine.subscribe((events) => {
    for (const event of events) if (event.type === 'operators.teamChanged') changes.push(event.payload);
  });
  await engine.start();
  await until(() => changes.length, (n) => n >= 1, 'the hub to say where it stands');
  expect(changes[0]).toMatchObject({ url: null, fingerprint: null, settings: DEFAULT_TEAM_SETTINGS });

  writeTeamSettings(engine.db, { ...DEFAULT_TEAM_SETTINGS, shared: true, host: '127.0.0.1', port: 0 }, clock.now());
  await engine.stop();
  await engine.start();
  const shared = await until(() => changes.at(-1)!, (state) => state.url !== null, 'the hub to listen');
  expect(await peerFingerprint(shared.url!)).toBe(shared.fingerprint);

  await engine.stop();
  await expect(peerFingerprint(shared.url!)).rejects.toThrow(/ECONNREFUSED/);
});
