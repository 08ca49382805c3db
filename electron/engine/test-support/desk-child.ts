import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { EngineChildDomains, EngineChildReport } from './engine-child';
import { until } from './until';

const CHILD = fileURLToPath(new URL('./engine-child.ts', import.meta.url));

/**
 * Starts desk engines in child processes (engine-child.ts) for the kill -9 tests; whatever a
 * failed test leaves running is killed after it.
 */
export function useDeskChildren() {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  function startDesk(dataDir: string, run: number, mode: 'traffic' | 'quiet', domains: EngineChildDomains = 'desk') {
    const child = fork(CHILD, [dataDir, String(run), mode, domains], { execArgv: ['--import', 'jiti/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    const state = { ready: false, wrote: 0 };
    child.on('message', (report: EngineChildReport) => {
      if (report.type === 'ready') state.ready = true;
      else state.wrote = report.count;
    });
    return { child, state, exited: once(child, 'exit') };
  }

  /**
   * Starts the desk `kills` times under traffic and kills each with SIGKILL at a moment drawn
   * afresh (after 1 to 30 writes the sandbox accepted, mid-traffic); returns each run's writes.
   */
  async function killUnderTraffic(dataDir: string, kills: number, domains: EngineChildDomains = 'desk'): Promise<number[]> {
    const written: number[] = [];
    for (let run = 0; run < kills; run++) {
      const desk = startDesk(dataDir, run, 'traffic', domains);
      await until(() => desk.state.ready || desk.child.exitCode !== null, Boolean, `run ${run} of the desk to be ready`, 30_000);
      if (desk.child.exitCode !== null) throw new Error(`The desk exited with ${desk.child.exitCode} before it was ready (run ${run}).`);
      const killAfter = 1 + Math.floor(Math.random() * 30);
      await until(() => desk.state.wrote >= killAfter, Boolean, `run ${run} to write ${killAfter} messages`, 20_000);
      desk.child.kill('SIGKILL');
      await desk.exited;
      written.push(desk.state.wrote);
    }
    return written;
  }

  return { startDesk, killUnderTraffic };
}

/** Reads with its own connection and closes it: the desk (or the sandbox) may be writing meanwhile. */
export function readOnly<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
