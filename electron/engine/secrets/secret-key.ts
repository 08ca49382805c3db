import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

export const SECRET_KEY_BYTES = 32;

/** Headless mode keeps its key in the data folder under this name. */
export const HEADLESS_KEY_FILE = 'secret.key';

/** Who guards the key: the operating system's keychain (the window) or the file's owner-only mode (headless). */
export type KeyHolder = 'keychain' | 'file';

/**
 * Supplies the key that encrypts secrets at rest. Electron backs it with safeStorage;
 * headless mode keeps it in a file readable only by its owner. Loading and making a key are
 * apart so the engine decides, from what the data folder holds, whether a new key is allowed.
 */
export interface SecretKeyProvider {
  /** The file that keeps the key; every refusal names it. */
  readonly location: string;
  readonly holder: KeyHolder;
  /** The stored key, or null when there is none. */
  load(): Promise<Buffer | null>;
  /** Makes and stores a new key. */
  create(): Promise<Buffer>;
}

export function fileSecretKeyProvider(path: string): SecretKeyProvider {
  return {
    location: path,
    holder: 'file',
    async load() {
      if (!existsSync(path)) return null;
      const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
      if (key.length !== SECRET_KEY_BYTES) {
        throw new Error(
          `The key file ${path} is damaged (expected ${SECRET_KEY_BYTES} bytes). Secrets stored with it cannot be read; restore the file from a copy.`,
        );
      }
      return key;
    },
    async create() {
      const key = randomBytes(SECRET_KEY_BYTES);
      writeFileSync(path, key.toString('base64'), { mode: 0o600, flag: 'wx' });
      chmodSync(path, 0o600);
      return key;
    },
  };
}
