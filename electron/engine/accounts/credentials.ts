import type { Database } from 'better-sqlite3';
import { DeskError } from '../../../shared/contract/result';
import type { SecretBox } from '../secrets/secret-box';
import type { TelegramEnvironment } from '../telegram/environment';
import type { AccountRow } from './store/account-repo';
import { readDefaultApi, type ApiCredentials } from './store/default-api';

/** The sandbox ignores api_id/api_hash; these stand in when none were set. */
const SANDBOX_CREDENTIALS: ApiCredentials = { apiId: 1, apiHash: 'sandbox' };

/** An account's own api_id/api_hash, else the app-wide default, else (sandbox only) a stand-in. */
export function credentialsFor(db: Database, secrets: SecretBox, telegram: TelegramEnvironment, row: AccountRow | null): ApiCredentials {
  if (row?.api_id != null && row.api_hash_enc) return { apiId: row.api_id, apiHash: secrets.decrypt(row.api_hash_enc) };
  const defaults = readDefaultApi(db, secrets);
  if (defaults) return defaults;
  if (!telegram.needsApiCredentials) return SANDBOX_CREDENTIALS;
  throw new DeskError('api_credentials_missing', 'Set api_id and api_hash first (from my.telegram.org), for all accounts or for this one.');
}
