import { BrowserWindow, session, shell, type Session } from 'electron';
import { WINDOW_CSP } from '../../shared/window-csp';
import { createWindowBounds } from './window-bounds';

export interface WindowPaths {
  preload: string;
  rendererHtml: string;
  /** Set by electron-vite in development. */
  devServerUrl?: string;
}

/** The one window on this desk's own engine (the contract over IPC from the preload). */
export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const window = createDeskWindow({ preload: paths.preload });
  if (paths.devServerUrl) void window.loadURL(paths.devServerUrl);
  else void window.loadFile(paths.rendererHtml);
  return window;
}

export interface DeskWindowOptions {
  /** Absent for a team desk's window: its page speaks the contract over the hub's WebSocket. */
  preload?: string;
  /** A session of its own (the team desk's cookies and certificate pin). */
  partition?: string;
  /** Pages of this origin may be navigated to (the team desk's sign-in and invite forms). */
  origin?: string;
}

/**
 * The window's frame: sandboxed, context-isolated, no Node, strict CSP. It can never navigate
 * away (but within `origin`) or open another window; web links go to the system browser instead.
 */
export function createDeskWindow(options: DeskWindowOptions): BrowserWindow {
  const bounds = createWindowBounds();
  const saved = bounds.restore();
  const window = new BrowserWindow({
    ...saved.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Telegram Operator Desk',
    webPreferences: {
      preload: options.preload,
      partition: options.partition,
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
    if (options.origin !== undefined && URL.canParse(url) && new URL(url).origin === options.origin) return;
    event.preventDefault();
    openExternally(url);
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  return window;
}

/** Response-header CSP for everything the window loads, and no permissions by default. */
export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [WINDOW_CSP] } });
  });
  allowOnlyDeskPermissions(session.defaultSession);
}

/** Notifications and copying; nothing else a page may ask for. */
export function allowOnlyDeskPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(permission === 'notifications' || permission === 'clipboard-sanitized-write');
  });
}

function openExternally(url: string): void {
  if (/^https?:\/\//i.test(url) || /^tg:\/\//i.test(url)) void shell.openExternal(url);
}
