import type { DeskEvent, EventPayload, EventType } from './index';

type Listener = (payload: never) => void;

/**
 * Turns batches of events (as transports deliver them) into per-type listener calls.
 * Shared by the preload and by headless mode's WebSocket client.
 */
export function createEventFanout() {
  const listeners = new Map<string, Set<Listener>>();
  return {
    on<T extends EventType>(type: T, listener: (payload: EventPayload<T>) => void): () => void {
      let set = listeners.get(type);
      if (!set) listeners.set(type, (set = new Set()));
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
    deliver(events: readonly DeskEvent[]): void {
      for (const event of events) {
        const set = listeners.get(event.type);
        if (!set) continue;
        for (const listener of [...set]) {
          try {
            (listener as (payload: unknown) => void)(event.payload);
          } catch (error) {
            // One broken listener must not starve the others of the batch.
            console.error(`listener for ${event.type} failed`, error);
          }
        }
      }
    },
  };
}
