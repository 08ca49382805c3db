import { mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { Redactor } from './redact';
import { toEntry, type PendingLogEntry } from './log-record';

export type { Logger } from 'pino';

/** Receives every line after redaction. */
export type LogSink = (entry: PendingLogEntry, line: string) => void;

export interface DeskLogging {
  logger: Logger;
  redactor: Redactor;
  addSink(sink: LogSink): () => void;
  close(): Promise<void>;
}

const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * pino writes JSON lines into one router; the router redacts each line once and hands it to
 * the sinks (the log file, the console, the database). Redacting at this single point means
 * no sink, error serializer or child logger can bypass it.
 */
export function createLogging(options: { logDir?: string; level?: string; console?: boolean }): DeskLogging {
  const redactor = new Redactor();
  const sinks = new Set<LogSink>();
  const file = options.logDir ? openLogFile(options.logDir) : null;

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
      file?.write(`${line}\n`);
      const entry = toEntry(clean);
      if (options.console) writeConsole(entry);
      for (const sink of sinks) sink(entry, line);
    },
  };

  const logger = pino({ level: options.level ?? 'info', base: undefined }, router);
  return {
    logger,
    redactor,
    addSink(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    close: () =>
      new Promise<void>((resolve) => {
        sinks.clear();
        if (!file) return resolve();
        file.flushSync();
        file.once('close', () => resolve());
        file.end();
      }),
  };
}

function openLogFile(dir: string) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'desk.log');
  try {
    if (statSync(path).size > MAX_FILE_BYTES) renameSync(path, `${path}.1`);
  } catch {
    // No file yet.
  }
  return pino.destination({ dest: path, sync: true, mkdir: true });
}

function writeConsole(entry: PendingLogEntry): void {
  if (entry.level === 'debug') return;
  const time = new Date(entry.at).toISOString().slice(11, 19);
  const line = `${time} ${entry.level.toUpperCase().padEnd(5)} [${entry.scope}] ${entry.message}`;
  (entry.level === 'error' || entry.level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}
