import type { Settings } from '../../../shared/domain/settings';

/**
 * Where settings persist: electron-store in the Electron shell, a JSON file in headless
 * mode. They live outside the database because one of them says where the database is.
 */
export interface SettingsStore {
  /** The stored values, possibly partial or from an older version; the engine fills the gaps. */
  read(): Partial<Settings>;
  write(settings: Settings): void;
}

export const DEFAULT_INTAKE_PORT = 47821;

export function defaultSettings(dataDir: string): Settings {
  return {
    language: 'en',
    theme: 'system',
    dataDir,
    httpIntake: { enabled: false, port: DEFAULT_INTAKE_PORT },
    workspace: null,
    teamDesk: null,
  };
}
