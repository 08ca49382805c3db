import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diskFullAtStartMessage, isDiskFull } from './disk-guard';
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
    // A few bytes, not an empty file: a full disk still has room for a name, not for data.
    try {
      writeFileSync(probe, Buffer.alloc(4096));
    } finally {
      rmSync(probe, { force: true });
    }
  } catch (error) {
    if (isDiskFull(error)) throw new DataDirError(diskFullAtStartMessage(dir));
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new DataDirError(
      `The data folder ${dir} cannot be written (${code}). Choose another folder (--data-dir or DESK_DATA_DIR) or fix its permissions; nothing was changed.`,
    );
  }
}
