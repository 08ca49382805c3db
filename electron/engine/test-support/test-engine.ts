import type { CallResult } from '../../../shared/contract/index';
import { join } from 'node:path';
import { createEngine, type EngineOptions } from '../engine';
import { manualClock } from '../platform/clock';
import { fileSecretKeyProvider, HEADLESS_KEY_FILE } from '../secrets/secret-key';
import { jsonFileSettingsStore } from '../settings/json-file-settings';

/** An engine on a real SQLite file in `dataDir`, with a manual clock and no console output. */
export function testEngine(dataDir: string, overrides: Partial<EngineOptions> = {}) {
  const clock = manualClock(Date.UTC(2026, 10, 21, 9, 0, 0));
  const notified: { title: string; body: string }[] = [];
  const engine = createEngine({
    dataDir,
    secretKeys: fileSecretKeyProvider(join(dataDir, HEADLESS_KEY_FILE)),
    clock,
    notifier: { notify: (n) => (notified.push(n), true) },
    settingsStore: jsonFileSettingsStore(join(dataDir, 'settings.json')),
    mode: 'headless',
    version: '0.0.0-test',
    logLevel: 'debug',
    ...overrides,
  });
  return { engine, clock, notified };
}

/** What a call answered, or the engine's message thrown as an error (set-up steps that must succeed). */
export async function valueOf<T>(result: Promise<CallResult<unknown>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as T;
}
