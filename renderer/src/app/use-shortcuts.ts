import { useEffect } from 'react';
import { areaForDigit, type AreaId } from './areas';

/**
 * Alt+1..Alt+9 and Alt+0 jump to areas. `event.code` is used because on some layouts and
 * platforms Alt changes the character the digit key produces.
 */
export function useAreaShortcuts(go: (area: AreaId) => boolean | void, onJump?: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const match = /^(?:Digit|Numpad)(\d)$/.exec(event.code);
      const area = match ? areaForDigit(match[1]!) : undefined;
      if (!area) return;
      event.preventDefault();
      if (go(area) !== false) onJump?.();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [go, onJump]);
}
