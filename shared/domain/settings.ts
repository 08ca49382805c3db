export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export const WORKSPACES = ['sandbox', 'telegram'] as const;
/** `sandbox`: the simulated Telegram, data kept apart; `telegram`: real accounts and bots. */
export type Workspace = (typeof WORKSPACES)[number];

export interface HttpIntakeSettings {
  enabled: boolean;
  port: number;
}

/** A team desk this desktop app opens instead of running its own engine. */
export interface TeamDeskPin {
  /** https://host:port of the hub. */
  url: string;
  /** The hub's SHA-256 certificate fingerprint as it shows it: "AB:CD:…". */
  fingerprint: string;
}

export interface Settings {
  language: Language;
  theme: Theme;
  /** Where the database, media and backups live; a change takes effect at the next start. */
  dataDir: string;
  httpIntake: HttpIntakeSettings;
  /** null until the operator has chosen at first run; the sandbox runs meanwhile. */
  workspace: Workspace | null;
  /** Set: the desktop app is a window on that team desk and runs no engine (at its next start). */
  teamDesk: TeamDeskPin | null;
}
