import { useEffect, useRef } from 'react';

/** How long a confirmation ("Bot added", "Signed in") stays before it goes by itself. */
export const CONFIRMATION_MS = 6_000;

/** Calls `dismiss` once `shown` has been true for `ms`; hiding it earlier cancels the timer. */
export function useDismissAfter(shown: boolean, dismiss: () => void, ms = CONFIRMATION_MS): void {
  const latest = useRef(dismiss);
  latest.current = dismiss;
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => latest.current(), ms);
    return () => clearTimeout(timer);
  }, [shown, ms]);
}
