import { createDeskClient, type DeskClient } from './desk-client';
import { createWsDesk, defaultWsUrl } from './ws-desk';

/**
 * In Electron the preload has put the contract on `window.desk` (IPC). Anywhere else the
 * page was served by headless mode, which speaks the same contract over a WebSocket on
 * the host that served the page.
 */
export function createClientForWindow(win: Window = window): DeskClient {
  if (win.desk) return createDeskClient(win.desk);
  const ws = createWsDesk({ url: defaultWsUrl(win.location) });
  return createDeskClient(ws, ws.connection);
}
