export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export interface HttpIntakeSettings {
  enabled: boolean;
  port: number;
}

export interface Settings {
  language: Language;
  theme: Theme;
  /** Where the database, media and backups live; a change takes effect at the next start. */
  dataDir: string;
  httpIntake: HttpIntakeSettings;
}
