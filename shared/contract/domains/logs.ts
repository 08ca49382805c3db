import { z } from 'zod';
import { call, domain } from '../define';
import { LOG_LEVELS, type AuditEntry, type CsvFile, type LogEntry } from '../../domain/logs';

const text = z.string().max(500).optional();

export const logFilterSchema = z
  .object({
    /** The lowest level shown: `warn` shows warnings and errors. */
    minLevel: z.enum(LOG_LEVELS).optional(),
    text,
  })
  .strict();

const page = {
  limit: z.number().int().min(1).max(1000).default(200),
  /** Return entries older than this id (for paging back). */
  beforeId: z.number().int().positive().optional(),
};

export const auditFilterSchema = z.object({ text }).strict();

export const logs = domain({
  list: call(logFilterSchema.extend(page).strict()).returns<{ entries: LogEntry[]; hasMore: boolean }>(),
  audit: call(auditFilterSchema.extend(page).strict()).returns<{ entries: AuditEntry[]; hasMore: boolean }>(),
  exportLogsCsv: call(logFilterSchema).returns<CsvFile>(),
  exportAuditCsv: call(auditFilterSchema).returns<CsvFile>(),
}).events<{
  /** New log lines, for a live tail. */
  appended: { entries: LogEntry[] };
  /** New audit records, so the Audit tab is live too. */
  auditAppended: { entries: AuditEntry[] };
}>();
