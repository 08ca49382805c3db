import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { SecretBox } from '../secrets/secret-box';

const KEY = 'http_api_token_enc';

/** The token other systems present to the local API; made once, stored encrypted. */
export function apiToken(db: Database, secrets: SecretBox, options: { renew?: boolean } = {}): string {
  const stored = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(KEY) as string | undefined;
  if (stored && !options.renew) return secrets.decrypt(stored);
  const token = randomBytes(24).toString('base64url');
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, secrets.encrypt(token));
  return token;
}
