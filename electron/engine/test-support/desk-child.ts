import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { EngineChildDomains, EngineChildReport } from './engine-child';

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
  return function startDesk(dataDir: string, run: number, mode: 'traffic' | 'quiet', domains: EngineChildDomains = 'desk') {
    const child = fork(CHILD, [dataDir, String(run), mode, domains], { execArgv: ['--import', 'jiti/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    const state = { ready: false, wrote: 0 };
    child.on('message', (report: EngineChildReport) => {
      if (report.type === 'ready') state.ready = true;
      else state.wrote = report.count;
    });
    return { child, state, exited: once(child, 'exit') };
  };
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
