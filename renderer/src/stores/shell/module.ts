import { storeModule } from '../store-module';
import { createConnectionStore } from './connection-store';
import { createNavigationStore } from './navigation-store';
import { createSystemStore } from './system-store';

/** The window itself: its connection, where it is, and the engine's own state. */
export const shellStores = storeModule({
  create: ({ client, initialArea }) => ({
    useConnectionStore: createConnectionStore(client),
    useNavigationStore: createNavigationStore(initialArea),
    useSystemStore: createSystemStore(client),
  }),
  events: (own, { reloadWindow }) => ({
    // The engine now serves other data (another workspace, a fresh sandbox): every store,
    // every page's local state (a selected person, an unsaved draft) and every store added
    // later would be stale. A full reload is the one way that cannot miss any of them, and
    // it happens only on a rare, deliberate operator action; the hash keeps the area.
    'system.restarted': () => reloadWindow(),
    'system.disk': (disk) => own.useSystemStore.getState().applyDisk(disk),
  }),
  load: (own) => void own.useSystemStore.getState().load(),
  reload: (own) => void own.useSystemStore.getState().load(),
});
