export type RunMode = 'electron' | 'headless';

export interface DatabaseStatus {
  path: string;
  schemaVersion: number;
  lastBackupAt: number | null;
}

/** Whether the disk holding the data folder has room; while full, writes fail and say so. */
export interface DiskState {
  full: boolean;
  folder: string;
}

export interface SystemStatus {
  version: string;
  mode: RunMode;
  startedAt: number;
  dataDir: string;
  /** The workspace this run serves (the sandbox until the operator chooses). */
  workspace: 'sandbox' | 'telegram';
  database: DatabaseStatus;
  disk: DiskState;
}
