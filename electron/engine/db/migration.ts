import type { Database } from 'better-sqlite3';

/** One schema step. Files are named `NNNN-name.ts`; `version` equals NNNN. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
