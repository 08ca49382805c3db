import type { LogEntry, LogLevel } from '../../../shared/domain/logs';

const LEVEL_BY_NUMBER: [number, LogLevel][] = [
  [50, 'error'],
  [40, 'warn'],
  [30, 'info'],
  [0, 'debug'],
];

export function levelName(pinoLevel: number): LogLevel {
  return LEVEL_BY_NUMBER.find(([n]) => pinoLevel >= n)![1];
}

/** A log line as stored and shown: pino's record reduced to the fields people filter on. */
export type PendingLogEntry = Omit<LogEntry, 'id'>;

export function toEntry(record: Record<string, unknown>): PendingLogEntry {
  const { level, time, msg, scope, pid: _pid, hostname: _host, ...rest } = record;
  return {
    at: typeof time === 'number' ? time : Date.now(),
    level: levelName(typeof level === 'number' ? level : 30),
    scope: typeof scope === 'string' ? scope : 'engine',
    message: typeof msg === 'string' ? msg : '',
    details: Object.keys(rest).length > 0 ? rest : null,
  };
}
