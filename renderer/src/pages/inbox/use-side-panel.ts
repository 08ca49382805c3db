import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';

/**
 * From this window width the conversation panel has a column of its own beside the chat;
 * below it (down to the desk's 900 px) it is a drawer, so the chat keeps its width.
 */
export const DOCKED_PANEL_QUERY = '(min-width: 1280px)';

export type SidePanelMode = 'docked' | 'drawer';

/** jsdom lays nothing out and has no `matchMedia`; there every window counts as wide. */
const measurable = () => typeof window.matchMedia === 'function';

function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!measurable()) return () => {};
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => !measurable() || window.matchMedia(query).matches);
}

/** Closing the drawer unmounts its fields, so Esc typed in one that holds a draft is left to it. */
function holdsDraft(target: EventTarget | null): boolean {
  return (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.value !== '';
}

/**
 * Whether the panel shows and how. A docked panel stays open until hidden; a drawer opens on
 * request and closes with Esc (unless a field used the key first or holds a draft), returning
 * focus to the toggle.
 */
export function useSidePanel() {
  const docked = useMediaQuery(DOCKED_PANEL_QUERY);
  const [dockedOpen, setDockedOpen] = useState(true);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const mode: SidePanelMode = docked ? 'docked' : 'drawer';
  const drawerShown = !docked && drawerOpen;

  const closeDrawer = useCallback(() => {
    setDrawerOpen(false);
    toggleRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!drawerShown) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || holdsDraft(event.target)) return;
      event.preventDefault();
      closeDrawer();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [drawerShown, closeDrawer]);

  return {
    mode,
    open: docked ? dockedOpen : drawerOpen,
    toggle: () => (docked ? setDockedOpen((open) => !open) : setDrawerOpen((open) => !open)),
    closeDrawer,
    toggleRef,
  };
}
