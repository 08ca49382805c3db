/**
 * The engine's own event bus, for domains to hear each other (an invite was accepted, a task was
 * done) without importing each other and without listening to the window's events. Each domain
 * declares its events by merging into `DomainEvents` from its own folder:
 *
 *   declare module '../platform/domain-events' {
 *     interface DomainEvents { 'invites.joined': { inviteId: number } }
 *   }
 *
 * Listeners run synchronously, in order, after the emitter's transaction has committed; one that
 * throws is logged and does not stop the others.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface DomainEvents {}

export type DomainEventName = keyof DomainEvents & string;

export interface DomainEventBus {
  emit<E extends DomainEventName>(name: E, payload: DomainEvents[E]): void;
  on<E extends DomainEventName>(name: E, listener: (payload: DomainEvents[E]) => void): () => void;
}

export function createDomainEventBus(onListenerError: (name: string, error: unknown) => void): DomainEventBus {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  return {
    emit(name, payload) {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          (listener as (p: typeof payload) => void)(payload);
        } catch (error) {
          onListenerError(name, error);
        }
      }
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
