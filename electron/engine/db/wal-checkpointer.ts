import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface WalCheckpointer {
  /** Ends the thread after the checkpoint it may be running; the WAL keeps whatever is left for the next start. */
  stop(): Promise<void>;
}

export interface WalCheckpointerOptions {
  /** How often the thread looks at the WAL's size. */
  everyMs?: number;
  /** A WAL smaller than this is left alone (an idle desk does no work). */
  minWalBytes?: number;
}

/**
 * The thread's own code: a second connection that copies committed pages from the WAL into the
 * database file (PASSIVE: it never waits for, or blocks, the engine's writes) whenever the WAL
 * has grown. CommonJS evaluated as is, so it needs no bundle entry of its own.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const walSize = () => { try { return statSync(workerData.path + '-wal').size; } catch { return 0; } };
const timer = setInterval(() => {
  if (walSize() < workerData.minWalBytes) return;
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage({ failed: String(error && error.message || error) }); }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * Checkpoints the store's WAL on a thread of its own. Done by the engine's connection, each
 * checkpoint copied and synced megabytes in the middle of message ingest on the engine's one
 * thread: a quarter of ingest time under a burst. Here it runs on the other core, and the
 * engine's connection keeps a far larger automatic checkpoint only as a safety net.
 */
export function startWalCheckpointer(path: string, onFailure: (message: string) => void, options: WalCheckpointerOptions = {}): WalCheckpointer {
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: {
      path,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      everyMs: options.everyMs ?? 250,
      minWalBytes: options.minWalBytes ?? 4 * 1024 * 1024,
    },
  });
  worker.on('message', (message: { failed: string }) => onFailure(message.failed));
  worker.on('error', (error) => onFailure(error.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      await exited;
    },
  };
}
