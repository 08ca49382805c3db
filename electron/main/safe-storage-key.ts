import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import { SECRET_KEY_BYTES, type SecretKeyProvider } from '../engine/secrets/secret-key';

/**
 * The engine's secret key, itself encrypted by the operating system's keychain (safeStorage),
 * so sessions and tokens in the database are useless without this user's login.
 */
export function safeStorageKeyProvider(path: string): SecretKeyProvider {
  let cached: Buffer | undefined;
  return {
    async getKey() {
      if (cached) return cached;
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error('The system keychain is not available, so secrets cannot be stored safely. Unlock or install a keyring and start again.');
      }
      if (existsSync(path)) {
        cached = Buffer.from(safeStorage.decryptString(readFileSync(path)), 'base64');
        if (cached.length !== SECRET_KEY_BYTES) throw new Error(`The key file ${path} is damaged.`);
      } else {
        cached = randomBytes(SECRET_KEY_BYTES);
        writeFileSync(path, safeStorage.encryptString(cached.toString('base64')), { mode: 0o600, flag: 'wx' });
      }
      return cached;
    },
  };
}

/** Linux without a keyring falls back to a fixed key; worth a warning in the log. */
export function keychainIsWeak(): boolean {
  return process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
}
