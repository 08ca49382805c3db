import pino, { type Logger } from 'pino';
import type { DiskGuard } from '../platform/disk-guard';
import { openLogFile } from './log-file';
import { Redactor } from './redact';
import { toEntry, type PendingLogEntry } from './log-record';

export type { Logger } from 'pino';

/** Receives every line after redaction. */
export type LogSink = (entry: PendingLogEntry, line: string) => void;

export interface DeskLogging {
  logger: Logger;
  redactor: Redactor;
  addSink(sink: LogSink): () => void;
  /** Also writes lines to `<dir>/desk.log` until the returned function is called; a full disk is told to `disk`. */
  openFile(dir: string, disk: DiskGuard): () => void;
}


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
    openFile(dir, disk) {
      const file = openLogFile(dir, disk);
      const remove = addSink((_entry, line) => file.write(line));
      return () => {
        remove();
        file.close();
      };
    },
  };
}

function writeConsole(entry: PendingLogEntry): void {
  if (entry.level === 'debug') return;
  const time = new Date(entry.at).toISOString().slice(11, 19);
  const line = `${time} ${entry.level.toUpperCase().padEnd(5)} [${entry.scope}] ${entry.message}`;
  const stream = entry.level === 'error' || entry.level === 'warn' ? process.stderr : process.stdout;
  if (consoleOpen(stream)) stream.write(`${line}\n`);
}

const watchedConsoles = new WeakSet<NodeJS.WriteStream>();
const closedConsoles = new WeakSet<NodeJS.WriteStream>();

/**
 * A console nobody reads any more (the terminal closed, the program that started us died) fails
 * every write with EPIPE. Unwatched, that error is an uncaught exception, which is logged, which
 * writes to the console again: a loop that fills the disk with log lines and starves the process.
 * So the first failure closes that console for good; the log file and the database keep the lines.
 */
function consoleOpen(stream: NodeJS.WriteStream): boolean {
  if (!watchedConsoles.has(stream)) {
    watchedConsoles.add(stream);
    stream.on('error', () => closedConsoles.add(stream));
  }
  return !closedConsoles.has(stream) && !stream.destroyed;
}
