import { LOG_LEVELS, type AuditEntry, type LogEntry, type LogLevel } from '../../../../shared/domain/logs';

export interface LogFilter {
  minLevel: LogLevel;
  text: string;
}

/** Mirrors the engine's filter for entries that arrive live, so the tail obeys the filters. */
export function matchesLogFilter(entry: LogEntry, filter: LogFilter): boolean {
  if (LOG_LEVELS.indexOf(entry.level) < LOG_LEVELS.indexOf(filter.minLevel)) return false;
  const needle = filter.text.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [entry.message, entry.scope, entry.details ? JSON.stringify(entry.details) : '']
    .join('\n')
    .toLowerCase();
  return haystack.includes(needle);
}

/** The audit filter, for records that arrive live (actor, action, target, details). */
export function matchesAuditText(entry: AuditEntry, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [entry.actor, entry.action, entry.target ?? '', entry.details ? JSON.stringify(entry.details) : '']
    .join('\n')
    .toLowerCase()
    .includes(needle);
}

/** The engine's input: empty text is left out rather than sent as "". */
export function logQuery(filter: LogFilter): { minLevel: LogLevel; text?: string } {
  const text = filter.text.trim();
  return text ? { minLevel: filter.minLevel, text } : { minLevel: filter.minLevel };
}

export function auditQuery(text: string): { text?: string } {
  const trimmed = text.trim();
  return trimmed ? { text: trimmed } : {};
}
