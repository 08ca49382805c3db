import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements';
import type { InboundBatch } from './inbound';

/** Keeps a batch a consumer could not take, with why, so it can be looked at and replayed rather than lost. */
export function recordInboundFailure(db: Database, failure: { consumer: string; batch: InboundBatch; error: unknown; now: number }): void {
  const { consumer, batch, error, now } = failure;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  cachedStatement(db, 'INSERT INTO inbound_failures (consumer, source_kind, source_id, batch, error, failed_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    consumer,
    batch.source.kind,
    batch.source.id,
    JSON.stringify(batch),
    reason,
    now,
  );
}
