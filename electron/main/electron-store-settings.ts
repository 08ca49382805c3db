import Store from 'electron-store';
import type { Settings } from '../../shared/domain/settings';
import type { SettingsStore } from '../engine/settings/settings-store';
import type { TeamDeskPin } from './team-desk-pin';

export interface ShellSettings extends SettingsStore {
  storedDataDir(): string | undefined;
  /** Set: this app is a window on a team desk elsewhere and runs no engine of its own. */
  teamDesk(): TeamDeskPin | undefined;
  setTeamDesk(pin: TeamDeskPin | null): void;
}

/** The window's settings live in electron-store (in userData), outside the database. */
export function electronStoreSettings(): ShellSettings {
  const store = new Store<{ settings?: Partial<Settings>; teamDesk?: TeamDeskPin }>({ name: 'settings' });
  return {
    read: () => store.get('settings') ?? {},
    write: (settings) => store.set('settings', settings),
    storedDataDir: () => store.get('settings')?.dataDir,
    teamDesk: () => store.get('teamDesk'),
    setTeamDesk: (pin) => (pin ? store.set('teamDesk', pin) : store.delete('teamDesk')),
  };
}
