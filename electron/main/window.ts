import { BrowserWindow, session, shell } from 'electron';
import { WINDOW_CSP } from '../../shared/window-csp';
import { createWindowBounds } from './window-bounds';

export interface WindowPaths {
  preload: string;
  rendererHtml: string;
  /** Set by electron-vite in development. */
  devServerUrl?: string;
}

/**
 * The one window: sandboxed, context-isolated, no Node, strict CSP. It can never navigate
 * away or open another window; web links go to the system browser instead.
 */
export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const bounds = createWindowBounds();
  const saved = bounds.restore();
  const window = new BrowserWindow({
    ...saved.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Telegram Operator Desk',
    webPreferences: {
      preload: paths.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  if (saved.maximized) window.maximize();
  bounds.track(window);
  window.once('ready-to-show', () => window.show());

  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternally(url);
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  if (paths.devServerUrl) void window.loadURL(paths.devServerUrl);
  else void window.loadFile(paths.rendererHtml);
  return window;
}

/** Response-header CSP for everything the window loads, and no permissions by default. */
export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [WINDOW_CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(permission === 'notifications' || permission === 'clipboard-sanitized-write');
  });
}

function openExternally(url: string): void {
  if (/^https?:\/\//i.test(url) || /^tg:\/\//i.test(url)) void shell.openExternal(url);
}
