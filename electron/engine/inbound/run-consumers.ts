import type { Database } from 'better-sqlite3';
import type { Logger } from '../logging/logger';
import { isStorageFailure } from '../db/storage-failure';
import type { InboundBatch, InboundConsumer, InboundContext } from './inbound';
import { recordInboundFailure } from './inbound-failures';

/** What the update paths (an account's sync, a bot's polling and webhook) are given by the engine. */
export interface InboundPipeline {
  /** Read on every batch, so the list the engine hands over may grow after the connections start. */
  consumers(): readonly InboundConsumer[];
  logger: Logger;
}

/** The part of a batch's work that waits for the commit; call it once the transaction has committed. */
export type AfterCommit = () => void;

/**
 * Hands one batch to every consumer in order. Call it INSIDE the transaction that moves the
 * account's pts or the bot's offset, so what consumers write commits with the position.
 *
 * Each consumer runs in its own savepoint. When one throws:
 * - a storage failure (disk full, database busy) is rethrown: the whole transaction rolls back,
 *   the position does not move, and the update is fetched or delivered again later;
 * - so does any failure of a consumer that must succeed (the inbox);
 * - any other error (a bug, bad data) rolls back only that consumer's savepoint and its
 *   after-commit work; the batch it was given is kept in `inbound_failures` with the error, and
 *   the next consumers see that same batch. One broken domain neither loses an update silently
 *   nor stalls a bot or account on it forever.
 */
export function runConsumers(db: Database, pipeline: InboundPipeline, batch: InboundBatch, now: number): AfterCommit {
  // Outside a transaction each savepoint would commit alone, apart from the position.
  if (!db.inTransaction) throw new Error('runConsumers runs inside the transaction that moves the pts or offset.');
  const pending: AfterCommit[] = [];
  let current = batch;
  for (const consumer of pipeline.consumers()) {
    const own: AfterCommit[] = [];
    const ctx: InboundContext = { db, now, afterCommit: (run) => void own.push(run) };
    try {
      current = db.transaction(() => consumer.consume(current, ctx) ?? current)();
      pending.push(...own);
    } catch (error) {
      if (consumer.mustSucceed || isStorageFailure(error)) throw error;
      pipeline.logger.error({ scope: 'inbound', consumer: consumer.name, source: current.source, err: error }, 'an inbound consumer failed; its part was rolled back and the batch kept in inbound_failures');
      recordInboundFailure(db, { consumer: consumer.name, batch: current, error, now });
    }
  }
  return () => {
    for (const run of pending) {
      try {
        run();
      } catch (error) {
        pipeline.logger.error({ scope: 'inbound', err: error }, 'work after an inbound commit failed');
      }
    }
  };
}
