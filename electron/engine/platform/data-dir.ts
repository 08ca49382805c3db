import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir, tightenDataFolder } from './private-files';

export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

/**
 * Creates the data folder if needed (private to its owner, and what an earlier version left
 * readable is tightened) and proves it can be written before anything relies on it.
 */
export function ensureWritableDataDir(dir: string): void {
  const probe = join(dir, `.write-test-${process.pid}`);
  try {
    makePrivateDir(dir);
    tightenDataFolder(dir);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new DataDirError(
      `The data folder ${dir} cannot be written (${code}). Choose another folder (--data-dir or DESK_DATA_DIR) or fix its permissions; nothing was changed.`,
    );
  }
}
