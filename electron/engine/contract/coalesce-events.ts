import type { DeskEvent, EventPayload, EventType } from '../../../shared/contract/index';

type Combine<T extends EventType> = (payloads: EventPayload<T>[]) => EventPayload<T>;

/** The newest version of each item, in the order of their last change. */
function latestById<V extends { id: number }>(items: V[]): V[] {
  const byId = new Map<number, V>();
  for (const item of items) {
    byId.delete(item.id);
    byId.set(item.id, item);
  }
  return [...byId.values()];
}

/**
 * Event types whose payload is a list of current states or of new items: many of them in one
 * batch say no more than one carrying them all. At a thousand incoming messages a second the
 * engine emits three such events per message; the window gets one of each per batch instead.
 * A conversation keeps only its newest state (a busy chat changes many times a tick); message
 * versions are all kept, in order, since each step of a download's progress is news.
 */
const COMBINE: { [T in EventType]?: Combine<T> } = {
  'inbox.conversationsChanged': (all) => ({ conversations: latestById(all.flatMap((p) => p.conversations)) }),
  'inbox.messagesChanged': (all) => ({ messages: all.flatMap((p) => p.messages) }),
  'messages.received': (all) => ({ messages: all.flatMap((p) => p.messages) }),
  'sandbox.activity': (all) => ({ items: all.flatMap((p) => p.items) }),
  'logs.appended': (all) => ({ entries: all.flatMap((p) => p.entries) }),
  'logs.auditAppended': (all) => ({ entries: all.flatMap((p) => p.entries) }),
};

/**
 * One event per combinable type, at the place of that type's first event in the batch; every
 * other event keeps its place and order.
 */
export function coalesceEvents(batch: DeskEvent[]): DeskEvent[] {
  const groups = new Map<EventType, unknown[]>();
  const slots: (DeskEvent | EventType)[] = [];
  for (const event of batch) {
    if (!COMBINE[event.type]) {
      slots.push(event);
      continue;
    }
    const group = groups.get(event.type);
    if (group) group.push(event.payload);
    else {
      groups.set(event.type, [event.payload]);
      slots.push(event.type);
    }
  }
  if (slots.length === batch.length) return batch;
  return slots.map((slot) => {
    if (typeof slot !== 'string') return slot;
    const payloads = groups.get(slot)!;
    const combine = COMBINE[slot] as (payloads: unknown[]) => unknown;
    return { type: slot, payload: payloads.length === 1 ? payloads[0] : combine(payloads) } as DeskEvent;
  });
}
