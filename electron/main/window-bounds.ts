import type { BrowserWindow, Rectangle } from 'electron';
import { screen } from 'electron';
import Store from 'electron-store';

interface SavedBounds {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: Rectangle = { x: 0, y: 0, width: 1280, height: 820 };

/** Remembers where the window was; a position on a screen that is gone falls back to default. */
export function createWindowBounds() {
  const store = new Store<{ window?: SavedBounds }>({ name: 'window-state' });

  return {
    restore(): SavedBounds {
      const saved = store.get('window');
      if (!saved) return { bounds: DEFAULT, maximized: false };
      const visible = screen.getAllDisplays().some(({ workArea: a }) => {
        const b = saved.bounds;
        return b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y;
      });
      return visible ? saved : { bounds: { ...DEFAULT, width: saved.bounds.width, height: saved.bounds.height }, maximized: saved.maximized };
    },
    track(window: BrowserWindow): void {
      const save = () => {
        if (window.isDestroyed() || window.isMinimized()) return;
        store.set('window', { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
      };
      window.on('resized', save);
      window.on('moved', save);
      window.on('close', save);
    },
  };
}
