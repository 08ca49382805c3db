import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

export const SECRET_KEY_BYTES = 32;

/**
 * Supplies the key that encrypts secrets at rest. Electron backs it with safeStorage;
 * headless mode keeps it in a file readable only by its owner.
 */
export interface SecretKeyProvider {
  getKey(): Promise<Buffer>;
}

export function fileSecretKeyProvider(path: string): SecretKeyProvider {
  let cached: Buffer | undefined;
  return {
    async getKey() {
      if (cached) return cached;
      if (existsSync(path)) {
        const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
        if (key.length !== SECRET_KEY_BYTES) {
          throw new Error(
            `The key file ${path} is damaged (expected ${SECRET_KEY_BYTES} bytes). Secrets stored with it cannot be read; restore the file from a copy.`,
          );
        }
        cached = key;
      } else {
        cached = randomBytes(SECRET_KEY_BYTES);
        writeFileSync(path, cached.toString('base64'), { mode: 0o600, flag: 'wx' });
        chmodSync(path, 0o600);
      }
      return cached;
    },
  };
}
