import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import { SECRET_KEY_BYTES, type SecretKeyProvider } from '../engine/secrets/secret-key';

/**
 * The engine's secret key, itself encrypted by the operating system's keychain (safeStorage),
 * so sessions and tokens in the database are useless without this user's login.
 */
export function safeStorageKeyProvider(path: string): SecretKeyProvider {
  const requireKeychain = () => {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('The system keychain is not available, so secrets cannot be stored safely. Unlock or install a keyring and start again.');
    }
  };
  return {
    location: path,
    holder: 'keychain',
    async load() {
      if (!existsSync(path)) return null;
      requireKeychain();
      const key = Buffer.from(safeStorage.decryptString(readFileSync(path)), 'base64');
      if (key.length !== SECRET_KEY_BYTES) throw new Error(`The key file ${path} is damaged; restore it from a copy.`);
      return key;
    },
    async create() {
      requireKeychain();
      const key = randomBytes(SECRET_KEY_BYTES);
      writeFileSync(path, safeStorage.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
      return key;
    },
  };
}

/** Linux without a keyring falls back to a fixed key; worth a warning in the log. */
export function keychainIsWeak(): boolean {
  return process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
}
