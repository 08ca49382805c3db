import type { EnqueueInput, Outbox, OutboxItem, OutboxPayload } from '../../outbox/outbox-port';

/** The inbox enqueues only message payloads (text, media). */
type MessageEnqueue = EnqueueInput & { payload: OutboxPayload };

/** An outbox that sends nothing: a test moves its items through states by hand. */
export function fakeOutbox() {
  const items = new Map<number, OutboxItem>();
  const listeners = new Set<(item: OutboxItem) => void>();
  const enqueued: MessageEnqueue[] = [];
  let next = 1;
  const change = (id: number, patch: Partial<OutboxItem>): OutboxItem => {
    const item = { ...items.get(id)!, ...patch };
    items.set(id, item);
    for (const listener of listeners) listener(item);
    return item;
  };
  const outbox: Outbox = {
    enqueue(input) {
      enqueued.push(input as MessageEnqueue);
      const kind = input.kind ?? (input.payload as OutboxPayload).kind;
      const item: OutboxItem = {
        id: next++,
        sender: input.sender,
        kind,
        origin: input.origin ?? null,
        conversationId: input.conversationId ?? null,
        payload: input.payload,
        delivery: { state: 'queued' },
        attempts: 0,
        telegramMessageId: null,
        sentAt: null,
        result: null,
      };
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
    follow: () => () => undefined,
    itemsByOrigin: () => [],
    start: async () => undefined,
    stop: async () => undefined,
  };
  return { outbox, enqueued, change, listeners };
}
