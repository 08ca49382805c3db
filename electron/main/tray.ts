import { Menu, Tray, nativeImage, type BrowserWindow } from 'electron';

/** A menu item the shell adds for what it runs (a window on a team desk offers the way back to the own desk). */
export interface TrayAction {
  label: string;
  click: () => void;
}

/** The tray icon: unread count in its tooltip (title on macOS), a way back to the window. */
export function createTray(iconPath: string, window: () => BrowserWindow | null, quit: () => void, actions: readonly TrayAction[] = []) {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  const show = () => {
    const win = window();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Telegram Operator Desk', click: show },
      ...actions.map(({ label, click }) => ({ label, click })),
      { type: 'separator' },
      { label: 'Quit', click: quit },
    ]),
  );
  tray.on('click', show);

  const setUnread = (count: number) => {
    tray.setToolTip(count > 0 ? `Telegram Operator Desk — ${count} unread` : 'Telegram Operator Desk');
    if (process.platform === 'darwin') tray.setTitle(count > 0 ? String(count) : '');
  };
  setUnread(0);

  return { setUnread, destroy: () => tray.destroy() };
}
