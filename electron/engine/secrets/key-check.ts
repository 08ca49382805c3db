import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseFileError } from '../db/errors';
import { decryptSecret } from './cipher';
import { HEADLESS_KEY_FILE, type KeyHolder, type SecretKeyProvider } from './secret-key';

/**
 * Which key a database's secrets need, kept in that database's `meta` table: it travels with
 * the data it guards (a copied folder or a restored backup carries it), it is read before
 * anything is written, and `meta` has existed since the first schema. The value is an HMAC of
 * a constant under the key, which tells keys apart without revealing either.
 */
const META_KEY = 'secret_key_check';
const CHECKED_TEXT = 'Telegram Operator Desk secret key check, version 1';

interface KeyCheck {
  version: 1;
  holder: KeyHolder;
  check: string;
}

/** What one database says about its key, read without writing a byte. */
interface KeyFacts {
  recorded: KeyCheck | null;
  /** One encrypted value, to test a key against a database saved before checks were recorded. */
  sample: string | null;
}

function checkOf(key: Buffer): string {
  return createHmac('sha256', key).update(CHECKED_TEXT).digest('base64');
}

function sameCheck(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The key for this data folder, refused before anything is written when it is missing, differs
 * from the one the stored secrets were saved with, or is held where this front door cannot reach.
 * Both workspaces' databases share the key, so both are consulted.
 */
export async function unlockSecretKey(provider: SecretKeyProvider, dataDir: string, databases: string[]): Promise<Buffer> {
  const guarded = databases.map(readKeyFacts).filter((facts) => facts.recorded || facts.sample);
  const otherHolder = guarded.find((facts) => facts.recorded && facts.recorded.holder !== provider.holder);
  if (otherHolder) throw new Error(heldElsewhere(provider, dataDir));

  const key = await provider.load();
  if (guarded.length === 0) return key ?? provider.create();
  if (!key) {
    throw new Error(
      `The key file ${provider.location} is missing, but this data folder (${dataDir}) holds secrets encrypted with it. Restore it from a copy and start again. No new key was made, since it could not read the stored sessions and tokens; nothing was changed.`,
    );
  }
  if (!guarded.every((facts) => fits(key, facts))) {
    throw new Error(
      `The key file ${provider.location} is not the key this data folder's secrets (${dataDir}) were encrypted with: it was replaced or altered. Restore the original ${basename(provider.location)} from a copy and start again; nothing was changed.`,
    );
  }
  return key;
}

/** Notes the key in a database that does not name one yet (a new one, or one saved before checks). */
export function recordKeyCheck(db: Database.Database, key: Buffer, holder: KeyHolder): void {
  const check: KeyCheck = { version: 1, holder, check: checkOf(key) };
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(META_KEY, JSON.stringify(check));
}

function fits(key: Buffer, facts: KeyFacts): boolean {
  if (facts.recorded) return sameCheck(facts.recorded.check, checkOf(key));
  try {
    decryptSecret(key, facts.sample!);
    return true;
  } catch {
    return false;
  }
}

function heldElsewhere(provider: SecretKeyProvider, dataDir: string): string {
  if (provider.holder === 'file') {
    return `This data folder (${dataDir}) belongs to the desktop app: its secrets are encrypted with a key the system keychain guards, which headless mode cannot open. Open this folder with the desktop app, or start headless mode with another --data-dir. Nothing was changed.`;
  }
  return `This data folder (${dataDir}) was set up by headless mode: its secrets are encrypted with the key in ${join(dataDir, HEADLESS_KEY_FILE)}, while the desktop app keeps its key in the system keychain. Open it with headless mode (npm run headless -- --data-dir "${dataDir}"), or move that folder elsewhere and the desktop app starts on a fresh one. Nothing was changed.`;
}

function readKeyFacts(path: string): KeyFacts {
  if (!existsSync(path) || statSync(path).size === 0) return { recorded: null, sample: null };
  let db: Database.Database | undefined;
  try {
    // A read-only connection leaves behind the -wal and -shm files it makes; a plain one that only
    // reads removes them on close. After a crash they exist already and must be kept as they are.
    db = new Database(path, { readonly: existsSync(`${path}-wal`), fileMustExist: true });
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const first = (sql: string, ...params: string[]) => (db!.prepare(sql).pluck().get(...params) as string | undefined) ?? null;
    const recorded = tables.has('meta') ? first('SELECT value FROM meta WHERE key = ?', META_KEY) : null;
    const sample =
      (tables.has('meta') ? first("SELECT value FROM meta WHERE key LIKE '%\\_enc' ESCAPE '\\' LIMIT 1") : null) ??
      (tables.has('bots') ? first('SELECT token_enc FROM bots LIMIT 1') : null) ??
      (tables.has('accounts') ? first('SELECT coalesce(session_enc, api_hash_enc) FROM accounts WHERE coalesce(session_enc, api_hash_enc) IS NOT NULL LIMIT 1') : null);
    return { recorded: recorded === null ? null : parseCheck(recorded, path), sample };
  } catch (error) {
    if (error instanceof DatabaseFileError) throw error;
    throw new DatabaseFileError(
      'damaged',
      `The database ${path} is damaged (${(error as Error).message}). It was left untouched; restore a copy from ${join(path, '..', 'backups')} or choose another data folder.`,
    );
  } finally {
    db?.close();
  }
}

function parseCheck(text: string, path: string): KeyCheck {
  const parsed = JSON.parse(text) as Partial<KeyCheck>;
  if (parsed.version !== 1 || (parsed.holder !== 'file' && parsed.holder !== 'keychain') || typeof parsed.check !== 'string') {
    throw new DatabaseFileError('damaged', `The database ${path} records its key in a form this version cannot read. It was left untouched.`);
  }
  return parsed as KeyCheck;
}
