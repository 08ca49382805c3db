import { create } from 'zustand';
import type { SettingsPatch } from '../../../../shared/contract/domains/settings';
import { DeskError, type DeskErrorShape } from '../../../../shared/contract/result';
import type { Settings, TeamDeskPin } from '../../../../shared/domain/settings';
import { errorMessage, errorShape, type DeskClient } from '../../client/desk-client';

/** A field path the settings form knows how to point at. */
export const SETTINGS_FIELDS = [
  'language',
  'theme',
  'dataDir',
  'httpIntake.enabled',
  'httpIntake.port',
  'workspace',
] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

export interface SaveError {
  /** The engine's message as it came. */
  message: string;
  /** The first field the engine named, when the form shows that field. */
  field: SettingsField | null;
  /** What the engine said about that field. */
  fieldMessage: string | null;
  /** Whether that field's problem is the whole message (so the form can rephrase it). */
  onlyIssue: boolean;
}

/** Saving the team desk this desktop app opens (its own state: the settings form's "saved" and errors are not about it). */
export type PinSave = { status: 'idle' | 'saving' } | { status: 'saved'; pin: TeamDeskPin | null } | { status: 'failed'; error: DeskErrorShape };

export interface SettingsState {
  value: Settings | null;
  loading: boolean;
  loadError: string | null;
  saving: boolean;
  saveError: SaveError | null;
  /** Bumped on each successful save so the form can say "saved" once. */
  savedCount: number;
  load(): Promise<void>;
  update(patch: SettingsPatch): Promise<boolean>;
  applyRemote(settings: Settings): void;
  pinSave: PinSave;
  /** The engine probes the pin first and refuses one that does not answer with that certificate. */
  pinTeamDesk(pin: TeamDeskPin | null): Promise<boolean>;
}

/**
 * The engine's `invalid_input` messages start with the path of the offending field and join
 * several issues with "; " ("httpIntake.port: must be 1024 or higher; dataDir: ...").
 */
export function parseFieldError(message: string): SaveError {
  const issues = message.split('; ');
  const match = /^\s*([A-Za-z]\w*(?:\.\w+)*)\s*:\s*([\s\S]+)$/.exec(issues[0] ?? '');
  const path = match?.[1];
  if (match && path && (SETTINGS_FIELDS as readonly string[]).includes(path)) {
    return { message, field: path as SettingsField, fieldMessage: match[2]!.trim(), onlyIssue: issues.length === 1 };
  }
  return { message, field: null, fieldMessage: null, onlyIssue: issues.length === 1 };
}

export function createSettingsStore(client: DeskClient) {
  return create<SettingsState>()((set) => ({
    value: null,
    loading: false,
    loadError: null,
    saving: false,
    saveError: null,
    savedCount: 0,
    async load() {
      set({ loading: true, loadError: null });
      try {
        const value = await client.call('settings.get', {});
        set({ value, loading: false });
      } catch (error) {
        set({ loading: false, loadError: errorMessage(error) });
      }
    },
    async update(patch) {
      set({ saving: true, saveError: null });
      try {
        const value = await client.call('settings.update', patch);
        set((s) => ({ value, saving: false, savedCount: s.savedCount + 1 }));
        return true;
      } catch (error) {
        const saveError =
          error instanceof DeskError && error.code === 'invalid_input'
            ? parseFieldError(error.message)
            : { message: errorMessage(error), field: null, fieldMessage: null, onlyIssue: true };
        set({ saving: false, saveError });
        return false;
      }
    },
    applyRemote(value) {
      set({ value, loadError: null });
    },
    pinSave: { status: 'idle' },
    async pinTeamDesk(pin) {
      set({ pinSave: { status: 'saving' } });
      try {
        set({ value: await client.call('settings.update', { teamDesk: pin }), pinSave: { status: 'saved', pin } });
        return true;
      } catch (error) {
        set({ pinSave: { status: 'failed', error: errorShape(error) } });
        return false;
      }
    },
  }));
}
