import type { SettingsPatch } from '../../../../shared/contract/domains/settings';
import type { Language, Settings, Theme, Workspace } from '../../../../shared/domain/settings';

/** What the form edits: the port stays text until it is valid, so typing is never fought. */
export interface SettingsDraft {
  language: Language;
  theme: Theme;
  dataDir: string;
  intakeEnabled: boolean;
  intakePort: string;
  /** null only before the first-run choice; the form cannot send it back to null. */
  workspace: Workspace | null;
}

export function toDraft(settings: Settings): SettingsDraft {
  return {
    language: settings.language,
    theme: settings.theme,
    dataDir: settings.dataDir,
    intakeEnabled: settings.httpIntake.enabled,
    intakePort: String(settings.httpIntake.port),
    workspace: settings.workspace,
  };
}

/** The port as a number, or null when it is not a whole number in 1024–65535. */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text.trim())) return null;
  const port = Number(text.trim());
  return port >= 1024 && port <= 65535 ? port : null;
}

export interface DraftProblems {
  dataDir: boolean;
  intakePort: boolean;
}

export function validate(draft: SettingsDraft): DraftProblems {
  return { dataDir: draft.dataDir.trim() === '', intakePort: parsePort(draft.intakePort) === null };
}

/** Only what changed goes to the engine, so its audit log records what the operator did. */
export function diff(base: Settings, draft: SettingsDraft): SettingsPatch {
  const patch: SettingsPatch = {};
  if (draft.language !== base.language) patch.language = draft.language;
  if (draft.theme !== base.theme) patch.theme = draft.theme;
  if (draft.dataDir.trim() !== base.dataDir) patch.dataDir = draft.dataDir.trim();
  const intake: NonNullable<SettingsPatch['httpIntake']> = {};
  if (draft.intakeEnabled !== base.httpIntake.enabled) intake.enabled = draft.intakeEnabled;
  const port = parsePort(draft.intakePort);
  if (port !== null && port !== base.httpIntake.port) intake.port = port;
  if (Object.keys(intake).length > 0) patch.httpIntake = intake;
  if (draft.workspace !== null && draft.workspace !== base.workspace) patch.workspace = draft.workspace;
  return patch;
}
