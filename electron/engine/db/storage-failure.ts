import { isDiskFull } from '../platform/disk-guard';

/**
 * SQLite could not write at all (a full disk, a busy or broken file), as opposed to a bug or bad
 * data in what was written. Work inside an update's transaction rethrows these, so the whole
 * update rolls back and is tried again instead of being handled as a failure of its own.
 */
export function isStorageFailure(error: unknown): boolean {
  if (isDiskFull(error)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(FULL|BUSY|LOCKED|IOERR|NOMEM|READONLY|CORRUPT|CANTOPEN|PROTOCOL|NOTADB)/.test(code);
}
