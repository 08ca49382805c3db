import { settingsPatchSchema, type SettingsPatch } from '../../../shared/contract/domains/settings';
import type { Settings } from '../../../shared/domain/settings';
import { defaultSettings, type SettingsStore } from './settings-store';

/**
 * The settings as the engine serves them: defaults, overlaid with whatever stored values
 * still pass the schema (a value a newer or older version wrote that no longer fits is
 * dropped field by field rather than failing the whole file).
 */
export function createSettingsService(store: SettingsStore, dataDir: string) {
  let current = merge(defaultSettings(dataDir), sanitize(store.read()));

  return {
    get(): Settings {
      return current;
    },
    update(patch: SettingsPatch): { settings: Settings; changed: string[] } {
      const next = merge(current, patch);
      const changed = (Object.keys(patch) as (keyof Settings)[]).filter(
        (key) => JSON.stringify(next[key]) !== JSON.stringify(current[key]),
      );
      if (changed.length > 0) {
        store.write(next);
        current = next;
      }
      return { settings: current, changed };
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;

function merge(base: Settings, patch: SettingsPatch): Settings {
  return { ...base, ...patch, httpIntake: { ...base.httpIntake, ...patch.httpIntake } };
}

function sanitize(stored: Partial<Settings>): SettingsPatch {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    const single = settingsPatchSchema.safeParse({ [key]: value });
    if (single.success) Object.assign(out, single.data);
  }
  return out as SettingsPatch;
}
