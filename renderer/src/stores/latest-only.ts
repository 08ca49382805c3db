/** Whether a request's answer may still be written: false once a newer request began. */
export type Ticket = () => boolean;

/**
 * The one "discard stale answers" rule of the stores: when the operator changes a filter,
 * opens another chat or types on, an answer to the earlier request may arrive after the newer
 * one's and must not overwrite it.
 */
export interface LatestOnly {
  /** A new request: every ticket handed out before goes stale. */
  next(): Ticket;
  /** A follow-up of the current request (its next page): stale as soon as a new one begins. */
  current(): Ticket;
  /** Makes every ticket out now stale (what they were asked for is gone). */
  discard(): void;
}

export function latestOnly(): LatestOnly {
  let generation = 0;
  const ticket = (mine: number): Ticket => () => mine === generation;
  return {
    next: () => ticket(++generation),
    current: () => ticket(generation),
    discard() {
      generation++;
    },
  };
}

/** The same rule kept apart per key (one upload per conversation): a key's request stales only that key's tickets. */
export interface LatestOnlyPer<K> {
  next(key: K): Ticket;
  discard(key: K): void;
}

export function latestOnlyPer<K>(): LatestOnlyPer<K> {
  const byKey = new Map<K, LatestOnly>();
  return {
    next(key) {
      let requests = byKey.get(key);
      if (!requests) byKey.set(key, (requests = latestOnly()));
      return requests.next();
    },
    discard(key) {
      byKey.get(key)?.discard();
      byKey.delete(key);
    },
  };
}
