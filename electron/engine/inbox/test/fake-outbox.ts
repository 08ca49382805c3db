import type { EnqueueInput, Outbox, OutboxItem } from '../../outbox/outbox-port';

/** An outbox that sends nothing: a test moves its items through states by hand. */
export function fakeOutbox() {
  const items = new Map<number, OutboxItem>();
  const listeners = new Set<(item: OutboxItem) => void>();
  const enqueued: EnqueueInput[] = [];
  let next = 1;
  const change = (id: number, patch: Partial<OutboxItem>): OutboxItem => {
    const item = { ...items.get(id)!, ...patch };
    items.set(id, item);
    for (const listener of listeners) listener(item);
    return item;
  };
  const outbox: Outbox = {
    enqueue(input) {
      enqueued.push(input);
      const item: OutboxItem = { id: next++, sender: input.sender, conversationId: input.conversationId, payload: input.payload, delivery: { state: 'queued' }, attempts: 0, telegramMessageId: null, sentAt: null };
      items.set(item.id, item);
      return item;
    },
    retry: (id) => change(id, { delivery: { state: 'queued' } }),
    cancel: (id) => change(id, { delivery: { state: 'cancelled' } }),
    item: (id) => items.get(id) ?? null,
    resume: () => undefined,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: async () => undefined,
    stop: async () => undefined,
  };
  return { outbox, enqueued, change, listeners };
}
