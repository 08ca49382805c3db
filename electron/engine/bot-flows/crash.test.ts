import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { useTempDirs } from '../test-support/temp-dir';
import { until } from '../test-support/until';
import type { FlowChildReport } from './test/flow-child';
import { openFlowsDatabase, pingLog, queued } from './test/flows-harness';

const tempDir = useTempDirs();
const CHILD = fileURLToPath(new URL('./test/flow-child.ts', import.meta.url));
const KILLS = 10;
const UPDATES = 300;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function startChild(dataDir: string) {
  const child = fork(CHILD, [dataDir, String(UPDATES)], { execArgv: ['--import', 'jiti/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const seen: FlowChildReport[] = [];
  child.on('message', (report: FlowChildReport) => seen.push(report));
  return { child, seen, exited: once(child, 'exit') };
}

it(`${KILLS} kill -9s while a bot's commands are handled: each command's effect and reply happen exactly once`, async () => {
  const dataDir = tempDir();
  let redeliveredAndSkipped = 0;
  for (let run = 0; run < KILLS; run++) {
    const desk = startChild(dataDir);
    const killAfter = 1 + Math.floor(Math.random() * 20);
    await until(() => desk.seen.length, (count) => count >= killAfter || desk.child.exitCode !== null, 'the child to handle some updates', 30_000);
    desk.child.kill('SIGKILL');
    await desk.exited;
    if (desk.seen[0]?.outcome === 'skipped') redeliveredAndSkipped++;
  }
  const last = startChild(dataDir);
  const [code] = await last.exited;
  expect(code).toBe(0);

  const db = openFlowsDatabase(dataDir);
  const ids = Array.from({ length: UPDATES }, (_, i) => i + 1);
  expect(pingLog(db)).toEqual(ids.map((id) => `ping ${id}`));
  expect(queued(db).map((a) => a.ref)).toEqual(ids.map((id) => `user:501:${id}`));
  expect(db.prepare('SELECT update_offset FROM bots WHERE id = 1').pluck().get()).toBe(UPDATES + 1);
  // Every restart but the first began by delivering the last committed update again.
  expect(redeliveredAndSkipped).toBeGreaterThanOrEqual(KILLS - 1);
  db.close();
}, 180_000);
