import type { Database } from 'better-sqlite3';
import type { SecretBox } from '../../secrets/secret-box';

export interface ApiCredentials {
  apiId: number;
  apiHash: string;
}

const API_ID = 'default_api_id';
const API_HASH = 'default_api_hash_enc';

function read(db: Database, key: string): string | undefined {
  return db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
}

/** What the Accounts page may show of the app-wide api_id/api_hash (never the hash). */
export function defaultApiView(db: Database): { apiId: number | null; hasApiHash: boolean } {
  const apiId = read(db, API_ID);
  return { apiId: apiId === undefined ? null : Number(apiId), hasApiHash: read(db, API_HASH) !== undefined };
}

export function readDefaultApi(db: Database, secrets: SecretBox): ApiCredentials | null {
  const apiId = read(db, API_ID);
  const apiHashEnc = read(db, API_HASH);
  if (apiId === undefined || apiHashEnc === undefined) return null;
  return { apiId: Number(apiId), apiHash: secrets.decrypt(apiHashEnc) };
}

export function writeDefaultApi(db: Database, secrets: SecretBox, credentials: ApiCredentials): void {
  const upsert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    upsert.run(API_ID, String(credentials.apiId));
    upsert.run(API_HASH, secrets.encrypt(credentials.apiHash));
  })();
}
