import Store from 'electron-store';
import type { Settings } from '../../shared/domain/settings';
import type { SettingsStore } from '../engine/settings/settings-store';

/** The window's settings live in electron-store (in userData), outside the database. */
export function electronStoreSettings(): SettingsStore & { storedDataDir(): string | undefined } {
  const store = new Store<{ settings?: Partial<Settings> }>({ name: 'settings' });
  return {
    read: () => store.get('settings') ?? {},
    write: (settings) => store.set('settings', settings),
    storedDataDir: () => store.get('settings')?.dataDir,
  };
}
