export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogEntry {
  id: number;
  /** Milliseconds since the epoch. */
  at: number;
  level: LogLevel;
  /** The part of the engine that wrote it, e.g. `db`, `headless`. */
  scope: string;
  message: string;
  /** Extra structured fields, already redacted. */
  details: Record<string, unknown> | null;
}

export interface AuditEntry {
  id: number;
  at: number;
  /** Who did it: an operator id such as `operator:local`, or `system`. */
  actor: string;
  /** The operator's name (kept after they were removed); null for `system`. */
  actorName: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
}

export interface CsvFile {
  filename: string;
  content: string;
}
