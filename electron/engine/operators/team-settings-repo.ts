import type { Database } from 'better-sqlite3';
import { DEFAULT_TEAM_SETTINGS, type TeamSettings } from '../../../shared/domain/operators';

/** The team's settings live in the workspace's database (each workspace has its own team). */
export function readTeamSettings(db: Database): TeamSettings {
  const stored = db.prepare('SELECT settings FROM team_settings WHERE id = 1').pluck().get() as string | undefined;
  // A setting added in a later version takes its default until it is saved.
  return stored ? { ...DEFAULT_TEAM_SETTINGS, ...(JSON.parse(stored) as Partial<TeamSettings>) } : DEFAULT_TEAM_SETTINGS;
}

export function writeTeamSettings(db: Database, settings: TeamSettings, now: number): void {
  db.prepare('INSERT INTO team_settings (id, settings, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at').run(JSON.stringify(settings), now);
}
