import type { Database } from 'better-sqlite3';
import type { Logger } from '../logging/logger';
import type { OutboxItem } from './outbox-port';
import { readRow, toItem } from './outbox-repo';

type Listener = (item: OutboxItem) => void;

/**
 * Who hears of an item's changes: everyone who listens to the outbox, and the domain that asked
 * for it. What happens inside a caller's transaction is told only once that transaction has
 * committed: listeners then read what others can read, and a rolled-back item is never told.
 */
export function announcer(db: Database, log: Logger) {
  const everyone = new Set<Listener>();
  const byDomain = new Map<string, Set<Listener>>();
  let waiting: (() => void)[] = [];

  function tell(listeners: Iterable<Listener>, item: OutboxItem): void {
    for (const listener of listeners) {
      try {
        listener(item);
      } catch (error) {
        log.error({ err: error, outboxId: item.id }, 'an outbox listener failed');
      }
    }
  }

  function flush(): void {
    // A transaction held open across awaits (not better-sqlite3's own) is waited out.
    if (db.inTransaction) {
      setTimeout(flush, 0);
      return;
    }
    const due = waiting;
    waiting = [];
    for (const run of due) run();
  }

  return {
    /** Tells the listeners about the row as stored now; nothing when it is not there (rolled back). */
    notify(id: number): void {
      const row = readRow(db, id);
      if (!row) return;
      const item = toItem(row);
      tell(everyone, item);
      if (item.origin) tell(byDomain.get(item.origin.domain) ?? [], item);
    },

    /** Runs `work` now, or just after the caller's transaction ends when called inside one. */
    afterCommit(work: () => void): void {
      if (!db.inTransaction) return work();
      waiting.push(work);
      if (waiting.length === 1) queueMicrotask(flush);
    },

    onChange(listener: Listener): () => void {
      everyone.add(listener);
      return () => everyone.delete(listener);
    },

    follow(domain: string, listener: Listener): () => void {
      let listeners = byDomain.get(domain);
      if (!listeners) byDomain.set(domain, (listeners = new Set()));
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
