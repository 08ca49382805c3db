import { useEffect, useRef } from 'react';

/** Calls `effect(value)` once `value` has stopped changing for `delayMs` (not on mount). */
export function useDebouncedEffect<T>(value: T, delayMs: number, effect: (value: T) => void): void {
  const latest = useRef(effect);
  const first = useRef(true);
  useEffect(() => {
    latest.current = effect;
  });
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => latest.current(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
}
