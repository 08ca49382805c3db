import type { CsvFile } from '../../../shared/domain/logs';
import type { AreaId } from '../app/areas';
import type { DeskClient } from '../client/desk-client';
import { downloadFile } from '../ui/download';
import { accountsStores } from './accounts/module';
import { botFlowsStores } from './bot-flows/module';
import { inboxStores } from './inbox/module';
import { logsStores } from './logs/module';
import { operatorsStores } from './operators/module';
import { sandboxStores } from './sandbox/module';
import { settingsStores } from './settings/module';
import { shellStores } from './shell/module';
import type { EventHandlers, StoreContext, StoreModule } from './store-module';

/** Every domain's stores: a new domain adds its module here, one line. */
const STORE_MODULES = [shellStores, settingsStores, accountsStores, botFlowsStores, inboxStores, logsStores, sandboxStores, operatorsStores] as const;

type OwnOf<M> = M extends StoreModule<infer Own, never> ? Own : never;
type PeersOf<M> = M extends StoreModule<object, infer Peers> ? Peers : never;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** The stores of every module on a list, by name. */
type StoresOf<M extends readonly StoreModule<object, never>[]> = Intersection<OwnOf<M[number]>>;

/** The stores of every domain, by name. */
export type DomainStores = StoresOf<typeof STORE_MODULES>;

// A domain may read only stores some domain on the list declares (checked here, at compile time).
const peersAreDeclared: DomainStores extends Intersection<PeersOf<(typeof STORE_MODULES)[number]>> ? true : never = true;
void peersAreDeclared;

export interface StoreOptions {
  /** How an exported file reaches the person; a browser download unless a test says otherwise. */
  saveFile?: (file: CsvFile) => void;
  initialArea?: AreaId;
  /** How the window starts over after `system.restarted`; a page reload unless a test says otherwise. */
  reloadWindow?: () => void;
  /** Where the window goes after signing out; the hub's sign-in page unless a test says otherwise. */
  goToSignIn?: () => void;
}

interface Running {
  events(): EventHandlers;
  load(): void;
  reload(): void;
}

function instantiate<Own extends object, Peers extends object>(module: StoreModule<Own, Peers>, context: StoreContext, all: object): { own: Own; running: Running } {
  const own = module.create(context, () => all as Peers);
  return {
    own,
    running: {
      events: () => module.events?.(own, context) ?? {},
      load: () => module.load?.(own),
      reload: () => module.reload?.(own),
    },
  };
}

/** Every domain's stores, and `start` to wire them to the engine. */
export type Stores = ComposedStores<typeof STORE_MODULES>;
export type ComposedStores<M extends readonly StoreModule<object, never>[]> = StoresOf<M> & { start(): () => void };

export function createStores(client: DeskClient, options: StoreOptions = {}): Stores {
  return composeStores(STORE_MODULES, client, options);
}

/** Makes every module's stores and one `start` that wires them all to the engine. */
export function composeStores<M extends readonly StoreModule<object, never>[]>(modules: M, client: DeskClient, options: StoreOptions = {}): ComposedStores<M> {
  const context: StoreContext = {
    client,
    saveFile: options.saveFile ?? ((file: CsvFile) => downloadFile(file)),
    reloadWindow: options.reloadWindow ?? (() => window.location.reload()),
    // The hub serves its sign-in page at the root once the session cookie is gone.
    goToSignIn: options.goToSignIn ?? (() => window.location.assign('/')),
    initialArea: options.initialArea,
  };
  const all: Record<string, unknown> = {};
  const running = modules.map((module) => {
    const made = instantiate(module as StoreModule<object, object>, context, all);
    Object.assign(all, made.own);
    return made.running;
  });

  /**
   * Subscribes every domain's stores to the engine's events and loads what the shell needs at
   * once. After a reconnect the window may have missed events, so each domain reloads what it shows.
   */
  function start(): () => void {
    const offs = running.flatMap((domain) =>
      Object.entries(domain.events()).map(([type, handler]) => client.on(type as keyof EventHandlers, handler as (payload: unknown) => void)),
    );
    let wasConnected = client.connection.getState().status === 'connected';
    offs.push(
      client.connection.subscribe((state) => {
        const connected = state.status === 'connected';
        if (connected && !wasConnected) running.forEach((domain) => domain.reload());
        wasConnected = connected;
      }),
    );
    running.forEach((domain) => domain.load());
    return () => offs.forEach((off) => off());
  }

  return { ...all, start } as ComposedStores<M>;
}
