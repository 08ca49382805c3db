import type { DomainHandlers } from '../../../shared/contract/index';
import type { AuditEntry, LogEntry } from '../../../shared/domain/logs';
import { iterateAudit, queryAudit } from '../audit/audit-repo';
import type { CallContext } from '../contract/dispatcher';
import { csvFilename, toCsv } from '../csv/to-csv';
import type { EngineContext } from '../engine-context';
import { iterateLogEntries, queryLogEntries } from './log-repo';

const iso = (at: number) => new Date(at).toISOString();

export function logsHandlers(ctx: EngineContext): DomainHandlers<'logs', CallContext> {
  return {
    'logs.list': (query) => queryLogEntries(ctx.db(), query),
    'logs.audit': (query) => queryAudit(ctx.db(), query),
    'logs.exportLogsCsv': (filter, call) => {
      const content = toCsv<LogEntry>(
        [
          { header: 'time', value: (e) => iso(e.at) },
          { header: 'level', value: (e) => e.level },
          { header: 'scope', value: (e) => e.scope },
          { header: 'message', value: (e) => e.message },
          { header: 'details', value: (e) => e.details },
        ],
        iterateLogEntries(ctx.db(), filter),
      );
      ctx.audit({ actor: call.actor, action: 'logs.export', target: 'logs', details: { ...filter } });
      return { filename: csvFilename('desk-logs', ctx.clock.now()), content };
    },
    'logs.exportAuditCsv': (filter, call) => {
      const content = toCsv<AuditEntry>(
        [
          { header: 'time', value: (e) => iso(e.at) },
          { header: 'actor', value: (e) => e.actor },
          { header: 'actor_name', value: (e) => e.actorName },
          { header: 'action', value: (e) => e.action },
          { header: 'target', value: (e) => e.target },
          { header: 'details', value: (e) => e.details },
        ],
        iterateAudit(ctx.db(), filter),
      );
      ctx.audit({ actor: call.actor, action: 'logs.export', target: 'audit', details: { ...filter } });
      return { filename: csvFilename('desk-audit', ctx.clock.now()), content };
    },
  };
}
