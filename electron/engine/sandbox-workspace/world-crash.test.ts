import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Api as BotApi } from 'grammy';
import { afterEach, expect, it } from 'vitest';
import { waitFor } from '../telegram/sandbox/bot-api/test/harness';
import { useTempDirs } from '../test-support/temp-dir';
import type { WorldChildReport } from './test/world-child';

const tempDir = useTempDirs();
const children: ChildProcess[] = [];
afterEach(() => {
  // A failed run leaves no child behind.
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
const CHILD = fileURLToPath(new URL('./test/world-child.ts', import.meta.url));
const KILLS = 4;

/** Every id the parent saw, with the one thing it named: an id that names two things was reused. */
class IdLedger {
  private readonly named = new Map<string, string>();
  readonly reused: string[] = [];

  note(id: string, thing: string): void {
    const before = this.named.get(id);
    if (before === undefined) this.named.set(id, thing);
    else if (before !== thing) this.reused.push(`${id} named "${before}", then "${thing}"`);
  }
}

it('a sandbox world killed with SIGKILL under traffic never hands out an id again after its restart', async () => {
  const dir = tempDir();
  const ledger = new IdLedger();

  for (let run = 0; run <= KILLS; run++) {
    const child = fork(CHILD, [dir, String(run)], { execArgv: ['--import', 'jiti/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    const exited = once(child, 'exit');
    let seen = 0;
    let polled = 0;
    let ready: Extract<WorldChildReport, { type: 'ready' }> | null = null;
    child.on('message', (report: WorldChildReport) => {
      if (report.type === 'ready') ready = report;
      if (report.type !== 'message') return;
      seen++;
      ledger.note(`uid ${report.uid}`, report.text);
      for (const [viewer, id] of report.boxIds) ledger.note(`user ${viewer} message ${id}`, report.text);
      ledger.note(`person ${report.sender.id}`, report.sender.name);
    });
    const started = await waitFor(() => ready ?? undefined, 20_000);
    // The desk's side of the bot: long polling over HTTP, as grammY does, noting each update_id.
    const api = new BotApi(started.botToken, { apiRoot: started.botApiRoot });
    const polling = (async () => {
      let offset = 0;
      while (child.exitCode === null && child.signalCode === null) {
        const updates = await api.getUpdates({ offset, timeout: 1 }).catch(() => []);
        for (const update of updates) {
          ledger.note(`update ${update.update_id}`, update.message?.text ?? '?');
          ledger.note(`bot message ${update.message?.message_id}`, update.message?.text ?? '?');
          polled++;
          offset = update.update_id + 1;
        }
      }
    })();
    // Killed at a moment drawn afresh each run, while people write and the bot polls.
    const killAfter = 50 + Math.floor(Math.random() * 200);
    await waitFor(() => (seen >= killAfter && polled > 0 ? true : undefined), 20_000);
    child.kill('SIGKILL');
    await exited;
    await polling;
  }
  expect(ledger.reused).toEqual([]);
}, 60_000);
