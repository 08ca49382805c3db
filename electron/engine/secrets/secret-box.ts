import type { Redactor } from '../logging/redact';
import { decryptSecret, encryptSecret } from './cipher';

/** Encrypts secrets for the database; every secret read back is also masked in logs from then on. */
export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export function createSecretBox(key: Buffer, redactor: Redactor): SecretBox {
  return {
    encrypt(plain) {
      redactor.remember(plain);
      return encryptSecret(key, plain);
    },
    decrypt(stored) {
      const plain = decryptSecret(key, stored);
      redactor.remember(plain);
      return plain;
    },
  };
}
