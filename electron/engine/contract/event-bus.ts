import type { DeskEvent } from '../../../shared/contract/index';
import { coalesceEvents } from './coalesce-events';

export type EventListener = (events: DeskEvent[]) => void;

/**
 * Events are collected and handed to transports once per tick, so a burst of engine activity
 * costs the window one message, not one per event; list-carrying events of one type are
 * combined into one (see coalesceEvents).
 */
export function createEventBus() {
  const listeners = new Set<EventListener>();
  let pending: DeskEvent[] = [];
  let scheduled: NodeJS.Immediate | null = null;

  const flush = () => {
    scheduled = null;
    const batch = coalesceEvents(pending);
    pending = [];
    if (batch.length === 0) return;
    for (const listener of listeners) listener(batch);
  };

  return {
    emit(event: DeskEvent): void {
      pending.push(event);
      scheduled ??= setImmediate(flush);
    },
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Delivers what is pending now (used when stopping). */
    flush(): void {
      if (scheduled) clearImmediate(scheduled);
      flush();
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
