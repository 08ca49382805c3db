import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, type BrowserWindow } from 'electron';
import { createEngine, type Engine } from '../engine/engine';
import { logProcessFaults } from '../engine/logging/process-faults';
import { systemClock } from '../engine/platform/clock';
import { restrictNewFilesToOwner } from '../engine/platform/private-files';
import { DESK_VERSION } from '../engine/version';
import { electronStoreSettings } from './electron-store-settings';
import { bridgeEngineToWindow } from './ipc-bridge';
import { nativeNotifier } from './native-notifier';
import { keychainIsWeak, safeStorageKeyProvider } from './safe-storage-key';
import { createTray, type TrayAction } from './tray';
import { openTeamDeskWindow } from './team-desk-client';
import { OWN_DESK_LABEL, pinSetBy, readPin } from './team-desk-pin';
import { alertUnreadWhileAway } from './unread-alerts';
import { createMainWindow, hardenSession } from './window';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

let window: BrowserWindow | null = null;
let engine: Engine | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.whenReady().then(start, fail);
}

async function start(): Promise<void> {
  restrictNewFilesToOwner();
  const settings = electronStoreSettings();
  rememberTeamDeskSwitches(settings);
  const teamDesk = settings.teamDesk();
  if (teamDesk) {
    // A window on a team desk elsewhere: that desk holds the sessions and bots, this app runs no engine.
    const useOwnDesk: TrayAction = {
      label: settings.read().language === 'ru' ? OWN_DESK_LABEL.ru : OWN_DESK_LABEL.en,
      click: () => {
        settings.setTeamDesk(null);
        app.relaunch();
        app.exit(0);
      },
    };
    window = openTeamDeskWindow(teamDesk, useOwnDesk.click);
    window.on('closed', () => (window = null));
    const tray = createTray(trayIcon(), () => window, () => app.quit(), [useOwnDesk]);
    app.on('before-quit', () => tray.destroy());
    return;
  }
  const dataDir = settings.storedDataDir() ?? app.getPath('userData');
  engine = createEngine({
    dataDir,
    secretKeys: safeStorageKeyProvider(join(app.getPath('userData'), 'secret.key.enc')),
    clock: systemClock,
    notifier: nativeNotifier,
    settingsStore: settings,
    mode: 'electron',
    version: DESK_VERSION,
    rendererDir: here('../renderer'),
  });
  logProcessFaults(engine.logger);
  await engine.start();
  if (keychainIsWeak()) engine.logger.warn({ scope: 'shell' }, 'no system keyring found; secrets are protected by a weak built-in key');

  hardenSession();
  window = createMainWindow({
    preload: here('../preload/index.cjs'),
    rendererHtml: here('../renderer/index.html'),
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
  });
  window.on('closed', () => (window = null));
  const unbridge = bridgeEngineToWindow(engine, () => window);
  const tray = createTray(trayIcon(), () => window, () => app.quit());
  const stopAlerts = alertUnreadWhileAway({ engine, window: () => window, notifier: nativeNotifier, setTrayCount: tray.setUnread });

  // Connecting to a team desk from Settings: the engine stored the pin; the app restarts as a window on that desk
  // (will-quit below stops the engine cleanly before the new instance starts).
  const stopFollowingPin = engine.subscribe((events) => {
    if (pinSetBy(events) === null) return;
    stopFollowingPin();
    app.relaunch();
    app.quit();
  });

  app.on('before-quit', () => {
    stopFollowingPin();
    stopAlerts();
    unbridge();
    tray.destroy();
  });
  app.on('will-quit', (event) => {
    if (!engine?.running) return;
    event.preventDefault();
    void engine.stop().finally(() => app.quit());
  });
}

function trayIcon(): string {
  return join(app.isPackaged ? process.resourcesPath : here('../../resources'), 'tray.png');
}

/** `--team-desk=URL --team-desk-fingerprint=AB:…` connects this app to a team desk; `--own-desk` goes back to its own. */
function rememberTeamDeskSwitches(settings: ReturnType<typeof electronStoreSettings>): void {
  if (app.commandLine.hasSwitch('own-desk')) return settings.setTeamDesk(null);
  if (!app.commandLine.hasSwitch('team-desk')) return;
  const pin = readPin(app.commandLine.getSwitchValue('team-desk'), app.commandLine.getSwitchValue('team-desk-fingerprint'));
  if ('problem' in pin) throw new Error(pin.problem);
  settings.setTeamDesk(pin);
}

function fail(error: unknown): void {
  dialog.showErrorBox('Telegram Operator Desk cannot start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}
