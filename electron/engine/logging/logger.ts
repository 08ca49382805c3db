import { renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../platform/private-files';
import { Redactor } from './redact';
import { toEntry, type PendingLogEntry } from './log-record';

export type { Logger } from 'pino';

/** Receives every line after redaction. */
export type LogSink = (entry: PendingLogEntry, line: string) => void;

export interface DeskLogging {
  logger: Logger;
  redactor: Redactor;
  addSink(sink: LogSink): () => void;
  /** Also writes lines to `<dir>/desk.log` until the returned function is called. */
  openFile(dir: string): () => Promise<void>;
}

const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * pino writes JSON lines into one router; the router redacts each line once and hands it to
 * the sinks (the log file, the console, the database). Redacting at this single point means
 * no sink, error serializer or child logger can bypass it. The logger outlives engine
 * restarts; only its file and database sinks change with the workspace.
 */
export function createLogging(options: { level?: string; console?: boolean }): DeskLogging {
  const redactor = new Redactor();
  const sinks = new Set<LogSink>();

  const router = {
    write(raw: string) {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        record = { level: 30, time: Date.now(), msg: raw };
      }
      const clean = redactor.value(record) as Record<string, unknown>;
      const line = JSON.stringify(clean);
      const entry = toEntry(clean);
      if (options.console) writeConsole(entry);
      for (const sink of sinks) sink(entry, line);
    },
  };

  const addSink = (sink: LogSink) => {
    sinks.add(sink);
    return () => void sinks.delete(sink);
  };

  return {
    logger: pino({ level: options.level ?? 'info', base: undefined }, router),
    redactor,
    addSink,
    openFile(dir) {
      const file = openLogFile(dir);
      const remove = addSink((_entry, line) => file.write(`${line}\n`));
      return () =>
        new Promise<void>((resolve) => {
          remove();
          file.flushSync();
          file.once('close', () => resolve());
          file.end();
        });
    },
  };
}

function openLogFile(dir: string) {
  makePrivateDir(dir);
  const path = join(dir, 'desk.log');
  try {
    if (statSync(path).size > MAX_FILE_BYTES) renameSync(path, `${path}.1`);
  } catch {
    // No file yet.
  }
  return pino.destination({ dest: path, sync: true, mode: PRIVATE_FILE_MODE });
}
function writeConsole(entry: PendingLogEntry): void {
  if (entry.level === 'debug') return;
  const time = new Date(entry.at).toISOString().slice(11, 19);
  const line = `${time} ${entry.level.toUpperCase().padEnd(5)} [${entry.scope}] ${entry.message}`;
  (entry.level === 'error' || entry.level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}
