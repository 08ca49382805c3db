import Store from 'electron-store';
import type { SettingsStore } from '../engine/settings/settings-store';
import { movedSeparatePin, pinFromSettings, type StoredShellSettings, type TeamDeskPin } from './team-desk-pin';

export interface ShellSettings extends SettingsStore {
  storedDataDir(): string | undefined;
  /** Set: this app is a window on a team desk elsewhere and runs no engine of its own. */
  teamDesk(): TeamDeskPin | null;
  setTeamDesk(pin: TeamDeskPin | null): void;
}

/** The window's settings live in electron-store (in userData), outside the database; the team desk pin is one of them. */
export function electronStoreSettings(): ShellSettings {
  const store = new Store<StoredShellSettings>({ name: 'settings' });
  const moved = movedSeparatePin(store.store);
  if (moved) {
    store.set('settings', moved);
    store.delete('teamDesk');
  }
  const read = () => store.get('settings') ?? {};
  return {
    read,
    write: (settings) => store.set('settings', settings),
    storedDataDir: () => read().dataDir,
    teamDesk: () => pinFromSettings(read()),
    setTeamDesk: (pin) => store.set('settings', { ...read(), teamDesk: pin }),
  };
}
