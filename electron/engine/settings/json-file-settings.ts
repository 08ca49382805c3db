import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Settings } from '../../../shared/domain/settings';
import type { SettingsStore } from './settings-store';

/**
 * Headless mode's settings: one JSON file written atomically (temp file + rename). A file that
 * cannot be parsed is set aside next to itself rather than overwritten, so nothing is lost.
 */
export function jsonFileSettingsStore(path: string, onProblem: (message: string) => void = () => {}): SettingsStore {
  return {
    read() {
      if (!existsSync(path)) return {};
      const text = readFileSync(path, 'utf8');
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Partial<Settings>;
        throw new Error('not an object');
      } catch (error) {
        const aside = `${path}.unreadable-${Date.now()}`;
        renameSync(path, aside);
        onProblem(`The settings file could not be read (${(error as Error).message}); it was kept as ${aside} and defaults are used.`);
        return {};
      }
    },
    write(settings) {
      const temp = `${path}.tmp`;
      writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
      renameSync(temp, path);
    },
  };
}
