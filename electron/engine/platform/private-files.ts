import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds every message, session and token: only its owner may read it. Folders
 * are 0700 and files 0600 whatever the process's umask, because the engine also runs under
 * hosts (tests, a server's service manager) that leave the umask at 022.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** What the engine keeps in a data folder. The window's folder also holds Chromium's own files, which are not ours to change. */
const ENGINE_ENTRIES = /^(desk\.sqlite.*|backups|logs|media|sandbox|sandbox-world.*|settings\.json.*|secret\.key.*)$/;

/** For the process as a whole, so files a library creates (SQLite's backups, temporary files) start private too. */
export function restrictNewFilesToOwner(): void {
  process.umask(0o077);
}

export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  restrict(dir, PRIVATE_DIR_MODE);
}

/** A filesystem without Unix modes (a FAT drive on Linux) refuses chmod; the desk still runs there. */
function restrict(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP') throw error;
  }
}

/**
 * Creates the file empty if it is missing, so a library that opens it afterwards (SQLite, which
 * also gives its WAL the database file's mode) finds it private; an existing file keeps its content.
 */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  restrict(path, PRIVATE_FILE_MODE);
}

/** Earlier versions left the folder 0755 and its files 0644; this puts right what the engine owns. */
export function tightenDataFolder(dataDir: string): void {
  restrict(dataDir, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(dataDir)) {
    if (ENGINE_ENTRIES.test(entry)) tighten(join(dataDir, entry));
  }
}

function tighten(path: string): void {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return; // removed while we looked (a temporary file)
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== PRIVATE_DIR_MODE) restrict(path, PRIVATE_DIR_MODE);
    for (const entry of readdirSync(path)) tighten(join(path, entry));
  } else if (stat.isFile() && (stat.mode & 0o777 & ~PRIVATE_FILE_MODE) !== 0) {
    restrict(path, PRIVATE_FILE_MODE);
  }
}
