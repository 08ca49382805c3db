import { closeSync, openSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../platform/private-files';

const NAME = /^desk-(\d{8}T\d{6}\d{3}Z)-([a-z0-9-]+)\.sqlite$/;

export interface BackupInfo {
  file: string;
  at: number;
  reason: string;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

function parseStamp(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(text);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!);
}

export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((file) => {
      const m = NAME.exec(file);
      return m ? { file: join(dir, file), at: parseStamp(m[1]!), reason: m[2]! } : null;
    })
    .filter((b): b is BackupInfo => b !== null && !Number.isNaN(b.at))
    .sort((a, b) => a.at - b.at);
}

/**
 * A consistent copy of a live database (`VACUUM INTO` is safe while readers and the WAL are
 * active), then the oldest copies beyond `keep` are removed.
 */
export function backupDatabase(db: Database, dir: string, opts: { now: number; reason: string; keep: number }): BackupInfo {
  makePrivateDir(dir);
  let at = opts.now;
  const taken = new Set(listBackups(dir).map((b) => b.at));
  while (taken.has(at)) at += 1; // two backups in one millisecond must not collide
  const file = join(dir, `desk-${stamp(at)}-${opts.reason}.sqlite`);
  // VACUUM INTO accepts an empty file, so the copy is private from its first byte; made here
  // exclusively, so the clean-up below can only remove a file this call created.
  closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
  try {
    db.prepare('VACUUM INTO ?').run(file);
  } catch (error) {
    // A half-written copy (a full disk) must not pass for the latest backup.
    rmSync(file, { force: true });
    throw error;
  }
  pruneBackups(dir, opts.keep);
  return { file, at, reason: opts.reason };
}

export function pruneBackups(dir: string, keep: number): void {
  const all = listBackups(dir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(old.file, { force: true });
}
