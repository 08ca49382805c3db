import { useEffect } from 'react';
import type { Stores } from '../stores/create-stores';
import { areaFromHash, hashForArea } from './areas';

/**
 * Keeps `#/<area>` and the navigation store in step both ways, so reloads and the browser's
 * back button (in headless mode) land on the same area.
 */
export function useHashRouting(store: Stores['useNavigationStore']): void {
  useEffect(() => {
    const fromHash = areaFromHash(window.location.hash);
    if (fromHash) store.getState().go(fromHash);
    else window.history.replaceState(null, '', hashForArea(store.getState().area));

    const onHashChange = () => {
      const area = areaFromHash(window.location.hash);
      if (area && area !== store.getState().area) store.getState().go(area);
    };
    window.addEventListener('hashchange', onHashChange);
    const unsubscribe = store.subscribe((state) => {
      if (areaFromHash(window.location.hash) !== state.area) {
        window.location.hash = hashForArea(state.area);
      }
    });
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      unsubscribe();
    };
  }, [store]);
}
