export type RunMode = 'electron' | 'headless';

export interface DatabaseStatus {
  path: string;
  schemaVersion: number;
  lastBackupAt: number | null;
}

export interface SystemStatus {
  version: string;
  mode: RunMode;
  startedAt: number;
  dataDir: string;
  database: DatabaseStatus;
}
