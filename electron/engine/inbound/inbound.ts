import type { Database } from 'better-sqlite3';
import type { InboundChanges } from '../telegram/inbound/types';

/** Which account or bot the updates came through. */
export interface InboundSource {
  kind: 'account' | 'bot';
  id: number;
}

/**
 * Everything one committed step of an update sequence brings (a getUpdates page, a webhook
 * delivery, an MTProto update or difference page), translated to plain values.
 */
export interface InboundBatch extends InboundChanges {
  source: InboundSource;
}

export interface InboundContext {
  db: Database;
  now: number;
  /** Runs once the transaction has committed (announce to the window, wake a lane); never inside it. */
  afterCommit(run: () => void): void;
}

/**
 * A domain's view of incoming updates. Consumers run in list order inside the one transaction
 * that also moves the bot's offset or the account's pts, so what they write and the position
 * commit together: after a crash an update is either wholly applied or delivered again.
 */
export interface InboundConsumer {
  name: string;
  /**
   * The update is not done until this consumer has taken it: any failure rolls the whole update
   * back to come again (the inbox, the record of every message, must lose nothing). Without it,
   * a failure other than storage sets the batch aside in inbound_failures and the update goes on.
   */
  mustSucceed?: boolean;
  /**
   * Synchronous on purpose: it runs inside a better-sqlite3 transaction. Returns the batch the
   * next consumers see (a bot flow takes the messages it owns out of the inbox's way), or
   * nothing to pass it on unchanged.
   */
  consume(batch: InboundBatch, ctx: InboundContext): InboundBatch | void;
}
