import { useEffect, useRef } from 'react';

export interface InboxShortcutActions {
  move(delta: number): void;
  focusSearch(): void;
  resolve(): void;
  openSheet(): void;
  /** Take the longest-waiting conversation of the queues. */
  takeNext(): void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The inbox's keys. Alt+digit stays with the area navigation (no digit is used here); Alt+R
 * resolves because Ctrl+Shift+R is Chromium's hard reload; Alt+N takes the next waiting conversation. Letters are matched by
 * `event.code` so they work on a Russian layout too. Keys that are plain characters ("/",
 * "?") act only outside text fields, where they would otherwise be typed.
 */
export function useInboxShortcuts(actions: InboxShortcutActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const a = latest.current;
      const ctrl = event.ctrlKey || event.metaKey;
      const vertical = event.key === 'ArrowUp' || event.key === 'ArrowDown';
      let handled = true;
      if (vertical && !event.shiftKey && (event.altKey !== ctrl)) a.move(event.key === 'ArrowUp' ? -1 : 1);
      else if (ctrl && !event.altKey && !event.shiftKey && event.code === 'KeyK') a.focusSearch();
      else if (event.altKey && !ctrl && !event.shiftKey && event.code === 'KeyR') a.resolve();
      else if (event.altKey && !ctrl && !event.shiftKey && event.code === 'KeyN') a.takeNext();
      else if (isTyping(event.target) || ctrl || event.altKey) handled = false;
      else if (event.key === '/') a.focusSearch();
      else if (event.key === '?') a.openSheet();
      else handled = false;
      if (handled) event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
