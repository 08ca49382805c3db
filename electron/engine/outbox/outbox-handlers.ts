import type { Database } from 'better-sqlite3';
import type { DomainHandlers } from '../../../shared/contract/index';
import { DeskError } from '../../../shared/contract/result';
import type { AuditRecord } from '../audit/audit-repo';
import type { CallContext } from '../contract/dispatcher';
import type { EventBus } from '../contract/event-bus';
import type { OutboxControl } from './outbox-port';

export interface OutboxHandlerDeps {
  db: Database;
  outbox: OutboxControl;
  audit(record: AuditRecord): void;
}

/** The operator's side of the outbox: benches to lift and daily caps to set, both audited. */
export function outboxHandlers({ db, outbox, audit }: OutboxHandlerDeps): DomainHandlers<'outbox', CallContext> {
  const needAccount = (id: number) => {
    if (!db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(id)) throw new DeskError('not_found', `There is no account ${id}.`);
  };
  return {
    'outbox.benches': () => ({ benches: outbox.benches() }),
    'outbox.unbench': ({ accountId }, call) => {
      const lifted = outbox.unbench(accountId);
      audit({ actor: call.actor, action: 'outbox.unbench', target: `account:${accountId}`, details: { benchedSince: lifted.since, reason: lifted.reason, waiting: lifted.waiting } });
      return { lifted };
    },
    'outbox.dailyCaps': ({ accountId }) => {
      needAccount(accountId);
      return { caps: outbox.dailyCaps(accountId) };
    },
    'outbox.setDailyCap': ({ accountId, action, cap }, call) => {
      needAccount(accountId);
      const caps = outbox.setDailyCap(accountId, action, cap === 'default' ? undefined : cap);
      audit({ actor: call.actor, action: 'outbox.setDailyCap', target: `account:${accountId}`, details: { action, cap } });
      return { caps };
    },
  };
}

/** Tells the window when an account is benched, what it holds back, and when the bench lifts. */
export function announceBenches(outbox: OutboxControl, events: EventBus): () => void {
  return outbox.onBenchChange((accountId, bench) => events.emit({ type: 'outbox.benchChanged', payload: { accountId, bench } }));
}
