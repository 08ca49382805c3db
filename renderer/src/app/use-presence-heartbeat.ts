import { useEffect } from 'react';
import { startHeartbeat } from '../stores/operators/heartbeat';
import type { Stores } from '../stores/create-stores';

/** Once the window knows who it is, it says every 10 s whether that person is there. */
export function usePresenceHeartbeat(useMeStore: Stores['useMeStore']): void {
  const known = useMeStore((s) => s.me !== null && s.ended === null);
  useEffect(() => {
    if (!known) return;
    return startHeartbeat({
      send: (attending) => void useMeStore.getState().heartbeat(attending),
      isAway: () => useMeStore.getState().away,
      onAwayChange: (listener) =>
        useMeStore.subscribe((state, previous) => {
          if (state.away !== previous.away) listener();
        }),
    });
  }, [known, useMeStore]);
}
