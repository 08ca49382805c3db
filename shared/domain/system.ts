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
  /** The workspace this run serves (the sandbox until the operator chooses). */
  workspace: 'sandbox' | 'telegram';
  database: DatabaseStatus;
}
