import type { EventPayload, EventType } from '../../../shared/contract/index';
import type { CsvFile } from '../../../shared/domain/logs';
import type { AreaId } from '../app/areas';
import type { DeskClient } from '../client/desk-client';

/** What every domain's stores are made with; tests give their own `saveFile` and `reloadWindow`. */
export interface StoreContext {
  client: DeskClient;
  /** How an exported file reaches the person. */
  saveFile(file: CsvFile): void;
  /** How the window starts over after `system.restarted`. */
  reloadWindow(): void;
  /** Leaves for the hub's sign-in page after signing out. */
  goToSignIn(): void;
  initialArea?: AreaId;
}

/** Which store action each engine event feeds; at most one handler per event within a domain. */
export type EventHandlers = { [T in EventType]?: (payload: EventPayload<T>) => void };

/**
 * One domain's part of the window's state: its stores, the engine events they follow and what
 * they reload after a reconnect. `create-stores.ts` iterates a list of these, so a new domain
 * is this file plus one line there.
 */
export interface StoreModule<Own extends object, Peers extends object = object> {
  /**
   * The domain's stores under the names its pages use (`useXStore`), and any helper that spans
   * them (the inbox's `openConversation`). `peers` returns the other domains' stores; read it
   * inside actions, never while creating, since a later domain may not exist yet.
   */
  create(context: StoreContext, peers: () => Peers): Own;
  /** The engine events the domain follows, subscribed when the window starts. */
  events?(own: Own, context: StoreContext): EventHandlers;
  /** Loaded as soon as the window starts (what the shell shows at once). */
  load?(own: Own): void;
  /** After a reconnect events may have been missed: reload what the domain shows. */
  reload?(own: Own): void;
}

/** Declares a module with its types inferred (the identity, for inference only). */
export function storeModule<Own extends object, Peers extends object = object>(module: StoreModule<Own, Peers>): StoreModule<Own, Peers> {
  return module;
}
