/** The parts of an IPC event and a BrowserWindow the check reads (Electron's types fit them). */
interface CallSender {
  sender: unknown;
  senderFrame: unknown;
}
interface DeskWindow {
  webContents: { mainFrame: unknown };
  isDestroyed(): boolean;
}

/**
 * Only our own top-level page may call the engine: not a frame inside it (an embedded page),
 * not another webContents, and nothing once the window is gone. Kept free of Electron's
 * runtime so it is tested on its own.
 */
export function isFromDeskWindow(event: CallSender, window: DeskWindow | null): boolean {
  if (!window || window.isDestroyed()) return false;
  return event.sender === window.webContents && event.senderFrame === window.webContents.mainFrame;
}
